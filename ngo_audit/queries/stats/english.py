"""The English names the file holds (optional): subjects', the commissioning government's, the NGO's."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import Contract, Subject, Term


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


def english_terms(session: Session) -> dict[str, str]:
    """Chinese → English of the terms' titles, categories and legal bases, for every one that has its English."""
    out: dict[str, str] = {}
    for row in session.execute(select(Term.title, Term.title_en, Term.category, Term.category_en, Term.legal_basis,
                                      Term.legal_basis_en)):
        for zh, en in zip(row[::2], row[1::2], strict=True):
            if zh and zh.strip() and en and en.strip():
                out.setdefault(zh.strip(), en.strip())
    return out
