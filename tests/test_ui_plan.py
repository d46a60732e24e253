"""Plan: the demo's plan of a quarter, the random draw from a fixed seed (and the same result again from
the same seed), adding what must be done."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui_fixtures import *  # noqa: F403
from tests.ui_fixtures import TIMEOUT_MS, read, wait_idle

SEED = "test-seed-2015"


def plan_page(window, qtbot, quarter: str | None = None):
    page = window.show_page("plan")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.view is not None, timeout=TIMEOUT_MS)
    if quarter:
        page.select_quarter(quarter)
        wait_idle(qtbot, window)
        qtbot.waitUntil(lambda: str(page.view.quarter) == quarter, timeout=TIMEOUT_MS)
    return page


def _draw(page, window, qtbot, seed: str = SEED, count: int = 3):
    dialog = page.open_draw()
    assert dialog is not None and dialog.isVisible()
    assert dialog.seed.text()  # prefilled with a fresh seed
    dialog.seed.setText(seed)
    dialog.count.setValue(count)
    dialog.per_subject.setValue(2)
    dialog.exclude_planned.setChecked(False)  # the same pool whatever the quarter's plan holds
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: dialog.result_row is not None, timeout=TIMEOUT_MS)
    return dialog


def test_plan_shows_the_demo_quarter(opened, qtbot):
    page = plan_page(opened, qtbot)
    assert str(page.view.quarter) == "2015Q4"  # the reference date's quarter
    page = plan_page(opened, qtbot, "2015Q3")
    assert page.quarter.currentData() == "2015Q3"
    assert page.table.rowCount() == len(page.view.items) > 0
    sources = {page.table.item(r, 1).text() for r in range(page.table.rowCount())}
    assert "必查" in "".join(sources) or "随机抽取" in "".join(sources)
    assert any(it.done for it in page.view.items)
    assert page.draws.count() == len(page.view.draws) > 0
    assert all(d.reproducible for d in page.view.draws)
    assert page.draw_button.isVisible()


def test_draw_with_a_fixed_seed_adds_the_subjects_and_repeats(opened, qtbot):
    from ngo_audit.queries.plans import plan_draws

    page = plan_page(opened, qtbot, "2015Q3")
    before = len(page.view.items)
    dialog = _draw(page, opened, qtbot)
    row = dialog.result_row
    assert len(row.drawn) == 3 and row.seed == SEED and row.pool_size > 3 and row.reproducible
    assert all(d.auditors for d in row.drawn)
    assert dialog.summary.isVisible() and SEED in dialog.summary.text()
    assert dialog.result_table.rowCount() == 3
    dialog.reject()
    qtbot.waitUntil(lambda: len(page.view.items) == before + 3, timeout=TIMEOUT_MS)
    drawn = {d.name for d in row.drawn}
    assert drawn <= {it.subject_name for it in page.view.items if it.source.value == "draw"}
    stored = read(opened, qtbot, plan_draws, page.view.plan_id)[-1]
    assert stored.seed == SEED and stored.reproducible and stored.drawn == row.drawn

    # The same seed on another quarter's plan: the same subjects and auditors.
    page.select_quarter("2015Q2")
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: str(page.view.quarter) == "2015Q2", timeout=TIMEOUT_MS)
    again = _draw(page, opened, qtbot).result_row
    assert again.drawn == row.drawn and again.pool_size == row.pool_size
    again_dialog = page.dialog
    again_dialog.reject()


def test_adding_a_suggestion_adds_an_item(opened, qtbot):
    from sqlalchemy import select

    from ngo_audit.models import PlanItem, PlanItemSource, Subject, SubjectKind

    def free_key_subject(session, quarter):
        """Mark an enterprise not in the plan of ``quarter`` key-monitored: it must now be visited."""
        from ngo_audit.models import AuditPlan

        planned = select(PlanItem.subject_id).join(AuditPlan).where(AuditPlan.quarter == quarter)
        s = session.scalar(select(Subject).where(Subject.kind == SubjectKind.ENTERPRISE, Subject.active.is_(True),
                                                 Subject.id.not_in(planned)).order_by(Subject.id).limit(1))
        s.key_monitored = True
        return s.id

    box = []
    opened.ctx.write(free_key_subject, "2015Q3", tables={"subject"}, on_done=box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=TIMEOUT_MS)
    page = plan_page(opened, qtbot, "2015Q3")
    qtbot.waitUntil(lambda: page.suggestions.count() > 0, timeout=TIMEOUT_MS)
    assert any(s.subject_id == box[0] for s in page.view.suggestions)
    before = len(page.view.items)
    page.suggestions.setCurrentRow(0)
    page.suggestions.item(0).setSelected(True)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: len(page.view.items) == before + 1, timeout=TIMEOUT_MS)
    added = next(it for it in page.view.items if it.subject_id == box[0])
    assert added.source == PlanItemSource.MANDATORY
    assert all(s.subject_id != box[0] for s in page.view.suggestions)


def test_a_read_only_file_offers_no_plan_edit(window, qtbot, demo_file):
    window.files.open_path(demo_file, readonly=True)
    qtbot.waitUntil(lambda: window.ctx.is_open, timeout=TIMEOUT_MS)
    page = plan_page(window, qtbot, "2015Q3")
    assert page.table.rowCount() > 0
    assert not page.draw_button.isVisible() and page.open_draw() is None
    assert not page.add_button.isVisible() and not page.add_all_button.isVisible()


def test_the_plan_page_and_draw_dialog_speak_chinese(opened, qtbot):
    from tests.test_ui_translations import untranslated, visible_texts

    page = plan_page(opened, qtbot, "2015Q3")
    dialog = page.open_draw()
    for widget in (page, dialog):
        assert not untranslated(visible_texts(widget)), untranslated(visible_texts(widget))
    dialog.reject()
