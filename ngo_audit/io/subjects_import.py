"""Importing subjects (监督对象) from a spreadsheet (.xlsx) or a CSV file.

The flow is read → map columns → validate every row → import:

* :func:`read_sheet` turns the file into plain strings (:class:`SheetData`),
  keeping the spreadsheet row number of each data row for error messages;
* :func:`guess_mapping` maps the sheet's headers (Chinese or English, any
  case, full-width or not) to the importable fields (:data:`FIELDS`);
* :func:`validate_rows` checks every row without changing anything and
  reports *all* problems (:class:`RowError`);
* :func:`import_subjects` imports all rows or none (unless asked to import
  only the good ones).  It only adds to the caller's session: the caller's
  session block commits, and an exception anywhere rolls everything back.

Reading and mapping live in :mod:`.subjects_read`, validating in
:mod:`.subjects_validate`; their public names are importable from here too,
which is where the rest of the app imports them from.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from sqlalchemy.orm import Session

from ..errors import ImportRowErrors
from ..models import Subject
from ..services.subjects import SubjectData, grid_by_path
from .subjects_read import (
    CSV_SUFFIXES,
    FIELDS,
    MAX_CSV_BYTES,
    MAX_ROWS,
    XLSX_SUFFIXES,
    ImportField,
    SheetData,
    guess_mapping,
    read_sheet,
)
from .subjects_validate import PROGRESS_EVERY as _PROGRESS_EVERY
from .subjects_validate import Progress, RowError, missing_fields, validate_rows, with_derived_sectors
from .subjects_validate import tick as _tick

# _PROGRESS_EVERY and _tick are bound here because the import loop below reads them
# from this module's globals: the GUI test of cancelling mid-import patches them here.

__all__ = [
    "CSV_SUFFIXES", "FIELDS", "MAX_CSV_BYTES", "MAX_ROWS", "XLSX_SUFFIXES", "ImportField", "ImportResult",
    "Progress", "RowError", "SheetData", "guess_mapping", "import_file", "import_subjects", "missing_fields",
    "read_sheet", "validate_rows", "with_derived_sectors",
]


@dataclass
class ImportResult:
    """What an import added, and the rows it skipped with their problems (``only_good_rows``)."""

    imported: int
    skipped_rows: list[int]
    errors: list[RowError]


_SUBJECT_COLUMNS = [f.name for f in fields(SubjectData) if f.name not in ("extra", "grid_id")]


def import_subjects(
    session: Session,
    sheet: SheetData,
    mapping: dict[str, int] | None = None,
    *,
    only_good_rows: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Validate every row, then import them all, or raise :class:`ImportRowErrors` and add nothing.

    With ``only_good_rows`` the rows with errors are skipped and listed instead.
    Missing grid cells of a full path are created.  The caller's session block
    commits; an exception (e.g. :class:`Cancelled`) leaves the session to be
    rolled back by it.
    """
    if mapping is None:
        mapping = guess_mapping(sheet.headers)
    n = len(sheet.rows)
    total = 2 * n
    good, errors = validate_rows(session, sheet, mapping, progress=progress, progress_total=total)
    if errors and not only_good_rows:
        raise ImportRowErrors(errors)

    grid_ids: dict[str, int | None] = {"": None}
    for _, _, path in good:
        if path not in grid_ids:
            grid = grid_by_path(session, path, create=True)
            grid_ids[path] = grid.id if grid is not None else None

    for i, (_, data, path) in enumerate(good, start=1):
        values = {k: getattr(data, k) for k in _SUBJECT_COLUMNS}
        session.add(Subject(**values, grid_id=grid_ids[path]))
        if i % _PROGRESS_EVERY == 0:
            session.flush()
            _tick(progress, n + i * n // len(good), total)
    session.flush()
    _tick(progress, total, total)
    return ImportResult(
        imported=len(good),
        skipped_rows=sorted({e.row for e in errors}),
        errors=errors,
    )


def import_file(
    session: Session,
    path: Path,
    sheet: str | None = None,
    *,
    only_good_rows: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Read ``path`` and import its subjects with the guessed column mapping."""
    data = read_sheet(path, sheet)
    return import_subjects(session, data, only_good_rows=only_good_rows, progress=progress)
