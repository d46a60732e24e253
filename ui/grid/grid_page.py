"""Grid (网格): the cells subjects belong to, as a tree — city → county/district → township/street,
plus special cells (an industrial park, a lake's protection zone).

Add a cell (at the top or under the chosen one), edit it (rename, level, move under another
cell, division code), merge it into another (its subjects and sub-cells move along), delete one
that holds nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ngo_audit.operations.setup import CellDelete, load_grid

from .. import errors
from ..icons import icon
from ..pages import Page
from ..texts import cap
from .cell_dialogs import CellDialog, MergeDialog

ID_ROLE = Qt.ItemDataRole.UserRole



class GridPage(Page):
    def __init__(self, ctx, entry, parent=None) -> None:
        super().__init__(ctx, entry, parent)
        self.cells: list = []
        self.dialog = None
        self._select: int | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.heading = QLabel(objectName="gridHeading", wordWrap=True)
        bar.addWidget(self.heading, 1)
        self.new_button = QPushButton(icon("new"), "", objectName="cellNew")
        self.new_button.clicked.connect(lambda: self.new_cell(top=True))
        self.sub_button = QPushButton(objectName="cellNewBelow")
        self.sub_button.clicked.connect(lambda: self.new_cell(top=False))
        bar.addWidget(self.new_button)
        bar.addWidget(self.sub_button)
        layout.addLayout(bar)
        self.tree = QTreeWidget(objectName="gridTree")
        self.tree.setColumnCount(4)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        for c, width in enumerate((360, 160, 90)):
            self.tree.setColumnWidth(c, width)
        self.tree.currentItemChanged.connect(lambda *_: self._update_actions())
        self.tree.itemActivated.connect(lambda *_: self.edit_cell())
        layout.addWidget(self.tree, 1)
        actions = QHBoxLayout()
        self.edit_button = QPushButton(objectName="cellEdit")
        self.edit_button.clicked.connect(self.edit_cell)
        self.merge_button = QPushButton(objectName="cellMerge")
        self.merge_button.clicked.connect(self.merge_cell)
        self.delete_button = QPushButton(objectName="cellDelete")
        self.delete_button.clicked.connect(self.delete_cell)
        for b in (self.edit_button, self.merge_button, self.delete_button):
            actions.addWidget(b)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.ready()

    # -- data --------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.read(load_grid, on_done=self._show)

    def clear(self) -> None:
        self.cells = []
        self.tree.clear()
        self._update_actions()

    def _show(self, cells) -> None:
        keep = self._select if self._select is not None else self.selected_id()
        self._select = None
        self.cells = cells
        self._fill()
        self.select(keep)

    def _fill(self) -> None:
        from ngo_audit.labels import GRID_LEVEL
        from ngo_audit.models import GridLevel

        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for c in self.cells:
            parent = items.get(c.parent_id)
            texts = [c.name, cap(GRID_LEVEL[GridLevel(c.level)].get()), str(c.subjects) if c.subjects else "",
                     c.code]
            item = QTreeWidgetItem(parent, texts) if parent is not None else QTreeWidgetItem(self.tree, texts)
            item.setData(0, ID_ROLE, c.id)
            items[c.id] = item
        self.tree.expandAll()
        self.heading.setText(self.tr("%n grid cell(s)", "", len(self.cells)) if self.cells else
                             self.tr("The grid is empty. Add the city, its counties or districts and their "
                                     "townships or streets; subjects are placed in these cells."))
        self._update_actions()

    def selected_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def selected(self):
        i = self.selected_id()
        return next((c for c in self.cells if c.id == i), None)

    def select(self, cell_id: int | None) -> None:
        if cell_id is None:
            return
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item.data(0, ID_ROLE) == cell_id:
                self.tree.setCurrentItem(item)
                return
            stack.extend(item.child(i) for i in range(item.childCount()))

    def _update_actions(self) -> None:
        editable = not self.ctx.readonly
        c = self.selected()
        for b in (self.new_button, self.sub_button, self.edit_button, self.merge_button, self.delete_button):
            b.setVisible(editable)
        for b in (self.sub_button, self.edit_button, self.merge_button):
            b.setEnabled(c is not None)
        self.merge_button.setEnabled(c is not None and len(self.cells) > 1)
        self.delete_button.setEnabled(c is not None and not c.subjects and not c.children)
        self.delete_button.setToolTip(self.tr("Only a cell without subjects and sub-cells can be deleted; merge it "
                                              "into another cell instead.") if c is not None and
                                      (c.subjects or c.children) else "")

    # -- edits ---------------------------------------------------------------------------------------------
    def _forget(self) -> None:
        if self.dialog is not None and not self.dialog.isVisible():
            self.dialog.deleteLater()

    def new_cell(self, top: bool = True) -> CellDialog | None:
        if self.ctx.readonly:
            return None
        self._forget()
        self.dialog = CellDialog(self.ctx, self.cells, parent_id=None if top else self.selected_id(), parent=self)
        self.dialog.saved.connect(lambda i: setattr(self, "_select", i))
        self.dialog.open()
        return self.dialog

    def edit_cell(self) -> CellDialog | None:
        c = self.selected()
        if c is None or self.ctx.readonly:
            return None
        self._forget()
        self.dialog = CellDialog(self.ctx, self.cells, cell=c, parent=self)
        self.dialog.saved.connect(lambda i: setattr(self, "_select", i))
        self.dialog.open()
        return self.dialog

    def merge_cell(self) -> MergeDialog | None:
        c = self.selected()
        if c is None or self.ctx.readonly:
            return None
        self._forget()
        self.dialog = MergeDialog(self.ctx, self.cells, c, parent=self)
        self.dialog.merged.connect(self._merged)
        self.dialog.open()
        return self.dialog

    def _merged(self, result) -> None:
        self._select = result.target_id
        self.status_message.emit(self.tr("Merged: %1 subject(s) and %2 sub-cell(s) moved.")
                                 .replace("%1", str(result.subjects_moved)).replace("%2", str(result.cells_moved)))

    def delete_cell(self) -> None:
        c = self.selected()
        if c is None or self.ctx.readonly:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Grid"),
                          self.tr("Delete the grid cell “%1”?").replace("%1", c.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("cellDeleteConfirm")
        self.confirm = box

        def answered(button) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                self.ctx.edit(self.tr("deletion of grid cell %1").replace("%1", c.name), CellDelete(c.id),
                              on_error=errors.report)

        box.buttonClicked.connect(answered)
        box.open()

    def retranslate_ui(self) -> None:
        self.new_button.setText(self.tr("New cell…"))
        self.sub_button.setText(self.tr("New cell below…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Rename, change the level, or move under another cell"))
        self.merge_button.setText(self.tr("Merge into…"))
        self.delete_button.setText(self.tr("Delete…"))
        self.tree.setHeaderLabels([self.tr("Cell"), self.tr("Level"), self.tr("Subjects"), self.tr("Code")])
        self._fill()
