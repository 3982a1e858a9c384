"""What an LLM is asked to return: claims in words and digits, each with the verbatim sentence it came from.

These are the response models given to instructor (their JSON Schema is schemas/llm_claims.schema.json).
Nothing here is trusted: narrcheck.llm.ground locates every quote in the source and every number in its
quote before a claim becomes one of the models in narrcheck.model.claims.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Kind = Literal["change", "share", "score", "reason", "completion", "count"]


class LLMClaim(BaseModel):
    """One claim as the model reads it. Figures are the digits as printed in the quote."""

    kind: Kind = Field(description="change: an amount compared with another year; share: a part as a percent "
                                   "of a whole; score: a self-evaluation score; reason: why an amount changed; "
                                   "completion: an amount done out of a planned one as a percent (执行率, "
                                   "完成率); count: how many indicators a project sets (设置N个指标)")
    quote: str = Field(description="the sentence or clause the claim is read from, copied character for "
                                   "character from the text")
    subject: str = Field(default="", description="what the figure measures, in the text's words")
    value: str | None = Field(default=None, description="change: the current amount; share: the part's "
                                                        "amount; score: the score; completion: the amount done; "
                                                        "count: the number")
    unit: str = Field(default="", description="元, 万元, 百元, %, 分 … as printed after `value`")
    prior: str | None = Field(default=None, description="change: the amount compared with")
    delta: str | None = Field(default=None, description="change: the amount of the change, without sign")
    rate: str | None = Field(default=None, description="change: the percent of the change; share and "
                                                       "completion: the percent")
    direction: Literal["up", "down", "flat"] | None = Field(default=None, description="change or reason: "
                                                                                      "增加/上升 up, 减少/下降 down")
    whole: str | None = Field(default=None, description="share: the whole's amount; completion: the planned "
                                                        "amount (when the sentence states it)")
    driver: str = Field(default="", description="reason: the item the reason cites (e.g. 会议费)")


class LLMAnswer(BaseModel):
    """Everything the model found in one chunk of text (an empty list when it found nothing)."""

    claims: list[LLMClaim] = Field(description="every claim found; an empty list when there is none")
