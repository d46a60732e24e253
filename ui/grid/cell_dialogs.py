"""The grid editor's dialogs: a cell's name, level, parent and code; merging one cell into another."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ngo_audit.operations.setup import add_cell_fn, edit_cell_fn

from .. import errors
from ..texts import fill_enum_combo


def level_items(combo: QComboBox) -> None:
    from ngo_audit.labels import GRID_LEVEL
    from ngo_audit.models import GridLevel

    fill_enum_combo(combo, GridLevel, GRID_LEVEL)


def cell_items(combo: QComboBox, cells, *, exclude: set[int] = frozenset(), top: str | None = None) -> None:
    """Fill ``combo`` with the cells as an indented tree (``top``: a first "(top level)" entry)."""
    combo.clear()
    if top is not None:
        combo.addItem(top, None)
    for c in cells:
        if c.id not in exclude:
            combo.addItem("　" * c.depth + c.name, c.id)


def subtree(cells, cell_id: int) -> set[int]:
    """``cell_id`` and every cell below it."""
    out, grew = {cell_id}, True
    while grew:
        grew = False
        for c in cells:
            if c.parent_id in out and c.id not in out:
                out.add(c.id)
                grew = True
    return out


class CellDialog(QDialog):
    """New cell (``cell`` None; ``parent_id`` preselected) or edit of one (a ``GridCellRow``)."""

    saved = Signal(int)

    def __init__(self, ctx, cells, cell=None, parent_id: int | None = None, parent: QWidget | None = None) -> None:
        from ngo_audit.models import GridLevel

        super().__init__(parent)
        self.setObjectName("cellDialog")
        self.ctx, self.cell = ctx, cell
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.name = QLineEdit(objectName="cellName", maxLength=80)
        self.level = QComboBox(objectName="cellLevel")
        level_items(self.level)
        self.parent_box = QComboBox(objectName="cellParent")
        self.code = QLineEdit(objectName="cellCode", maxLength=40)
        self.labels = {k: QLabel() for k in ("name", "level", "parent", "code")}
        for key, widget in (("name", self.name), ("level", self.level), ("parent", self.parent_box),
                            ("code", self.code)):
            self.labels[key].setBuddy(widget)
            form.addRow(self.labels[key], widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        cell_items(self.parent_box, cells, exclude=subtree(cells, cell.id) if cell else set(),
                   top=self.tr("(top level)"))
        if cell is not None:
            self.name.setText(cell.name)
            self.level.setCurrentIndex(max(0, self.level.findData(str(cell.level))))
            self.parent_box.setCurrentIndex(max(0, self.parent_box.findData(cell.parent_id)))
            self.code.setText(cell.code)
        else:
            self.parent_box.setCurrentIndex(max(0, self.parent_box.findData(parent_id)))
            above = next((c for c in cells if c.id == parent_id), None)
            below = {None: GridLevel.CITY, "city": GridLevel.COUNTY, "county": GridLevel.TOWNSHIP,
                     "township": GridLevel.SPECIAL, "special": GridLevel.SPECIAL}[str(above.level) if above else None]
            self.level.setCurrentIndex(self.level.findData(below.value))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New grid cell") if self.cell is None else self.tr("Edit grid cell"))
        for key, text in (("name", self.tr("Name")), ("level", self.tr("Level")), ("parent", self.tr("Within")),
                          ("code", self.tr("Division code"))):
            self.labels[key].setText(text)
        self.code.setPlaceholderText(self.tr("optional, e.g. 520181"))
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def values(self) -> dict:
        return {"name": self.name.text().strip(), "level": self.level.currentData(),
                "parent_id": self.parent_box.currentData(), "code": self.code.text().strip()}

    def submit(self) -> None:
        if self.ctx.readonly:
            return
        v = self.values()
        self.save_button.setEnabled(False)
        if self.cell is None:
            self.ctx.write(add_cell_fn, v["name"], v["level"], v["parent_id"], v["code"], on_done=self._done, on_error=self._failed)
            return
        changes = {k: x for k, x in v.items() if getattr(self.cell, k) != x and str(getattr(self.cell, k)) != x}
        if not changes:
            self.accept()
            return
        self.ctx.write(edit_cell_fn, self.cell.id, v["name"], changes, on_done=self._done, on_error=self._failed)

    def _done(self, cell_id: int) -> None:
        self.saved.emit(cell_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        errors.report(exc)


class MergeDialog(QDialog):
    """Merge ``cell`` into another: its subjects and sub-cells move there, the cell is removed."""

    merged = Signal(object)  # MergeResult

    def __init__(self, ctx, cells, cell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeCellDialog")
        self.ctx, self.cell = ctx, cell
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.text = QLabel(wordWrap=True)
        layout.addWidget(self.text)
        self.target = QComboBox(objectName="mergeTarget")
        cell_items(self.target, cells, exclude=subtree(cells, cell.id))
        layout.addWidget(self.target)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(self.target.count() > 0)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Merge grid cell"))
        self.text.setText(self.tr("Merge “%1” into the cell chosen below. Its %2 subject(s) and %3 sub-cell(s) move "
                                  "there, and “%1” is removed.").replace("%1", cell.name)
                          .replace("%2", str(cell.subjects)).replace("%3", str(cell.children)))
        self.ok_button.setText(self.tr("Merge"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def submit(self) -> None:
        target = self.target.currentData()
        if target is None or self.ctx.readonly:
            return
        from ngo_audit.operations.setup import CellMerge

        self.ok_button.setEnabled(False)
        self.ctx.edit(self.tr("merge of grid cell %1").replace("%1", self.cell.name), CellMerge(self.cell.id, target),
                      on_done=lambda r: (self.merged.emit(r), self.accept()), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        errors.report(exc)
