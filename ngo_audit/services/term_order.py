"""The order of the terms and their chapters (章).

A term's place is its ``sort_key``; the agreement's order is chapter by chapter in the order
the chapters first appear.  Every function renumbers the sort keys of the whole contract in
steps of 10, so the keys stay apart and a later :func:`.contracts.add_term` lands at the end.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..models import Contract, Term
from .common import get, require_text


def _ordered(session: Session, contract_id: int) -> list[Term]:
    return list(session.scalars(select(Term).where(Term.contract_id == contract_id)
                                .order_by(Term.sort_key, Term.id)))


def _renumber(terms: list[Term]) -> None:
    for i, term in enumerate(terms, start=1):
        if term.sort_key != i * 10:
            term.sort_key = i * 10


def reorder_terms(session: Session, contract_id: int, term_ids: list[int]) -> list[Term]:
    """Put the contract's terms in exactly this order (every term once)."""
    get(session, Contract, contract_id)
    terms = {t.id: t for t in _ordered(session, contract_id)}
    if sorted(term_ids) != sorted(terms):
        raise ValidationError("新的顺序必须恰好包含本协议的全部条款。",
                              "The new order must hold every term of the agreement exactly once.", field="order")
    ordered = [terms[i] for i in term_ids]
    _renumber(ordered)
    session.flush()
    return ordered


def move_term(session: Session, term_id: int, offset: int) -> Term:
    """Move a term up (negative) or down (positive) by ``offset`` places in the agreement."""
    term = get(session, Term, term_id)
    terms = _ordered(session, term.contract_id)
    i = terms.index(term)
    j = max(0, min(len(terms) - 1, i + offset))
    terms.insert(j, terms.pop(i))
    _renumber(terms)
    session.flush()
    return term


def set_chapter(session: Session, term_id: int, chapter: str) -> Term:
    """Put a term in a chapter (new or existing; "" for none): it moves to the end of that chapter."""
    term = get(session, Term, term_id)
    chapter = (chapter or "").strip()
    if len(chapter) > 120:
        raise ValidationError("章节名称太长（最多 120 字）。", "The chapter name is too long (at most 120 characters).",
                              field="chapter")
    terms = [t for t in _ordered(session, term.contract_id) if t.id != term.id]
    last = max((i for i, t in enumerate(terms) if t.chapter == chapter), default=len(terms) - 1)
    terms.insert(last + 1, term)
    term.chapter = chapter
    _renumber(terms)
    session.flush()
    return term


def rename_chapter(session: Session, contract_id: int, old: str, new: str) -> int:
    """Rename a chapter on every term in it; returns how many terms changed."""
    get(session, Contract, contract_id)
    new = require_text(new, "chapter", "章节名称", "chapter name", 120)
    terms = [t for t in _ordered(session, contract_id) if t.chapter == old]
    if not terms:
        raise ValidationError(f"没有章节“{old}”。", f"There is no chapter “{old}”.", field="chapter")
    for t in terms:
        t.chapter = new
    session.flush()
    return len(terms)


def move_chapter(session: Session, contract_id: int, chapter: str, offset: int) -> list[Term]:
    """Move a whole chapter up or down among the chapters."""
    terms = _ordered(session, contract_id)
    chapters: list[str] = list(dict.fromkeys(t.chapter for t in terms))
    if chapter not in chapters:
        raise ValidationError(f"没有章节“{chapter}”。", f"There is no chapter “{chapter}”.", field="chapter")
    i = chapters.index(chapter)
    j = max(0, min(len(chapters) - 1, i + offset))
    chapters.insert(j, chapters.pop(i))
    ordered = [t for ch in chapters for t in terms if t.chapter == ch]
    _renumber(ordered)
    session.flush()
    return ordered


def order_snapshot(session: Session, contract_id: int) -> list[tuple[int, str]]:
    """(term id, chapter) in agreement order: what :func:`restore_order` puts back (undo of any change here)."""
    return [(t.id, t.chapter) for t in _ordered(session, contract_id)]


def restore_order(session: Session, contract_id: int, snapshot: list[tuple[int, str]]) -> None:
    """Put back the order and chapters of :func:`order_snapshot`; terms added since go to the end."""
    terms = {t.id: t for t in _ordered(session, contract_id)}
    ordered = []
    for term_id, chapter in snapshot:
        term = terms.pop(term_id, None)
        if term is not None:
            term.chapter = chapter
            ordered.append(term)
    ordered += sorted(terms.values(), key=lambda t: (t.sort_key, t.id))
    _renumber(ordered)
    session.flush()
