"""The shape of a category definition: a small declarative object plus one `matches`.

A definition reads the taxonomy (`docs/rules.md`) as a fact over the analysis layer
(`contractml.analysis`). An `include` definition names statements outright: the fusion
step (`contractml.fusion`) makes each one a candidate, scored with the definition's
measured precision. An `exclude` definition rules statements out: nothing it matches
becomes a finding of its category, whatever the network or a detector says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from contractml.analysis.context import FileFacts
from contractml.records import FunctionRecord, NodeRecord

#: `matches(facts, function, node)`: whether the definition names (or rules out) the
#: statement `node` of `function`, with `facts` the file's cached analysis facts.
Matcher = Callable[[FileFacts, FunctionRecord, NodeRecord], bool]


@dataclass(frozen=True)
class Definition:
    #: stable id, `<category>.<name>`; findings name it as `definition:<id>`
    id: str
    category: str
    kind: Literal["include", "exclude"]
    #: one sentence: what the definition names (or rules out)
    summary: str
    #: what a user reads about a statement it names, completing "the statement ..."
    explanation: str
    #: Laplace-smoothed precision of an `include` definition (the score of what it
    #: names); None for an exclusion
    precision: float | None
    #: the data the precision was measured on, and the counts
    measured_on: str
    matches: Matcher

    def __post_init__(self) -> None:
        if not self.id.startswith(f"{self.category}."):
            raise ValueError(f"definition id {self.id!r} must start with its category")
        if (self.kind == "include") != (self.precision is not None):
            raise ValueError(f"{self.id}: an include definition has a precision, an "
                             "exclusion none")

    @property
    def source(self) -> str:
        """How a finding names this definition in its `sources`."""
        return f"definition:{self.id}"
