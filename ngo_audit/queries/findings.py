"""Finding lists for tables: filter → ids (sorted, paged) → rows loaded on demand.

The GUI's table models hold only ids and ask :func:`finding_rows` for the rows
they show, so a 50,000-finding file scrolls without loading everything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import Select, and_, any_, case, func, or_, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from ..lifecycle import AWAITING_SUBJECT, overdue_at, overdue_clause
from ..models import Finding, FindingStatus, Grid, Severity, Subject, Term
from ..quarters import Quarter

SEVERITY_RANK = {Severity.MINOR: 1, Severity.GENERAL: 2, Severity.SERIOUS: 3, Severity.CRITICAL: 4}


@dataclass
class FindingFilter:
    statuses: list[FindingStatus] = field(default_factory=list)
    severities: list[Severity] = field(default_factory=list)
    subject_ids: list[int] = field(default_factory=list)
    term_ids: list[int] = field(default_factory=list)
    quarter: Quarter | None = None
    overdue: bool | None = None  # True: only overdue; False: only not overdue
    # Rectifications due in a deadline range (both ends included): only findings the subject still
    # owes (open or notified), the dashboard's "due soon" rule, so its tile and this list agree.
    due_from: date | None = None
    due_to: date | None = None
    text: str = ""
    as_of: date = field(default_factory=date.today)


def due_clause(due_from: date | None, due_to: date | None):
    """Rectifications still owed whose deadline lies in [due_from, due_to] (an open end: no bound)."""
    conditions = [Finding.status.in_([s.value for s in AWAITING_SUBJECT]), Finding.deadline.is_not(None)]
    if due_from is not None:
        conditions.append(Finding.deadline >= due_from)
    if due_to is not None:
        conditions.append(Finding.deadline <= due_to)
    return and_(*conditions)


def _severity_rank():
    return case({s.value: r for s, r in SEVERITY_RANK.items()}, value=Finding.severity, else_=0)


SORT_KEYS = ("id", "found_on", "deadline", "severity", "status", "subject", "term")


def like_escape(text: str) -> str:
    """Make user text literal inside a LIKE pattern ("!" is the escape character)."""
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def _like_op(session: Session) -> str:
    # SQLite's LIKE already ignores ASCII case (and lower() folds nothing else there), so
    # ilike()'s lower(x) LIKE lower(y) only doubles the cost of a full scan.
    return "like" if session.get_bind().dialect.name == "sqlite" else "ilike"


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _apply(q: Select, flt: FindingFilter, joined_subject: bool, dialect: str = "sqlite") -> tuple[Select, bool]:
    like = "like" if dialect == "sqlite" else "ilike"
    if flt.statuses:
        q = q.where(Finding.status.in_([FindingStatus(s) for s in flt.statuses]))
    if flt.severities:
        q = q.where(Finding.severity.in_([Severity(s) for s in flt.severities]))
    if flt.subject_ids:
        q = q.where(Finding.subject_id.in_(flt.subject_ids))
    if flt.term_ids:
        q = q.where(Finding.term_id.in_(flt.term_ids))
    if flt.quarter is not None:
        q = q.where(Finding.found_on.between(flt.quarter.start, flt.quarter.end))
    if flt.overdue is True:
        q = q.where(overdue_clause(flt.as_of))
    elif flt.overdue is False:
        q = q.where(~overdue_clause(flt.as_of))
    if flt.due_from is not None or flt.due_to is not None:
        q = q.where(due_clause(flt.due_from, flt.due_to))
    text = flt.text.strip()
    if text:
        pattern = "%" + like_escape(text) + "%"
        if text.lower() == text.upper():  # nothing to fold (Chinese, digits): plain LIKE, much cheaper than ILIKE
            like = "like"

        def match(col):
            return getattr(col, like)(pattern, escape="!")

        # Subjects matching by name/code are found once (2,000 rows), not looked up per finding.
        subjects = select(Subject.id).where(or_(match(Subject.name), match(Subject.credit_code)))
        if dialect == "postgresql":
            # "= ANY(ARRAY(…))" is one more arm of a bitmap OR over the trigram indexes of the title and the
            # description (migration 0011), where "IN (SELECT …)" makes PostgreSQL read every finding.
            of_subjects = Finding.subject_id == any_(func.array(subjects.scalar_subquery()))
        else:
            of_subjects = Finding.subject_id.in_(subjects)
        q = q.where(or_(match(Finding.title), match(Finding.description), of_subjects))
    return q, joined_subject


def finding_ids(session: Session, flt: FindingFilter, *, sort: str = "found_on", descending: bool = True,
                limit: int | None = None, offset: int = 0) -> list[int]:
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    if sort == "subject":  # by the subject's name in pinyin order (the one sort key of names)
        from ..pinyin import sort_key

        # The pinyin of each subject's name once (2,000), not of each finding's (50,000); then whole numbers sort.
        keys = {sid: sort_key(name) for sid, name in session.execute(select(Subject.id, Subject.name))}
        rank = {key: n for n, key in enumerate(sorted(set(keys.values())))}
        of_subject = {sid: rank[key] for sid, key in keys.items()}
        if _dialect(session) == "postgresql":
            # On a server the order is applied there: the subjects' ranks go in as one array, joined to the
            # findings, so only the page asked for comes back (not 50,000 rows to sort here).
            ranks = func.unnest(postgresql.array(list(of_subject)), postgresql.array(list(of_subject.values()))
                                ).table_valued("sid", "rank").render_derived(name="subject_rank")
            q, _joined = _apply(select(Finding.id), flt, False, "postgresql")
            q = q.join(ranks, ranks.c.sid == Finding.subject_id)
            direction = (lambda c: c.desc()) if descending else (lambda c: c.asc())
            q = q.order_by(direction(ranks.c.rank), direction(Finding.id)).offset(offset)
            if limit is not None:
                q = q.limit(limit)
            return list(session.scalars(q))
        q, _joined = _apply(select(Finding.id, Finding.subject_id), flt, False, _dialect(session))
        rows = session.execute(q).all()
        ids = [i for i, _s in sorted(rows, key=lambda r: (of_subject[r[1]], r[0]), reverse=descending)]
        return ids[offset:offset + limit] if limit is not None else ids[offset:]
    q, joined = _apply(select(Finding.id), flt, False, _dialect(session))
    if sort == "subject":
        if not joined:
            q = q.join(Subject, Subject.id == Finding.subject_id)
        key = Subject.name
    elif sort == "term":
        q = q.join(Term, Term.id == Finding.term_id)
        key = Term.sort_key
    elif sort == "severity":
        key = _severity_rank()
    else:
        key = getattr(Finding, sort)
    order = [key.desc() if descending else key.asc(), Finding.id.desc() if descending else Finding.id.asc()]
    if sort == "deadline":  # findings without a deadline last, whichever the direction
        order.insert(0, Finding.deadline.is_(None))
    q = q.order_by(*order).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    return list(session.scalars(q))


def count_findings(session: Session, flt: FindingFilter) -> int:
    q, _ = _apply(select(func.count(Finding.id)), flt, False, _dialect(session))
    return session.scalar(q) or 0


GROUPS = ("status", "severity", "term", "subject", "industry", "grid", "quarter", "overdue")


def counts_by(session: Session, flt: FindingFilter, group: str) -> dict:
    """Number of findings per group value (status, severity, term id, subject id, industry…)."""
    if group not in GROUPS:
        raise ValueError(f"unknown group {group!r}")
    dialect = _dialect(session)
    if group == "quarter":
        # Count per day (≤ 366 a year, from the found_on index) and fold into quarters here:
        # portable, and no date function evaluated per finding.
        q, _ = _apply(select(Finding.found_on, func.count(Finding.id)).group_by(Finding.found_on), flt, False, dialect)
        per_quarter: dict[str, int] = {}
        for day, n in session.execute(q):
            key = str(Quarter.of(day))
            per_quarter[key] = per_quarter.get(key, 0) + n
        return dict(sorted(per_quarter.items()))
    if group == "overdue":
        col = case((overdue_clause(flt.as_of), True), else_=False)
        q, _ = _apply(select(col, func.count(Finding.id)).group_by(col), flt, False, dialect)
        return {bool(k): c for k, c in session.execute(q)}
    joined = False
    if group in ("industry", "grid"):
        col = Subject.industry if group == "industry" else Subject.grid_id
        q = select(col, func.count(Finding.id)).join(Subject, Subject.id == Finding.subject_id).group_by(col)
        joined = True
    else:
        col = {"status": Finding.status, "severity": Finding.severity, "term": Finding.term_id,
               "subject": Finding.subject_id}[group]
        q = select(col, func.count(Finding.id)).group_by(col)
    q, _ = _apply(q, flt, joined, dialect)
    return dict(session.execute(q).all())


class FindingRow(NamedTuple):
    id: int
    found_on: date
    subject_id: int
    subject_name: str
    term_id: int
    term_number: str
    term_title: str
    severity: Severity
    title: str
    deadline: date | None
    status: FindingStatus
    overdue: bool
    grid_name: str


def finding_rows(session: Session, ids: Sequence[int], as_of: date) -> list[FindingRow]:
    """Display rows for the given ids, in the order given."""
    if not ids:
        return []
    q = (
        select(Finding.id, Finding.found_on, Finding.subject_id, Subject.name, Finding.term_id, Term.number,
               Term.title, Finding.severity, Finding.title, Finding.deadline, Finding.status, Grid.name)
        .join(Subject, Subject.id == Finding.subject_id)
        .join(Term, Term.id == Finding.term_id)
        .outerjoin(Grid, Grid.id == Subject.grid_id)
        .where(Finding.id.in_(list(ids)))
    )
    rows = {}
    for r in session.execute(q):
        overdue = overdue_at(r[10], r[9], as_of)
        rows[r[0]] = FindingRow(*r[:11], overdue, r[11] or "")
    return [rows[i] for i in ids if i in rows]
