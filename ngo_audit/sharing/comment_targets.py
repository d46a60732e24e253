"""What a review comment may be on (a finding, a subject, a term, a report section), as plain data."""

from __future__ import annotations

from dataclasses import dataclass

# The database layer is imported inside the functions: the window's start path imports this module
# (for Target) and must not load SQLAlchemy (tests/ui/test_ui_commands.py).


@dataclass(frozen=True)
class Target:
    table: str  # finding, subject, term, report_section
    uid: str = ""
    label: str = ""
    section: str = ""


def target_of(session, table: str, record_id: int) -> Target:
    from ..models import Finding, Subject

    model = {"finding": Finding, "subject": Subject}[table]
    row = session.get(model, record_id)
    return Target(table, row.uid, row.title if table == "finding" else row.name)


def comment_targets(session, found: tuple[str, int] | None) -> list[Target]:
    """What a comment may be on: the record shown (and a finding's term), a report section, any term."""
    from sqlalchemy import select

    from ..models import Finding, Term

    out: list[Target] = []
    if found is not None:
        out.append(target_of(session, *found))
        if found[0] == "finding":
            term = session.get(Finding, found[1]).term
            out.append(Target("term", term.uid, f"{term.number} {term.title}"))
    out.append(Target("report_section"))
    shown = {t.uid for t in out}
    out += [Target("term", t.uid, f"{t.number} {t.title}")
            for t in session.scalars(select(Term).order_by(Term.sort_key, Term.id)) if t.uid not in shown]
    return out


def record_id_of(session, table: str, uid: str) -> int | None:
    from sqlalchemy import select

    from ..models import Finding, Subject, Term

    model = {"finding": Finding, "subject": Subject, "term": Term}.get(table)
    return None if model is None else session.scalar(select(model.id).where(model.uid == uid))
