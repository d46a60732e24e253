"""Pages refresh from what a write changed, as the core saw it flushed: nobody names the tables."""

from __future__ import annotations

from datetime import date

from tests.ui.helpers import TIMEOUT_MS, wait_idle


def _add_lead(session, summary: str) -> int:
    from ngo_audit.services.leads import record_lead

    return record_lead(session, received_on=date(2015, 12, 1), channel="public", summary=summary).id


def test_a_write_that_names_no_table_still_refreshes_the_page_that_shows_it(opened, qtbot):
    page = opened.show_page("leads")
    wait_idle(qtbot, opened)
    before = page.model.rowCount()
    seen: list[set[str]] = []
    opened.ctx.data_changed.connect(lambda tables: seen.append(set(tables)))

    opened.ctx.write(_add_lead, "河边有人倾倒垃圾")  # no tables=: the flush says what changed
    wait_idle(qtbot, opened)
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=TIMEOUT_MS)
    assert seen and "lead" in seen[-1]


def test_a_read_changes_nothing_and_a_failed_write_announces_nothing(opened, qtbot, reported_errors):
    seen: list[set[str]] = []
    opened.ctx.data_changed.connect(lambda tables: seen.append(set(tables)))

    def fails(session):
        _add_lead(session, "会回滚")
        raise ValueError("boom")

    opened.ctx.write(fails, on_error=lambda exc: None)
    wait_idle(qtbot, opened)
    assert seen == []
