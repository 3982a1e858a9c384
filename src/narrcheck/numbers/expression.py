"""Evaluate a written formula (“（644045.07-775529.01）/775529.01×100%”) over the intervals of its figures."""

from __future__ import annotations

import re
from decimal import Decimal

from narrcheck.numbers.interval import Interval
from narrcheck.numbers.parse import normalize_digits, parse_number

_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)|(?P<op>[-+*/()|]))")
_REWRITE = str.maketrans({"（": "(", "）": ")", "[": "(", "]": ")", "×": "*", "÷": "/", "｜": "|"})


def normalize_expression(text: str) -> str:
    """ASCII form of a written formula; a trailing ×100% becomes *100."""
    s = normalize_digits(text).translate(_REWRITE)
    s = re.sub(r"\*\s*100\s*%", "*100", s)
    return re.sub(r"\s+", "", s).replace("%", "")


def evaluate(text: str) -> Interval:
    """Interval value of the expression; each printed number stands for its rounding interval.

    The factor 100 of a percentage (…*100) is exact. Raises ValueError when the text is not arithmetic.
    """
    expr = normalize_expression(text)
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(expr):
        m = _TOKEN.match(expr, pos)
        if not m:
            raise ValueError(f"not arithmetic: {text!r}")
        tokens.append(("num", m.group("num")) if m.group("num") else ("op", m.group("op")))
        pos = m.end()
    parser = _Parser(tokens)
    value = parser.expr()
    if parser.i != len(tokens):
        raise ValueError(f"not arithmetic: {text!r}")
    return value


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def expr(self) -> Interval:
        value = self.term()
        while (tok := self.peek()) and tok[1] in "+-" and tok[0] == "op":
            self.i += 1
            rhs = self.term()
            value = value + rhs if tok[1] == "+" else value - rhs
        return value

    def term(self) -> Interval:
        value = self.factor()
        while (tok := self.peek()) and tok[0] == "op" and tok[1] in "*/":
            self.i += 1
            exact_hundred = tok[1] == "*" and self.peek() == ("num", "100") and self.i + 1 == len(self.tokens)
            rhs = Interval.exact(Decimal(100)) if exact_hundred else self.factor()
            if exact_hundred:
                self.i += 1
            value = value * rhs if tok[1] == "*" else value / rhs
        return value

    def factor(self) -> Interval:
        tok = self.peek()
        if tok is None:
            raise ValueError("unexpected end of formula")
        self.i += 1
        if tok == ("op", "("):
            value = self.expr()
            if self.peek() != ("op", ")"):
                raise ValueError("unbalanced parentheses")
            self.i += 1
            return value
        if tok == ("op", "|"):  # |a-b|: the absolute value
            value = self.expr()
            if self.peek() != ("op", "|"):
                raise ValueError("unbalanced absolute-value bars")
            self.i += 1
            return abs(value)
        if tok == ("op", "-"):
            return Interval.exact(Decimal(0)) - self.factor()
        if tok[0] == "num":
            q = parse_number(tok[1])
            return Interval.printed(q.value, q.decimals)
        raise ValueError(f"unexpected {tok[1]!r}")
