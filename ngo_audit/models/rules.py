"""Length and type rules of the schema, enforced by the core on every engine.

SQLite stores a 61-character actor in a String(60) column, a NUL inside a
text, a 64-bit number in an Integer column; PostgreSQL refuses each of them.
Checked here for every row about to be written (the mapper's before_insert /
before_update, which also sees the change-log entries), so a store accepts
exactly the same data on both engines and a field copy always fits the server.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, String, event, inspect

from ..errors import ValidationError
from .base import Base

INT32 = 2**31 - 1


def _refuse(table: str, column: str, zh: str, en: str) -> ValidationError:
    return ValidationError(f"{zh}（{table}.{column}）", f"{en} ({table}.{column})", field=column)


def check_row(mapper, connection, target) -> None:
    state = inspect(target)
    table = mapper.local_table.name
    for prop in mapper.column_attrs:
        if prop.key not in state.dict:
            continue  # not loaded, not changed
        value = state.dict[prop.key]
        col = prop.columns[0]
        kind = col.type
        if isinstance(value, str):
            length = getattr(kind, "length", None)
            if isinstance(kind, String) and length and len(value) > length:
                raise _refuse(table, col.name, f"内容过长：最多 {length} 个字符，实际 {len(value)} 个",
                              f"Too long: at most {length} characters, {len(value)} given")
            if "\x00" in value:
                raise _refuse(table, col.name, "内容含有不可见的空字符（NUL），请删除后重试",
                              "The text holds an invisible NUL character; remove it and try again")
        elif isinstance(value, int) and not isinstance(value, bool) and isinstance(kind, Integer) \
                and not isinstance(kind, BigInteger) and not -INT32 - 1 <= value <= INT32:
            raise _refuse(table, col.name, f"数值 {value} 超出范围", f"The number {value} is out of range")


def install() -> None:
    for name in ("before_insert", "before_update"):
        if not event.contains(Base, name, check_row):
            event.listen(Base, name, check_row, propagate=True)


install()
