"""Length and type rules of the schema, enforced by the core on every engine.

SQLite stores a 61-character actor in a String(60) column, a NUL inside a
text, a 64-bit number in an Integer column; PostgreSQL refuses each of them.
Checked here for every row about to be written (the mapper's before_insert /
before_update, which also sees the change-log entries), so a store accepts
exactly the same data on both engines and a field copy always fits the server.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, String, event

from ..errors import ValidationError
from .base import Base

INT32 = 2**31 - 1


def _refuse(table: str, column: str, zh: str, en: str) -> ValidationError:
    return ValidationError(f"{zh}（{table}.{column}）", f"{en} ({table}.{column})", field=column)


_PLANS: dict = {}


def _plan(mapper) -> list[tuple[str, str, int | None, bool]]:
    """(attribute, column, max length or None, is a 32-bit integer) of the columns worth checking."""
    plan = _PLANS.get(mapper)
    if plan is None:
        plan = []
        for prop in mapper.column_attrs:
            kind = prop.columns[0].type
            if isinstance(kind, String):  # Text too: NUL is refused by PostgreSQL in any text
                plan.append((prop.key, prop.columns[0].name, getattr(kind, "length", None), False))
            elif isinstance(kind, Integer) and not isinstance(kind, BigInteger):
                plan.append((prop.key, prop.columns[0].name, None, True))
        _PLANS[mapper] = plan
    return plan


def check_row(mapper, connection, target) -> None:
    check_values(mapper, target.__dict__)  # what is loaded or set (deferred columns not loaded are not checked)


def check_values(mapper, values: dict, *, by_column: bool = False) -> None:
    """The rules for one row of ``mapper``'s table given as attribute (or, ``by_column``, column) values:
    also for rows written below the ORM, such as the change log's entries."""
    table = mapper.local_table.name
    for key, column, length, is_int in _plan(mapper):
        value = values.get(column if by_column else key)
        if value is None:
            continue
        if is_int:
            if isinstance(value, int) and not isinstance(value, bool) and not -INT32 - 1 <= value <= INT32:
                raise _refuse(table, column, f"数值 {value} 超出范围", f"The number {value} is out of range")
        elif isinstance(value, str):
            if length and len(value) > length:
                raise _refuse(table, column, f"内容过长：最多 {length} 个字符，实际 {len(value)} 个",
                              f"Too long: at most {length} characters, {len(value)} given")
            if "\x00" in value:
                raise _refuse(table, column, "内容含有不可见的空字符（NUL），请删除后重试",
                              "The text holds an invisible NUL character; remove it and try again")


def install() -> None:
    for name in ("before_insert", "before_update"):
        if not event.contains(Base, name, check_row):
            event.listen(Base, name, check_row, propagate=True)


install()
