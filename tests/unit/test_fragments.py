"""Table fragments: where one table ends and the next begins, whatever the format cut them into."""

from narrcheck.readers import read_document
from narrcheck.structure import structure
from narrcheck.tables import read_tables


def table_text(rows: list[list[str]]) -> str:
    """The text export's table: a cell per TAB-led line, rows ended by a blank line."""
    return "\n\n".join("\n".join(f"\t{c}" for c in row) for row in rows) + "\n\n\n"


SCORES = [["一级指标", "二级指标", "三级指标", "权重", "得分"], ["产出指标", "数量指标", "场次", "50", "50"],
          ["效益指标", "社会效益", "人次", "50", "45"], ["合计", "100", "95"]]


def test_a_title_row_inside_one_grid_starts_a_new_table(write_doc):
    # two score tables set edge to edge (as a PDF page shows them): one grid, a title row between them
    grid = [["甲项目绩效自评表"], *SCORES, ["乙项目绩效自评表"], *SCORES]
    tables = read_tables(structure(read_document(write_doc("绩效自评\n" + table_text(grid)))))
    assert [(t.title, len(t.indicators)) for t in tables.score] == [("甲项目绩效自评表", 2), ("乙项目绩效自评表", 2)]
    assert [t.total_score.figure.value for t in tables.score] == ["95", "95"]
