"""The formalities of the quarterly report on the Reports page: issue date, document number, contact.

Plain values go to the worker (:func:`values`); an unticked date means the core's default
(:func:`ngo_audit.queries.stats.report_issue_date`: the day the report was due, never after the
agreement's end), which the page hands to :meth:`ReportFormalPanel.show_default_date` for each quarter
so that the greyed-out box shows the date the report will actually carry.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QWidget

from ..widgets.date_field import DateField


class ReportFormalPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.date_box = QCheckBox(objectName="reportDateSet")
        self.default_date: date | None = None  # of the quarter chosen, from the core
        self.date = DateField(date.today(), object_name="reportDate")
        self.date.setEnabled(False)
        self.date_box.toggled.connect(self._date_box_toggled)
        self.number_label, self.contact_label, self.phone_label = QLabel(), QLabel(), QLabel()
        self.number = QLineEdit(objectName="reportNumber", maxLength=40)
        self.contact = QLineEdit(objectName="reportContact", maxLength=40)
        self.phone = QLineEdit(objectName="reportPhone", maxLength=40)
        for label, edit in ((self.number_label, self.number), (self.contact_label, self.contact),
                            (self.phone_label, self.phone)):
            label.setBuddy(edit)
        grid.addWidget(self.date_box, 0, 0)
        grid.addWidget(self.date, 0, 1)
        grid.addWidget(self.number_label, 0, 2)
        grid.addWidget(self.number, 0, 3)
        grid.addWidget(self.contact_label, 1, 0)
        grid.addWidget(self.contact, 1, 1)
        grid.addWidget(self.phone_label, 1, 2)
        grid.addWidget(self.phone, 1, 3)
        self.public = QCheckBox(objectName="reportPublic")  # 公开版: without personal data
        grid.addWidget(self.public, 2, 0, 1, 4)
        grid.setColumnStretch(3, 1)

    def show_default_date(self, day: date) -> None:
        """The issue date the report gets unless one is set: shown while the box is unticked."""
        self.default_date = day
        if not self.date_box.isChecked():
            self.date.setDate(day)

    def _date_box_toggled(self, checked: bool) -> None:
        self.date.setEnabled(checked)
        if not checked and self.default_date is not None:
            self.date.setDate(self.default_date)  # back to the date the report will carry

    def values(self) -> tuple[str | None, str, str, str, bool]:
        """(issue date ISO or None for the default, number, contact, phone, public edition)."""
        issued = self.date.date().toString("yyyy-MM-dd") if self.date_box.isChecked() else None
        return (issued, self.number.text().strip(), self.contact.text().strip(), self.phone.text().strip(),
                self.public.isChecked())

    def retranslate_ui(self) -> None:
        self.date_box.setText(self.tr("Issue date"))
        self.date_box.setToolTip(self.tr("Unticked: the date shown, the day the report was due (never after the "
                                         "agreement's end). Tick it to set another date."))
        self.number_label.setText(self.tr("Document No."))
        self.number.setPlaceholderText(self.tr("e.g. 黔中环监〔2014〕12号"))
        self.contact_label.setText(self.tr("Contact"))
        self.phone_label.setText(self.tr("Telephone"))
        self.public.setText(self.tr("Public edition (no personal data, nothing marked not for publication)"))
        self.public.setToolTip(self.tr("Leaves out reporters' names and contacts, phone numbers and e-mail addresses, "
                                       "and every text marked “Not for publication”"))
