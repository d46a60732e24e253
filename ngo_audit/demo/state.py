"""What the simulation remembers beside the file: each subject's traits and each finding's fate.

The file holds what happened; these hold what the story has decided will happen
(how likely a subject is to comply, whether a finding will be withdrawn or
escalated), which no table records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .params import BLACKLIST


@dataclass
class SimSubject:
    """A subject as the story sees it: the traits that set its odds, where it is, the titles it was given."""

    id: int
    name: str
    kind: str  # "enterprise" | "department"
    industry: str = ""
    credit: str = "blue"
    key: bool = False
    lat: float = 0.0
    lon: float = 0.0
    town: str = ""
    not_applicable: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)

    @property
    def blacklisted(self) -> bool:
        return self.name in BLACKLIST


@dataclass
class FindingFate:
    """What the simulation decided for one finding; ``token`` invalidates stale events."""

    subject_id: int
    category: str  # enterprise criterion key, or "department"
    severity: str
    scene: str
    withdraw: bool = False
    escalate_early: bool = False
    extend: bool = False
    rounds: int = 0
    token: int = 0
    before_photo: bool = False
    photo_seed: int = 0
    lead_id: int | None = None
