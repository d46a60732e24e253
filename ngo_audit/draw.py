"""The double-random draw (双随机), reproducible by anyone from what is stored.

Algorithm ``sha256-rank-v1``: every candidate has a key (a subject's credit
code, or its uid when it has none; an auditor's uid).  Its rank is the hex
SHA-256 of the UTF-8 text ``"<seed>|<key>"``; the candidates with the lowest
ranks are drawn (ties cannot happen for distinct keys).  The result does not
depend on the order of the pool, on Python's random module or on this program:
a reviewer can recompute it with a spreadsheet or ``sha256sum``.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from .errors import ValidationError

ALGORITHM = "sha256-rank-v1"


@dataclass(frozen=True)
class Candidate:
    key: str
    uid: str
    name: str

    def as_dict(self) -> dict[str, str]:
        return {"key": self.key, "uid": self.uid, "name": self.name}


def new_seed() -> str:
    """A fresh seed, short enough to read out in a meeting and publish."""
    return secrets.token_hex(8)


def rank(seed: str, key: str) -> str:
    return hashlib.sha256(f"{seed}|{key}".encode()).hexdigest()


def draw(seed: str, pool: Sequence[Candidate], count: int) -> list[Candidate]:
    """Pick ``count`` candidates; raises if the pool is too small or keys repeat."""
    seed = (seed or "").strip()
    if not seed:
        raise ValidationError("请填写随机种子。", "A seed is required.", field="seed")
    if count < 0:
        raise ValidationError("抽取数量不能为负数。", "The number to draw cannot be negative.", field="count")
    keys = [c.key for c in pool]
    if len(set(keys)) != len(keys):
        raise ValidationError("候选名单中有重复对象。", "The pool contains the same candidate twice.", field="pool")
    if count > len(pool):
        raise ValidationError(
            f"候选名单只有 {len(pool)} 个，不能抽取 {count} 个。",
            f"The pool has only {len(pool)} candidates; cannot draw {count}.",
            field="count",
        )
    return sorted(pool, key=lambda c: rank(seed, c.key))[:count]


def redraw_matches(seed: str, pool: Sequence[dict], count: int, result: Sequence[str]) -> bool:
    """Re-run a stored draw and compare with its stored result (keys, in drawn order)."""
    candidates = [Candidate(p["key"], p.get("uid", ""), p.get("name", "")) for p in pool]
    return [c.key for c in draw(seed, candidates, count)] == list(result)


def verify_draw(record) -> bool:
    """Re-run a stored draw (a ``RandomDraw`` record) from its seed and pools; True when it gives the
    stored result, auditors included.  Anyone can do the same by hand: see the module's docstring."""
    if not redraw_matches(record.seed, record.pool, record.subject_count, record.result):
        return False
    if record.auditor_count:
        expected = []
        for key in record.result:
            picked = draw(
                f"{record.seed}|{key}",
                [Candidate(p["key"], p["uid"], p["name"]) for p in record.auditor_pool],
                record.auditor_count,
            )
            expected.append(",".join(p.key for p in picked))
        return expected == list(record.auditor_result)
    return True
