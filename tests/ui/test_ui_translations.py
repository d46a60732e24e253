"""Languages: the .ts is complete and current, the .qm is compiled from it, the Chinese UI has no
English left, every Chinese glyph has a font, and switching takes effect at once."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTranslator
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTableView,
    QWidget,
)

from tests.ui.helpers import TIMEOUT_MS, findings_page, wait_idle

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "ngo_audit_zh_CN.ts"
QM = ROOT / "resources" / "translations" / "ngo_audit_zh_CN.qm"
TS_EN = ROOT / "resources" / "translations" / "ngo_audit_en.ts"  # English plural forms only
QM_EN = ROOT / "resources" / "translations" / "ngo_audit_en.qm"
CATALOGUES = pytest.mark.parametrize(("ts", "qm"), [(TS, QM), (TS_EN, QM_EN)], ids=["zh_CN", "en"])
# English that may appear in the Chinese UI: product, file and unit names, data of the file.
ALLOWED = ("ngo-audit", "ngoaudit", "crash.log", "English", "USB", "Ctrl", "PDF", "Excel", "mg/L", "dB(A)")


def messages(ts: Path = TS) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name"), m.findtext("source"), m) for ctx in root.iter("context") for m in ctx.iter("message")]


def translations(message: ET.Element) -> list[str]:
    tr = message.find("translation")
    forms = [f.text or "" for f in tr.iter("numerusform")] if message.get("numerus") == "yes" else [tr.text or ""]
    return forms


@CATALOGUES
def test_every_source_string_is_translated(ts, qm):
    problems = []
    for context, source, m in messages(ts):
        tr = m.find("translation")
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(translations(m)):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        for text in translations(m):
            for placeholder in set(re.findall(r"%\d|%n", source)):
                if placeholder not in text:
                    problems.append(f"{context}: {source!r} → {text!r} lost {placeholder}")
            if re.search(r"&\w", source.replace("&&", "")) and not re.search(r"&\w", text.replace("&&", "")):
                problems.append(f"{context}: {source!r} → {text!r} lost its keyboard accelerator")
    assert messages(ts) and not problems, "\n".join(problems)


@CATALOGUES
def test_the_qm_is_compiled_from_the_current_ts(ts, qm):
    translator = QTranslator()
    assert translator.load(str(qm))
    stale = []
    for context, source, m in messages(ts):
        n = 1 if m.get("numerus") == "yes" else -1
        got = translator.translate(context, source, None, n)
        expected = translations(m)[0].replace("%n", "1") if n == 1 else translations(m)[0]
        if got.replace("%n", "1") != expected:
            stale.append(f"{context}: {source!r} → {got!r}, the .ts says {expected!r}")
    assert not stale, "run python resources/translations/update.py\n" + "\n".join(stale)


def test_the_ts_holds_every_string_of_the_code(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("update_translations", TS.parent / "update.py")
    update = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update)
    try:
        update.tool("lupdate")
    except SystemExit:
        pytest.skip("pyside6-lupdate is not installed")
    for ts, language, plural_only in ((TS, "zh_CN", False), (TS_EN, "en", True)):
        fresh = tmp_path / ts.name
        shutil.copy(ts, fresh)
        update.lupdate(fresh, language, plural_only=plural_only)
        ours = {(c, s) for c, s, _m in messages(ts)}
        now = {(c, s) for c, s, _m in messages(fresh)}
        assert now == ours, (f"{ts.name} is behind the code: run python resources/translations/update.py and "
                             f"translate; new: {sorted(now - ours)}, gone: {sorted(ours - now)}")


# -- the Chinese UI, as shown ---------------------------------------------------------------------------

def _strip(text: str) -> str:
    text = re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    for allowed in ALLOWED:
        text = text.replace(allowed, "")
    # file-name patterns and extensions (*.ngoaudit, .ngoseal) are names, not English
    text = re.sub(r"\*?\.[A-Za-z]{2,12}\b", "", text)
    return text.strip()


def visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = [root.windowTitle()]
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root) and not isinstance(w, QMenu):
            continue
        texts.append(w.toolTip())
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QMenu):
            texts.append(w.title())
            texts += [a.text() for a in w.actions()] + [a.toolTip() for a in w.actions()]
        elif isinstance(w, QListWidget):
            texts += [w.item(i).text() for i in range(w.count())]
        if isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            columns = range(model.columnCount(QModelIndex()))
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
            rows = range(min(model.rowCount(QModelIndex()), 60))  # the cells on screen
            texts += [str(model.index(r, c).data() or "") for r in rows for c in columns]
    return [t for t in texts if t]


def untranslated(texts: list[str]) -> list[str]:
    sources = {s.replace("&", "") for _c, s, _m in messages()}
    # Two English words in a row, or one English word of 4+ letters inside Chinese text ("整改中 · overdue").
    english_phrase = re.compile(r"[A-Za-z]{3,}[ ,.'’-]+[A-Za-z]{2,}|[A-Za-z]{4,}")
    bad = []
    for text in texts:
        if re.match(r"^(/|[A-Za-z]:[\\/])", text):  # a file's path is data
            continue
        plain = _strip(text)
        if plain in sources or english_phrase.search(plain):
            bad.append(text)
    return sorted(set(bad))


def _show_everything(window, qtbot) -> list[str]:
    """Visit every area, a finding's detail and its dialogs; return all the texts shown."""
    from ui.pages import REGISTRY

    texts = []
    for e in REGISTRY:
        window.show_page(e.key)
        wait_idle(qtbot, window)
        texts += visible_texts(window)
    page = findings_page(window, qtbot)
    qtbot.waitUntil(lambda: page.model.is_loaded(0), timeout=TIMEOUT_MS)
    page.open_detail(page.model.finding_id(0))
    wait_idle(qtbot, window)
    texts += visible_texts(window)
    for action in list(page.detail.detail.actions):
        dialog = page.detail.start_action(action)
        texts += visible_texts(dialog)
        dialog.reject()
    dialog = page.detail.edit()
    texts += visible_texts(dialog)
    dialog.reject()
    window.menu_actions.profile.trigger()
    texts += visible_texts(window.profile_dialog)
    window.profile_dialog.reject()
    texts += visible_texts(window.welcome)
    return texts


def test_no_tr_inside_f_strings():
    """lupdate does not look inside f-strings: such a text would silently stay English."""
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"""\bf(["']).*\{[^}]*\b(tr|translate)\(""", line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_the_chinese_ui_shows_no_untranslated_english(opened, qtbot):
    texts = _show_everything(opened, qtbot)
    assert len(texts) > 200
    assert not untranslated(texts), untranslated(texts)


def test_every_chinese_character_shown_has_a_glyph(opened, qtbot):
    """No boxes: the bundled CJK font (or a system one) covers every character of the UI and the data."""
    texts = _show_everything(opened, qtbot)
    chinese = {ch for t in texts for ch in t if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"}
    assert len(chinese) > 300
    metrics = QFontMetrics(opened.font())
    missing = sorted(ch for ch in chinese if not metrics.inFontUcs4(ord(ch)))
    assert not missing, "".join(missing)


def test_switch_to_english_at_once_and_back(opened, qtbot):
    from ui import settings

    page = findings_page(opened, qtbot)
    qtbot.waitUntil(lambda: page.model.is_loaded(0), timeout=TIMEOUT_MS)
    page.open_detail(page.model.finding_id(0))
    wait_idle(qtbot, opened)
    menu = opened.menu_actions
    assert menu.file_menu.title() == "文件(&F)"

    menu.language_en.trigger()
    qtbot.waitUntil(lambda: menu.file_menu.title() == "&File", timeout=TIMEOUT_MS)
    assert settings.language() == "en" and menu.language_en.isChecked()
    assert opened.nav.item(5).text() == "Findings & rectification"
    assert page.status.itemText(0) == "All statuses"
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "Found on"
    assert page.detail.labels["deadline"].text() == "Deadline"
    status = page.model.data(page.model.index(0, 7))
    assert status.split(" · ")[0].lower() in ("open", "notified", "rectification reported", "escalated", "closed",
                                      "withdrawn")
    opened.show_page("dashboard")
    wait_idle(qtbot, opened)
    assert opened.pages["dashboard"].heading.text() == "Q4 2015 at a glance"
    english = visible_texts(opened)
    assert not [t for t in english if re.search(r"[\u4e00-\u9fff]", t) and t in
                {tr for _c, _s, m in messages() for tr in translations(m)}]

    menu.language_zh.trigger()
    qtbot.waitUntil(lambda: menu.file_menu.title() == "文件(&F)", timeout=TIMEOUT_MS)
    assert settings.language() == "zh"
    assert opened.pages["dashboard"].heading.text() == "2015年第四季度概览"
    assert opened.nav.item(5).text() == "问题与整改"
