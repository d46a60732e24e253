"""Contract & terms: the demo contract and its terms by chapter, a department's duty list under that
department, adding a criterion for one department through the form, editing a term, editing a contract
field in place and undoing it, no edit actions on a read-only file; undo and redo of a new term, and the
undo refused once the term is in use."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.helpers import TIMEOUT_MS, read, wait_idle


def contract_page(window, qtbot):
    page = window.show_page("contract")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.view is not None, timeout=TIMEOUT_MS)
    return page


def _view(window, qtbot):
    from ngo_audit.queries.contract import contract_view

    return read(window, qtbot, contract_view)


def _children(item):
    return [item.child(i) for i in range(item.childCount())]


def test_page_shows_the_demo_contract_and_its_terms_by_chapter(opened, qtbot):
    from ngo_audit import demo_texts as T

    page = contract_page(opened, qtbot)
    assert page.fields["number"].text() == T.CONTRACT_NUMBER
    assert page.fields["government"].text() == T.GOVERNMENT
    assert page.fields["signed_on"].date().toString("yyyy-MM-dd") == "2013-12-31"
    assert len(page.view.terms) == 42
    assert len(list(page._term_items())) == 42
    chapters = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert chapters == [T.CH_OBLIGATIONS, T.CH_ENTERPRISE, T.CH_DEPARTMENT]
    first = page.tree.topLevelItem(0).child(0)
    obligation = page.view.terms[0]
    assert first.text(0) == f"{obligation.number} {obligation.title}"
    assert first.text(1) == "受托方义务" and str(obligation.target) in first.text(2)
    # Selecting a term shows its full text beside the tree, with Edit….
    page.tree.setCurrentItem(first)
    assert obligation.text[:10] in page.term_text.toPlainText()
    assert page.edit_button.isVisible() and page.edit_button.isEnabled()


def test_a_departments_duty_list_shows_under_that_department(opened, qtbot):
    from ngo_audit import demo_texts as T

    page = contract_page(opened, qtbot)
    dept_chapter = page.tree.topLevelItem(2)
    groups = {g.text(0): g for g in _children(dept_chapter) if g.data(0, Qt.ItemDataRole.UserRole) is None}
    duty_terms = [t for t in page.view.terms if t.applies_to == "department"]
    names = {t.department_name for t in duty_terms}
    assert len(groups) == len(names) == len(T.DEPARTMENTS)
    for name in names:
        group = next(g for text, g in groups.items() if name in text)
        own = {t.id for t in duty_terms if t.department_name == name}
        shown = {c.data(0, Qt.ItemDataRole.UserRole) for c in _children(group)}
        assert shown == own
        assert all(c.text(4) == name for c in _children(group))
    # The duty for all departments sits directly in the chapter.
    common = [c for c in _children(dept_chapter) if c.data(0, Qt.ItemDataRole.UserRole) is not None]
    assert [c.text(4) for c in common] == ["所有部门"]


def test_add_a_criterion_for_one_department_through_the_form(opened, qtbot):
    from ngo_audit import demo_texts as T

    page = contract_page(opened, qtbot)
    dialog = page.new_term()
    assert dialog is not None and dialog.isVisible()
    dialog.number.setText("4.9.1")
    dialog.chapter.setEditText(T.CH_DEPARTMENT)
    dialog.kind.setCurrentIndex(dialog.kind.findData("criterion"))
    dialog.title.setText("信息公开")
    dialog.text.setPlainText("按时公开环境信息。")
    dialog.category.setText("部门履职")
    dialog.legal_basis.setPlainText("《环境信息公开办法》")
    assert dialog.form.isRowVisible(dialog.labels["category"]) and not dialog.form.isRowVisible(
        dialog.labels["metric"])
    dialog.applies_to.setCurrentIndex(dialog.applies_to.findData("department"))
    assert dialog.form.isRowVisible(dialog.labels["department"])
    assert dialog.department.count() == len(T.DEPARTMENTS)  # only government departments are offered
    dialog.department.setCurrentIndex(1)
    dept_id, dept_name = dialog.department.currentData(), dialog.department.currentText()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT_MS)
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: len(page.view.terms) == 43, timeout=TIMEOUT_MS)
    term = next(t for t in _view(opened, qtbot).terms if t.number == "4.9.1")
    assert (term.kind, term.applies_to, term.department_id) == ("criterion", "department", dept_id)
    assert page.selected_term_id() == term.id
    item = page.tree.currentItem()
    assert dept_name in item.parent().text(0)

    # The same number again is refused, and the form stays open.
    again = page.new_term()
    again.number.setText("4.9.1")
    again.title.setText("重复")
    again.save_button.click()
    wait_idle(qtbot, opened)
    assert again.isVisible()
    again.reject()


def test_edit_a_term_and_undo(opened, qtbot):
    page = contract_page(opened, qtbot)
    first = page.view.terms[0]
    dialog = page.edit_term(first.id)
    assert dialog.number.text() == first.number and dialog.kind.currentData() == "obligation"
    dialog.target.setValue(first.target + 5)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT_MS)
    wait_idle(qtbot, opened)
    assert _view(opened, qtbot).terms[0].target == first.target + 5
    opened.ctx.undo_stack.undo()
    wait_idle(qtbot, opened)
    assert _view(opened, qtbot).terms[0].target == first.target


def test_edit_a_contract_field_in_place_and_undo(opened, qtbot):
    page = contract_page(opened, qtbot)
    old = page.view.title
    field = page.fields["title"]
    field.setFocus()
    field.setText("新的协议名称")
    field.editingFinished.emit()
    wait_idle(qtbot, opened)
    assert _view(opened, qtbot).title == "新的协议名称"
    qtbot.waitUntil(lambda: page.view.title == "新的协议名称", timeout=TIMEOUT_MS)
    assert opened.ctx.undo_stack.canUndo()
    opened.ctx.undo_stack.undo()
    wait_idle(qtbot, opened)
    assert _view(opened, qtbot).title == old
    qtbot.waitUntil(lambda: page.fields["title"].text() == old, timeout=TIMEOUT_MS)
    opened.ctx.undo_stack.redo()
    wait_idle(qtbot, opened)
    assert _view(opened, qtbot).title == "新的协议名称"


def test_a_refused_contract_edit_shows_the_error_and_the_file_value(opened, qtbot, reported_errors):
    page = contract_page(opened, qtbot)
    old = page.view.government
    page.fields["government"].setText("  ")
    page.fields["government"].editingFinished.emit()
    wait_idle(qtbot, opened)
    assert reported_errors and reported_errors[-1].expected
    assert page.fields["government"].text() == old
    assert _view(opened, qtbot).government == old


def test_no_edit_actions_on_a_read_only_file(window, demo_file, qtbot):
    window.files.open_path(demo_file, readonly=True)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    page = contract_page(window, qtbot)
    assert not page.new_button.isVisible() and not page.edit_button.isVisible()
    assert page.fields["title"].isReadOnly()
    assert page.new_term() is None and page.edit_term(page.view.terms[0].id) is None



def _new_criterion(page, qtbot, window, number: str, title: str) -> int:
    dialog = page.new_term()
    dialog.number.setText(number)
    dialog.kind.setCurrentIndex(dialog.kind.findData("criterion"))
    dialog.title.setText(title)
    dialog.applies_to.setCurrentIndex(dialog.applies_to.findData("enterprises"))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    return next(t.id for t in _view(window, qtbot).terms if t.number == number)


def _term_uid(window, qtbot, term_id):
    from ngo_audit.models import Term

    return read(window, qtbot, lambda s: s.get(Term, term_id).uid if s.get(Term, term_id) else None)


def _log(window, qtbot, uid):
    from sqlalchemy import select

    from ngo_audit.models import ChangeLog

    return read(window, qtbot, lambda s: list(s.scalars(
        select(ChangeLog.action).where(ChangeLog.record_uid == uid).order_by(ChangeLog.id))))


def test_a_new_term_can_be_undone_and_redone_as_the_same_term(opened, qtbot, reported_errors):
    from PySide6.QtCore import QCoreApplication

    page = contract_page(opened, qtbot)
    term_id = _new_criterion(page, qtbot, opened, "3.99", "噪声达标")
    uid = _term_uid(opened, qtbot, term_id)
    qtbot.waitUntil(lambda: len(page.view.terms) == 43, timeout=TIMEOUT_MS)
    undo, redo = opened.menu_actions.undo, opened.menu_actions.redo
    assert undo.text().startswith("撤销" + QCoreApplication.translate("TermDialog", "new term %1").replace("%1", "3.99"))
    undo.trigger()
    wait_idle(qtbot, opened)
    assert _term_uid(opened, qtbot, term_id) is None
    qtbot.waitUntil(lambda: len(page.view.terms) == 42, timeout=TIMEOUT_MS)
    assert "3.99 噪声达标" not in [i.text(0) for i in page._term_items()]
    redo.trigger()
    wait_idle(qtbot, opened)
    assert _term_uid(opened, qtbot, term_id) == uid
    qtbot.waitUntil(lambda: len(page.view.terms) == 43, timeout=TIMEOUT_MS)
    assert "3.99 噪声达标" in [i.text(0) for i in page._term_items()]
    assert _log(opened, qtbot, uid) == ["create", "delete", "create"]
    assert not reported_errors


def test_undoing_a_term_already_used_is_refused_and_changes_nothing(opened, qtbot, reported_errors):
    from sqlalchemy import select

    from ngo_audit.models import Subject, SubjectKind
    from ngo_audit.services.audits import start_audit

    page = contract_page(opened, qtbot)
    term_id = _new_criterion(page, qtbot, opened, "3.98", "土壤污染防治")
    uid = _term_uid(opened, qtbot, term_id)

    def audit_an_enterprise(s):  # an audit started now checks every criterion for enterprises, the new one too
        subject_id = s.scalar(select(Subject.id).where(Subject.kind == SubjectKind.ENTERPRISE).limit(1))
        return start_audit(s, subject_id, audit_date=opened.ctx.reference_date).id

    read(opened, qtbot, audit_an_enterprise)
    opened.menu_actions.undo.trigger()
    wait_idle(qtbot, opened)
    assert len(reported_errors) == 1 and reported_errors[0].expected
    assert "3.98" in reported_errors[0].message and "已被使用" in reported_errors[0].message
    assert _term_uid(opened, qtbot, term_id) == uid  # nothing changed
    assert _log(opened, qtbot, uid) == ["create"]
    assert not opened.ctx.undo_stack.canRedo()  # nothing to redo: the term was never taken back
    assert "3.98 土壤污染防治" in [i.text(0) for i in page._term_items()]


def _field_log(window, qtbot, uid, field):
    from sqlalchemy import select

    from ngo_audit.models import ChangeLog

    return read(window, qtbot, lambda s: [tuple(r) for r in s.execute(
        select(ChangeLog.old, ChangeLog.new).where(ChangeLog.record_uid == uid, ChangeLog.field == field))])


def test_the_parties_english_names_are_edited_in_place_logged_and_undone(opened, qtbot):
    from ngo_audit.models import Contract

    page = contract_page(opened, qtbot)
    field = page.fields["ngo_en"]
    assert field.isVisible() and field.text() == "" and field.placeholderText() == "英文名称（选填）"
    assert page.fields["government_en"].text() == "Qingzhen Municipal People's Government"  # the demo's
    field.setFocus()
    qtbot.keyClicks(field, "Qianzhong Watch ")
    field.editingFinished.emit()
    wait_idle(qtbot, opened)
    assert _view(opened, qtbot).ngo_en == "Qianzhong Watch"
    assert "受托方（英文名称）" in opened.menu_actions.undo.text()
    uid = read(opened, qtbot, lambda s: s.get(Contract, page.view.id).uid)
    assert len(_field_log(opened, qtbot, uid, "ngo_en")) == 1  # in the change log
    page.fields["government_en"].setText("Qingzhen City Government")
    page.fields["government_en"].editingFinished.emit()
    wait_idle(qtbot, opened)
    assert _view(opened, qtbot).government_en == "Qingzhen City Government"
    opened.ctx.undo_stack.undo()
    opened.ctx.undo_stack.undo()
    wait_idle(qtbot, opened)
    view = _view(opened, qtbot)
    assert view.government_en == "Qingzhen Municipal People's Government" and view.ngo_en == ""
    qtbot.waitUntil(lambda: page.fields["ngo_en"].text() == "", timeout=TIMEOUT_MS)


def test_the_english_title_of_a_term_through_the_form(opened, qtbot):
    page = contract_page(opened, qtbot)
    term = next(t for t in page.view.terms if t.number == "3.5")
    assert term.title_en  # the demo's terms came with the template's English
    page.select_term(term.id)
    assert "英文：" + term.title_en in page.term_text.toPlainText()  # beside the tree, with the full text
    dialog = page.edit_term(term.id)
    assert dialog.title_en.text() == term.title_en and dialog.labels["title_en"].text() == "英文标题"
    assert dialog.legal_basis_en.text() == term.legal_basis_en and dialog.category_en.isVisible()
    dialog.title_en.clear()
    qtbot.keyClicks(dialog.title_en, "Pollution control equipment always on")
    dialog.category_en.setText("facilities")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT_MS)
    wait_idle(qtbot, opened)
    after = next(t for t in _view(opened, qtbot).terms if t.number == "3.5")
    assert after.title_en == "Pollution control equipment always on" and after.category_en == "facilities"
    assert after.title == term.title  # the Chinese stays
    opened.ctx.undo_stack.undo()
    wait_idle(qtbot, opened)
    back = next(t for t in _view(opened, qtbot).terms if t.number == "3.5")
    assert back.title_en == term.title_en and back.category_en == term.category_en
    # a new term: its English title is optional and saved with it
    new_id = _new_criterion(page, qtbot, opened, "3.98", "噪声达标")
    assert next(t for t in _view(opened, qtbot).terms if t.id == new_id).title_en == ""
