"""Reading speed of the PDF and DOCX readers, and the library choices behind them.

usage: python benchmarks/formats_speed.py [N]   (needs the test extras: reportlab writes the PDFs)

The fixtures are the example and the corpus documents (from $NARRCHECK_CORPUS or ../shared/corpus, when
present), each written as DOCX (python-docx) and PDF (reportlab, STSong-Light) by tests/formats/convert.py.
For each format it prints, in the best of N passes: documents (and, for PDF, pages) per second for reading
alone and for the whole check. It also times the alternatives a reader could be built on:
- PDF: pypdfium2's text extraction (no table finder) against pdfplumber's (text and ruled tables);
- DOCX: python-docx against walking word/document.xml with lxml directly.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "formats"))

from convert import EXAMPLE, as_docx, as_pdf  # noqa: E402

from narrcheck.api import check_file, tune_gc_for_batch  # noqa: E402
from narrcheck.readers import read_document  # noqa: E402


def best(n: int, work) -> float:
    """The shortest of n timings of work() (other load on the machine only ever slows a pass)."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    corpus = Path(os.environ.get("NARRCHECK_CORPUS", ROOT.parent / "shared" / "corpus"))
    sources = [EXAMPLE, *sorted(corpus.glob("*.txt"))]
    tune_gc_for_batch()
    with tempfile.TemporaryDirectory() as tmp:
        docx_files = [as_docx(s, Path(tmp) / f"{i}.docx") for i, s in enumerate(sources)]
        pdf_files = [as_pdf(s, Path(tmp) / f"{i}.pdf") for i, s in enumerate(sources)]
        import pdfplumber
        import pypdfium2

        pages = 0
        for p in pdf_files:
            with pdfplumber.open(p) as pdf:
                pages += len(pdf.pages)
        print(f"fixtures: {len(sources)} documents; PDF {pages} pages in all")

        for name, files in (("DOCX", docx_files), ("PDF", pdf_files)):
            for path in files:  # warm-up: imports and caches
                check_file(path)
            read = best(n, lambda files=files: [read_document(p) for p in files])
            full = best(n, lambda files=files: [check_file(p) for p in files])
            extra = f", {pages / read:.1f} pages/s" if name == "PDF" else ""
            extra_full = f", {pages / full:.1f} pages/s" if name == "PDF" else ""
            print(f"{name}: read {len(files) / read:.1f} documents/s{extra}; "
                  f"read and check {len(files) / full:.1f} documents/s{extra_full}")

        def plumber_text() -> None:
            for p in pdf_files:
                with pdfplumber.open(p) as pdf:
                    for page in pdf.pages:
                        page.extract_text_lines()

        def plumber_tables() -> None:
            for p in pdf_files:
                with pdfplumber.open(p) as pdf:
                    for page in pdf.pages:
                        page.find_tables()

        def pdfium_text() -> None:
            for p in pdf_files:
                pdf = pypdfium2.PdfDocument(str(p))
                for page in pdf:
                    page.get_textpage().get_text_range()
                pdf.close()

        for label, work in (("pdfplumber text lines", plumber_text), ("pdfplumber table finder", plumber_tables),
                            ("pypdfium2 text (no tables)", pdfium_text)):
            print(f"  {label}: {pages / best(n, work):.1f} pages/s")

        from docx import Document as open_docx
        from lxml import etree

        def python_docx() -> None:
            for p in docx_files:
                open_docx(str(p))

        def raw_lxml() -> None:
            for p in docx_files:
                with zipfile.ZipFile(p) as z:
                    etree.fromstring(z.read("word/document.xml"))

        for label, work in (("python-docx open", python_docx), ("zipfile + lxml parse", raw_lxml)):
            print(f"  {label}: {len(docx_files) / best(n, work):.1f} documents/s")


if __name__ == "__main__":
    main()
