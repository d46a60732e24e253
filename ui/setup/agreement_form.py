"""The agreement's fields as one form: number, title, commissioning government, NGO, signing date,
service period, scope, reporting frequency and the days after a period's end the report is due.

Used by the new-project wizard; :meth:`values` gives the keyword arguments of
``ngo_audit.services.contracts.save_contract``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from ..texts import fill_enum_combo
from ..widgets.date_field import DateField

TEXT_FIELDS = ("number", "title", "government", "ngo", "government_en", "ngo_en")
DATE_FIELDS = ("signed_on", "period_start", "period_end")


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def with_english(name: QLineEdit, english: QLineEdit) -> QWidget:
    """A party's name and, beside it, its optional English name (one row of the agreement's form)."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(name, 3)
    row.addWidget(english, 2)
    return box


def english_placeholders(fields: dict) -> None:
    """What the English-name fields are for (this form and the contract page's)."""
    tip = QCoreApplication.translate("AgreementForm", "Optional. The English edition of the reports uses it instead "
                                     "of the pinyin of the Chinese name.")
    for key in ("government_en", "ngo_en"):
        fields[key].setPlaceholderText(QCoreApplication.translate("AgreementForm", "English name (optional)"))
        fields[key].setToolTip(tip)


class AgreementForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementForm")
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        for key, size in (("number", 64), ("title", 200), ("government", 120), ("ngo", 120), ("government_en", 120),
                          ("ngo_en", 120)):
            self.fields[key] = QLineEdit(objectName=f"agreement_{key}", maxLength=size)
        for key in DATE_FIELDS:
            self.fields[key] = DateField(object_name=f"agreement_{key}")
        self.fields["scope"] = QPlainTextEdit(objectName="agreement_scope")
        self.fields["scope"].setFixedHeight(56)
        self.fields["reporting_frequency"] = QComboBox(objectName="agreement_reporting_frequency")
        self.fields["report_due_days"] = QSpinBox(objectName="agreement_report_due_days", minimum=0, maximum=366)
        for key in ("signed_on", "reporting_frequency", "report_due_days"):
            self.fields[key].setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        period = QWidget()
        row = QHBoxLayout(period)
        row.setContentsMargins(0, 0, 0, 0)
        self.period_to = QLabel()
        row.addWidget(self.fields["period_start"])
        row.addWidget(self.period_to)
        row.addWidget(self.fields["period_end"])
        row.addStretch(1)
        self.labels: dict[str, QLabel] = {}
        for key, widget in (("number", self.fields["number"]), ("title", self.fields["title"]),
                            ("government", with_english(self.fields["government"], self.fields["government_en"])),
                            ("ngo", with_english(self.fields["ngo"], self.fields["ngo_en"])),
                            ("signed_on", self.fields["signed_on"]), ("period", period),
                            ("scope", self.fields["scope"]), ("reporting_frequency", self.fields["reporting_frequency"]),
                            ("report_due_days", self.fields["report_due_days"])):
            self.labels[key] = QLabel()
            self.labels[key].setBuddy(self.fields.get(key) or self.fields["period_start"])
            form.addRow(self.labels[key], widget)
        self.retranslate_ui()

    def set_values(self, values: dict) -> None:
        for key in TEXT_FIELDS:
            self.fields[key].setText(values.get(key) or "")
        for key in DATE_FIELDS:
            if values.get(key):
                self.fields[key].setDate(qdate(values[key]))
        self.fields["scope"].setPlainText(values.get("scope") or "")
        freq = values.get("reporting_frequency")
        if freq is not None:
            combo = self.fields["reporting_frequency"]
            combo.setCurrentIndex(max(0, combo.findData(getattr(freq, "value", freq))))
        self.fields["report_due_days"].setValue(values.get("report_due_days") or 0)

    def values(self) -> dict:
        v = {key: self.fields[key].text().strip() for key in TEXT_FIELDS}
        v.update({key: pydate(self.fields[key].date()) for key in DATE_FIELDS})
        v["scope"] = self.fields["scope"].toPlainText().strip()
        v["reporting_frequency"] = self.fields["reporting_frequency"].currentData()
        v["report_due_days"] = self.fields["report_due_days"].value() or None  # 0: "—", not agreed
        return v

    def retranslate_ui(self) -> None:
        from ngo_audit.labels import REPORTING_FREQUENCY
        from ngo_audit.models import ReportingFrequency

        for key, text in (("number", self.tr("Agreement number")), ("title", self.tr("Title")),
                          ("government", self.tr("Commissioning government")), ("ngo", self.tr("NGO")),
                          ("signed_on", self.tr("Signed on")), ("period", self.tr("Service period")),
                          ("scope", self.tr("Scope")), ("reporting_frequency", self.tr("Reporting frequency")),
                          ("report_due_days", self.tr("Report due"))):
            self.labels[key].setText(text)
        self.period_to.setText(self.tr("to"))
        self.fields["number"].setPlaceholderText(self.tr("as printed on the agreement, e.g. QZHB-2024-003"))
        self.fields["government"].setPlaceholderText(self.tr("e.g. 清镇市人民政府"))
        self.fields["ngo"].setPlaceholderText(self.tr("your organisation's registered name"))
        english_placeholders(self.fields)
        self.fields["scope"].setPlaceholderText(self.tr("what the agreement asks you to supervise, in its own words"))
        self.fields["report_due_days"].setSuffix(self.tr(" days after the end of each period"))
        self.fields["report_due_days"].setSpecialValueText(self.tr("— (not agreed)"))
        fill_enum_combo(self.fields["reporting_frequency"], ReportingFrequency, REPORTING_FREQUENCY)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
