"""The subjects table: holds only the ids of the filtered, sorted list; rows load lazily.

Same pattern as :mod:`ui.findings.model`: ``subject_ids`` gives the whole
filtered order at once, the rows of the blocks the view asks for are loaded
through the worker with ``subject_rows`` and show as "…" until then.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    Qt,
)
from PySide6.QtGui import QColor

from ..context import FileContext
from ..texts import cap
from ..widgets.lazy_model import LazyIdModel

ID_ROLE = Qt.ItemDataRole.UserRole

# (header source text, sort key of ngo_audit.queries.subjects)
COLUMNS = (
    (QT_TRANSLATE_NOOP("SubjectsModel", "Name"), "name"),
    (QT_TRANSLATE_NOOP("SubjectsModel", "Kind"), "kind"),
    (QT_TRANSLATE_NOOP("SubjectsModel", "Sector"), "sector"),
    (QT_TRANSLATE_NOOP("SubjectsModel", "Industry"), "industry"),
    (QT_TRANSLATE_NOOP("SubjectsModel", "Grid"), "grid"),
    (QT_TRANSLATE_NOOP("SubjectsModel", "Key"), "key_monitored"),
    (QT_TRANSLATE_NOOP("SubjectsModel", "Credit level"), "credit_level"),
    (QT_TRANSLATE_NOOP("SubjectsModel", "Open findings"), "open_findings"),
    (QT_TRANSLATE_NOOP("SubjectsModel", "Last audit"), "last_audit"),
)
COL_NAME, COL_KIND, COL_SECTOR, COL_INDUSTRY, COL_GRID, COL_KEY, COL_LEVEL, COL_OPEN, COL_LAST_AUDIT = range(len(COLUMNS))

CREDIT_COLOURS = {"green": "#2e7d32", "blue": "#1565c0", "yellow": "#f9a825", "red": "#c62828", "black": "#212121"}
OPEN_COLOUR = QColor("#b3261e")
CREDIT_QCOLOURS = {key: QColor(value) for key, value in CREDIT_COLOURS.items()}
GREY = QColor("#9aa5ad")


def column_samples() -> dict[int, tuple[list[str], int]]:
    """For sizing the columns: the widest texts each shows (in the current language) and extra pixels."""
    from ngo_audit.labels import CREDIT_LEVEL, SECTOR, SUBJECT_KIND

    return {
        COL_KIND: ([cap(t.get()) for t in SUBJECT_KIND.values()], 0),
        COL_SECTOR: ([cap(t.get()) for t in SECTOR.values()], 0),
        COL_INDUSTRY: (["铝及铝加工", "煤及煤化工"], 0),
        COL_GRID: (["红枫湖饮用水源保护区"], 0),
        COL_KEY: (["★"], 0),
        COL_LEVEL: ([cap(t.get().split("（")[0]) for t in CREDIT_LEVEL.values()], 22),  # + the colour swatch
        COL_OPEN: (["000"], 0),
        COL_LAST_AUDIT: (["2015-12-20"], 0),
    }


class SubjectsModel(LazyIdModel):
    COLUMNS = COLUMNS

    def __init__(self, ctx: FileContext, parent=None) -> None:
        super().__init__(ctx, "name", False, parent)

    def _ids_query(self):
        from ngo_audit.queries.subjects import subject_ids

        return subject_ids, (self._filter,), {"sort": self.sort_key, "descending": self.descending}

    def _count_query(self):
        from ngo_audit.queries.subjects import count_subjects

        return count_subjects, (self._filter,)

    def _rows_query(self):
        from ngo_audit.queries.subjects import subject_rows

        return subject_rows, ()

    def _loading_label(self) -> str:
        return self.tr("Loading subjects")

    subject_id = LazyIdModel.id_at

    def header_data(self, section: int, orientation: Qt.Orientation, role: int):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(COLUMNS[section][0])
            if role == Qt.ItemDataRole.ToolTipRole:
                if section == COL_KEY:
                    return self.tr("Key-monitored enterprise")
                if section == COL_OPEN:
                    return self.tr("Findings not yet closed or withdrawn")
        return None

    def row_cells(self, row: int) -> list[dict]:
        """Every role of every column of one loaded row, computed once (an import reloads hundreds)."""
        from ngo_audit.labels import CREDIT_LEVEL

        r = self._rows[self._ids[row]]
        display, tooltip = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
        cells = [{display: self._display(r, col), ID_ROLE: r.id} for col in range(len(COLUMNS))]
        for col in (COL_KEY, COL_OPEN, COL_LAST_AUDIT):
            cells[col][Qt.ItemDataRole.TextAlignmentRole] = int(Qt.AlignmentFlag.AlignCenter)
        # The credit code is searchable and shown in the subject's file.
        cells[COL_NAME][tooltip] = f"{r.name}\n{r.credit_code}" if r.credit_code else r.name
        if r.grid_path:
            cells[COL_GRID][tooltip] = r.grid_path
        if r.industry:
            cells[COL_INDUSTRY][tooltip] = r.industry
        if r.credit_level is not None:
            cells[COL_LEVEL][tooltip] = CREDIT_LEVEL[r.credit_level].get()
            cells[COL_LEVEL][Qt.ItemDataRole.DecorationRole] = CREDIT_QCOLOURS.get(r.credit_level.value, GREY)
        if r.open_findings:
            cells[COL_OPEN][Qt.ItemDataRole.ForegroundRole] = OPEN_COLOUR
        return cells

    def _display(self, r, col: int) -> str:
        from ngo_audit.labels import CREDIT_LEVEL, SECTOR, SUBJECT_KIND

        if col == COL_NAME:
            return r.name
        if col == COL_KIND:
            return cap(SUBJECT_KIND[r.kind].get())
        if col == COL_SECTOR:
            return cap(SECTOR[r.sector].get()) if r.sector else ""
        if col == COL_INDUSTRY:
            return r.industry
        if col == COL_GRID:
            return r.grid_name
        if col == COL_KEY:
            return "★" if r.key_monitored else ""
        if col == COL_LEVEL:
            # The short form ("绿牌", "green"): the full one is the tooltip.
            return cap(CREDIT_LEVEL[r.credit_level].get().split("（")[0]) if r.credit_level else ""
        if col == COL_OPEN:
            return str(r.open_findings) if r.open_findings else ""
        if col == COL_LAST_AUDIT:
            return r.last_audit.isoformat() if r.last_audit else ""
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(COLUMNS)):
            return
        key, descending = COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.reload()
