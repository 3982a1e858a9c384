"""Prompt files: prompts/<task>.v<N>.md, a YAML-like header naming the variables, then [system], [example] and
[user] parts rendered with a sandboxed Jinja2 environment (a template can read variables, never run code).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

_HEADER = re.compile(r"\A---\n(?P<header>.*?)\n---\n", re.S)
_PART = re.compile(r"^\[(system|example|user)\]\s*$", re.M)
_COMMENT = re.compile(r"\{#.*?#\}\n?", re.S)


@dataclass(frozen=True)
class Prompt:
    """A parsed prompt file: its name, version, declared variables, parts and content hash."""

    name: str
    version: int
    variables: tuple[str, ...]
    parts: tuple[tuple[str, str], ...]  # (role, template text)
    sha256: str

    def messages(self, **values: object) -> list[dict[str, str]]:
        """Chat messages with the variables filled in; every declared variable must be given, no other."""
        if set(values) != set(self.variables):
            raise ValueError(f"prompt {self.name}.v{self.version} takes {sorted(self.variables)}, "
                             f"got {sorted(values)}")
        env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
        out: list[dict[str, str]] = []
        for role, template in self.parts:
            text = env.from_string(template).render(**values).strip()
            if role == "example":  # a worked example rides with the system message
                out[-1]["content"] += "\n\n示例：\n" + text
            else:
                out.append({"role": role, "content": text})
        return out


@cache
def load(name: str, version: int) -> Prompt:
    """prompts/<name>.v<version>.md, as shipped with the package."""
    text = files("narrcheck").joinpath(f"_prompts/{name}.v{version}.md").read_text(encoding="utf-8")
    header = _HEADER.match(text)
    if header is None:
        raise ValueError(f"prompt {name}.v{version}: no header")
    variables = tuple(re.findall(r"^  (\w+):", header.group("header"), re.M))
    body = _COMMENT.sub("", text[header.end():])
    pieces = _PART.split(body)
    parts = tuple((pieces[i], pieces[i + 1]) for i in range(1, len(pieces) - 1, 2))
    return Prompt(name, version, variables, parts, hashlib.sha256(text.encode("utf-8")).hexdigest())
