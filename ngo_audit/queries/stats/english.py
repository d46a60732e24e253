"""The English names the file holds (optional): subjects', the commissioning government's, the NGO's."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import Contract, Subject


def english_names(session: Session) -> dict[str, str]:
    """Chinese name → English name, for every name that has one."""
    out = {name: en.strip() for name, en in session.execute(select(Subject.name, Subject.name_en)
                                                            .where(Subject.name_en != "")) if en.strip()}
    for gov, gov_en, ngo, ngo_en in session.execute(select(Contract.government, Contract.government_en,
                                                           Contract.ngo, Contract.ngo_en)):
        if gov_en.strip():
            out[gov] = gov_en.strip()
        if ngo_en.strip():
            out[ngo] = ngo_en.strip()
    return out
