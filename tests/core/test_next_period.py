"""Starting the next agreement period: a new file from the current one."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlalchemy import select

from ngo_audit.auditfile import AuditFile
from ngo_audit.cli import main
from ngo_audit.errors import Cancelled, ValidationError
from ngo_audit.models import Auditor, Finding, Grid, PlanItem, PlanItemSource, Subject
from ngo_audit.next_period import default_next_period, start_next_period
from ngo_audit.queries.contract import contract_view
from ngo_audit.services import audits, findings, terms

pytestmark = pytest.mark.file_only  # a new file made beside the old one



@pytest.fixture
def history(world):
    """Three findings at the end of the period: one notified, one closed, one against a since-retired term."""
    af, ids = world
    with af.session() as s:
        a = audits.start_audit(s, ids["e1"], audit_date=date(2015, 11, 2), auditor_ids=[ids["a1"]])
        f1 = audits.record_non_compliance(s, a.id, ids["criterion"], title="雨水排口排放浑浊废水",
                                          deadline=date(2015, 12, 20))
        findings.notify(s, f1.id, on=date(2015, 11, 5), reference_no="清监〔2015〕9号")
        f2 = audits.record_non_compliance(s, a.id, ids["hazwaste"], title="危废未入库", deadline=date(2015, 11, 30))
        findings.notify(s, f2.id, on=date(2015, 11, 5))
        findings.verify(s, f2.id, on=date(2015, 12, 1), passed=True, summary="已整改")
        b = audits.start_audit(s, ids["e2"], audit_date=date(2015, 12, 1))
        f3 = audits.record_non_compliance(s, b.id, ids["hazwaste"], title="危废台账缺失")
        findings.update_finding(s, f3.id, description_private=True)  # "not for publication" goes along
        ids.update(f1=f1.id, f2=f2.id, f3=f3.id)
    with af.session() as s:
        terms.retire_term(s, ids["hazwaste"], reason="并入 3.1", on=date(2015, 12, 15))
    return af, ids


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_default_period_follows_the_current_one():
    assert default_next_period(date(2014, 1, 1), date(2015, 12, 31)) == (date(2016, 1, 1), date(2017, 12, 31))
    assert default_next_period(date(2026, 3, 15), date(2026, 9, 14)) == (date(2026, 9, 15), date(2027, 3, 17))  # as many days


def test_next_period_file_copies_the_setup_and_carries_unfinished_findings(history, tmp_path):
    af, ids = history
    out = tmp_path / "下一期 2016-2017.ngoaudit"
    result = start_next_period(af, out, number="QZ-2016-01")
    assert (result.period_start, result.period_end) == (date(2016, 1, 1), date(2017, 12, 31))
    assert (result.subjects, result.auditors, result.grid_cells, result.findings_carried) == (3, 2, 2, 2)
    assert (result.follow_ups, result.first_quarter) == (2, "2016Q1")
    with AuditFile.open(out, readonly=True) as new, new.session() as s:
        assert new.info()["previous_period_file"] == af.path.name
        view = contract_view(s)
        assert (view.number, view.period_start, view.government) == ("QZ-2016-01", date(2016, 1, 1), "清镇市人民政府")
        by_number = {t.number: t for t in view.terms}
        # the retired term stays retired (a carried finding refers to it); the duty list keeps its department
        assert by_number["3.2"].retired_on is not None and by_number["3.1"].retired_on is None
        assert by_number["4.1"].department_name == "清镇市住房和城乡建设局"
        assert s.scalar(select(Grid).where(Grid.name == "红枫湖镇")).path == "清镇市/红枫湖镇"
        names = {x.name: x for x in s.scalars(select(Subject))}
        assert names["清镇市澜禾化工有限公司"].key_monitored
        assert {a.name for a in s.scalars(select(Auditor))} == {"李明", "赵芳"}
        carried = {f.title: f for f in s.scalars(select(Finding))}
        assert set(carried) == {"雨水排口排放浑浊废水", "危废台账缺失"}  # the closed one stays behind
        f1 = carried["雨水排口排放浑浊废水"]
        assert f1.status.value == "notified" and f1.deadline == date(2015, 12, 20) and f1.audit_id is None
        assert af.path.name in f1.carried_from and f"#{ids['f1']}" in f1.carried_from
        assert carried["危废台账缺失"].description_private and not f1.description_private
        assert [e.kind.value for e in f1.events] == ["notice", "note"]
        assert f1.events[0].reference_no == "清监〔2015〕9号" and af.path.name in f1.events[-1].summary
        items = list(s.scalars(select(PlanItem)))
        assert {i.subject.name for i in items} == {"清镇市澜禾化工有限公司", "清镇市峦泽水泥有限公司"}
        assert all(i.source == PlanItemSource.FOLLOW_UP and i.plan.quarter == "2016Q1" for i in items)
        chem = next(i for i in items if i.subject.name == "清镇市澜禾化工有限公司")
        assert [t.number for t in chem.terms] == ["3.1"]  # not the retired term


def test_next_period_command_and_refusals(history, tmp_path, capsys):
    af, _ = history
    af.close()
    before = digest(af.path)
    out = tmp_path / "next.ngoaudit"
    assert main(["next-period", str(af.path), str(out), "--start", "2016-01-01", "--end", "2016-12-31"]) == 0
    assert "结转未完成问题 2" in capsys.readouterr().out
    assert digest(af.path) == before  # the old file is left as it was
    assert main(["check", str(out)]) == 0
    capsys.readouterr()
    assert main(["info", str(out)]) == 0
    assert f"上一协议期文件：{af.path.name}" in capsys.readouterr().out
    assert main(["next-period", str(af.path), str(out)]) == 2  # no overwrite without --force
    assert "--force" in capsys.readouterr().err
    with AuditFile.open(af.path) as again, pytest.raises(ValidationError):
        start_next_period(again, tmp_path / "early.ngoaudit", period_start=date(2013, 1, 1))
    assert not (tmp_path / "early.ngoaudit").exists()
    # a failure half-way leaves no file behind either
    with AuditFile.open(af.path) as again, pytest.raises(Cancelled):
        start_next_period(again, tmp_path / "cancelled.ngoaudit", progress=lambda done, total: done < 2)
    assert not list(tmp_path.glob("cancelled*"))
