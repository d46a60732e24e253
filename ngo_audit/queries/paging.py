"""A long list shown in two steps: first the count and the first block, then the whole id list.

Every list query comes as three functions (ids, count, rows for ids); :func:`first_block` runs
the first step in one unit of work so that the first rows show at once, however long the list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.orm import Session

Query = tuple[Callable[..., Any], Sequence[Any]]


def first_block(session: Session, ids_query: tuple[Callable[..., list[int]], Sequence[Any], dict],
                count_query: Query, rows_query: Query, block: int) -> tuple[int, list[int], list]:
    """``(count, the first block's ids, their rows)``; the count is only asked for when the block is full."""
    ids_fn, ids_args, ids_kwargs = ids_query
    count_fn, count_args = count_query
    rows_fn, rows_args = rows_query
    ids = ids_fn(session, *ids_args, limit=block, **ids_kwargs)
    count = count_fn(session, *count_args) if len(ids) == block else len(ids)
    return count, ids, (rows_fn(session, ids, *rows_args) if ids else [])
