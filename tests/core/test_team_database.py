"""A team database on PostgreSQL: copy round trip, append-only log, stale edits, roles, seal, merge, CLI.

Run with ``pytest --pg`` (a throwaway cluster is started, see tests/pg_cluster.sh).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from ngo_audit.auditfile import AuditFile
from ngo_audit.cli import main
from ngo_audit.demo_images import make_photo
from ngo_audit.errors import FileExists, ValidationError
from ngo_audit.models import AuditPlan, ChangeLog, Contract, EvidenceBlob, Finding, PlanItem
from ngo_audit.services import audits, contracts, evidence, findings, plans
from ngo_audit.sharing.merge import merge
from ngo_audit.store import team
from ngo_audit.store.copy import copy_store
from ngo_audit.store.errors import NotPermitted, StaleEdit
from ngo_audit.store.url import is_url, parse, password_for

pytestmark = pytest.mark.pg

PHOTO = make_photo("wastewater", "before", 21, size=(320, 240))


def user_url(url: str, user: str) -> str:
    return url.replace("postgres@", f"{user}@", 1)


@pytest.fixture
def filled(world):
    """A file with a contract, subjects, an audit, a finding with a photo, an edit and a deletion."""
    af, ids = world
    with af.session() as s:
        a = audits.start_audit(s, ids["e1"], audit_date=date(2014, 8, 6), auditor_ids=[ids["a1"]])
        f = audits.record_non_compliance(s, a.id, ids["criterion"], title="雨水排口有黄褐色废水外排",
                                         deadline=date(2014, 9, 6))
        evidence.add_evidence(s, PHOTO, filename="排口 照片.jpg", finding_id=f.id)
        extra = contracts.add_auditor(s, "临时志愿者", "volunteer")
        ids.update(audit=a.id, finding=f.id, finding_uid=f.uid)
    with af.session() as s:
        findings.update_finding(s, ids["finding"], reason="复核", description="排口下游 50 米处水体发黄。")
        s.delete(s.get(type(extra), extra.id))
    af.close()
    return Path(af.path), ids


def raw_rows(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names}
    finally:
        conn.close()


def test_copy_round_trip_keeps_every_record_uid_byte_and_log_entry(filled, pg_database, tmp_path):
    path, _ids = filled
    url = pg_database()
    to_server = copy_store(path, url)
    back = tmp_path / "回来 的.ngoaudit"
    to_file = copy_store(url, back)
    assert to_server.rows == to_file.rows and to_server.rows["change_log"] > 10
    assert to_server.evidence_bytes == len(PHOTO)
    assert raw_rows(back) == raw_rows(path)  # every row of every table, byte for byte
    with AuditFile.open(url, readonly=True) as server, server.session() as s:
        blob = s.scalar(select(EvidenceBlob))
        assert hashlib.sha256(blob.data).hexdigest() == blob.sha256 == hashlib.sha256(PHOTO).hexdigest()
        assert server.info()["file_uid"] == AuditFile.open(back, readonly=True).info()["file_uid"]
    with pytest.raises(FileExists):  # a copy goes into an empty database only
        copy_store(path, url)


def test_the_change_log_is_append_only_on_the_server(filled, pg_database):
    path, _ids = filled
    url = pg_database()
    copy_store(path, url)
    with AuditFile.open(url) as af:
        with af.engine.connect() as conn:  # closed at once: an open reader would make TRUNCATE wait for its lock
            before = conn.execute(select(func.count()).select_from(ChangeLog)).scalar_one()
        for sql in ("UPDATE change_log SET actor = '别人'", "DELETE FROM change_log", "TRUNCATE change_log"):
            with pytest.raises(NotPermitted), af.engine.begin() as conn:
                conn.execute(text(sql))
        with af.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(ChangeLog)).scalar_one() == before
            assert conn.execute(select(func.count()).where(ChangeLog.actor == "别人")).scalar_one() == 0


def test_a_stale_edit_is_refused_naming_who_changed_it_and_when(filled, pg_database):
    path, ids = filled
    url = pg_database()
    copy_store(path, url)
    mine, theirs = AuditFile.open(url, actor="李明"), AuditFile.open(url, actor="赵芳")
    try:
        with mine.session() as s:
            seen = s.get(Finding, ids["finding"]).version  # the edit dialog opens
        with theirs.session() as s:
            findings.update_finding(s, ids["finding"], reason="复核", title="雨水排口外排黄褐色废水（复核）")
        with pytest.raises(StaleEdit) as err, mine.session() as s:
            findings.update_finding(s, ids["finding"], reason="复核", expected_version=seen, title="我的标题")
        assert err.value.changed_by == "赵芳 (postgres)" and err.value.changed_at is not None  # actor (database user)
        assert "赵芳" in err.value.message("zh") and "赵芳" in err.value.message("en")
        # Two units of work at the same moment: the second UPDATE finds the version moved on.
        gate = threading.Event()
        with pytest.raises(StaleEdit) as err, mine.session() as s:
            f = s.get(Finding, ids["finding"])
            f.description = "我的描述"

            def other():
                with theirs.session() as t:
                    t.get(Finding, ids["finding"]).description = "她的描述"
                gate.set()

            worker = threading.Thread(target=other)
            worker.start()
            assert gate.wait(60)
            worker.join(60)
        assert "赵芳" in str(err.value)
        with mine.session() as s:
            f = s.get(Finding, ids["finding"])
            assert (f.title, f.description) == ("雨水排口外排黄褐色废水（复核）", "她的描述")  # nothing of mine saved
    finally:
        mine.close()
        theirs.close()


def test_roles_are_enforced_by_the_server_and_the_log_records_the_database_user(filled, pg_database):
    path, ids = filled
    url = pg_database("team")
    copy_store(path, url)
    roles, created = team.init(url)
    assert not created and roles.lead.endswith("_lead")
    team.add_user(url, "wang_auditor", "auditor", new_password=None)
    team.add_user(url, "zhao_reviewer", "reviewer", new_password=None)
    assert ("wang_auditor", "auditor") in team.members(url)
    with AuditFile.open(user_url(url, "zhao_reviewer"), actor="赵审阅") as af:
        assert af.readonly  # the app offers a reviewer no edit
        with af.engine.connect() as conn, pytest.raises(NotPermitted):  # and the server refuses any
            conn.execute(text("SET TRANSACTION READ WRITE"))
            conn.execute(text("UPDATE finding SET title = '审阅人改的'"))
    with AuditFile.open(user_url(url, "wang_auditor"), actor="王强") as af:
        with pytest.raises(NotPermitted), af.session() as s:  # not the agreement
            s.get(Contract, ids["contract"]).title = "改协议"
        with af.session() as s:  # but visits and findings
            a = audits.start_audit(s, ids["e2"], audit_date=date(2014, 9, 1))
            audits.record_non_compliance(s, a.id, ids["hazwaste"], title="危险废物露天堆放")
        with af.engine.connect() as conn:
            users = set(conn.execute(select(ChangeLog.db_user).where(ChangeLog.actor == "王强")).scalars())
    assert users == {"wang_auditor"}
    with AuditFile.open(url) as af, af.engine.connect() as conn:  # the copied history kept its (empty) users
        assert conn.execute(select(func.count()).where(ChangeLog.db_user == "")).scalar_one() > 0


def test_seal_from_a_server_is_a_package_of_its_snapshot(filled, pg_database, tmp_path, monkeypatch, capsys):
    path, _ids = filled
    url = pg_database()
    copy_store(path, url)
    monkeypatch.setenv("NGO_AUDIT_PASSPHRASE", "团队数据库口令 123")
    out = tmp_path / "送审 包.ngoseal"
    assert main(["seal", url, "--out", str(out), "--quarter", "2014Q3"]) == 0
    assert main(["verify", str(out), "--json"]) == 0
    verdict = json.loads(capsys.readouterr().out.split("\n", 3)[-1])
    assert verdict["status"] and verdict["intact"] and verdict["trusted"]
    from ngo_audit.sharing.verify import verify_package

    result = verify_package(out)
    assert result.ok and result.manifest.quarter == "2014Q3"
    assert result.manifest.counts["findings"] == 1 and result.manifest.counts["evidence"] == 1


def test_the_command_line_takes_a_database_url(filled, pg_database, tmp_path, capsys):
    path, _ids = filled
    url = pg_database()
    assert main(["copy", str(path), url]) == 0
    assert main(["info", url, "--json"]) == 0
    info = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert info["counts"]["findings"] == 1 and info["schema_current"]
    assert main(["check", url]) == 0
    out = tmp_path / "问题.xlsx"
    assert main(["export", url, "--what", "findings", "--out", str(out)]) == 0 and out.stat().st_size > 0
    field = tmp_path / "外业.ngoaudit"
    assert main(["copy", url, str(field)]) == 0
    with AuditFile.open(field, actor="赵芳") as af, af.session() as s:
        audits.start_audit(s, _ids["e2"], audit_date=date(2014, 9, 3))
    capsys.readouterr()
    assert main(["merge", url, str(field)]) == 0 and "已合并" in capsys.readouterr().out
    assert main(["team", "init", url]) == 0
    assert main(["team", "add-user", url, "li_lead", "--role", "lead", "--no-password"]) == 0
    capsys.readouterr()
    assert main(["team", "users", url]) == 0 and "li_lead\tlead" in capsys.readouterr().out
    assert main(["team", "add-user", url, "x", "--role", "boss", "--no-password"]) == 2
    capsys.readouterr()
    assert main(["info", url.replace("postgres@", "postgres:secret@")]) == 2
    err = capsys.readouterr().err
    assert "密码" in err or "password" in err.lower()


def test_a_password_never_comes_from_the_url_but_from_the_keyring(monkeypatch):
    with pytest.raises(ValidationError):
        parse("postgresql://lead:hunter2@db.example:5432/ngo")
    loc = parse("postgresql://lead@db.example/ngo")
    assert is_url("postgres://lead@db.example/ngo") and not is_url("C:/审计/文件.ngoaudit")
    assert loc.port == 5432 and loc.name == "ngo@db.example" and "hunter2" not in loc.url()
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1
        store: dict = {}

        def get_password(self, service, username):
            return self.store.get((service, username))

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def delete_password(self, service, username):
            self.store.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(Memory())
    try:
        from ngo_audit.store.url import save_password

        assert save_password(loc, "s3cret")
        assert password_for(loc, prompt=False) == "s3cret"
    finally:
        keyring.set_keyring(previous)


def test_the_same_length_rules_on_file_and_server(filled, pg_database, tmp_path):
    path, ids = filled
    url = pg_database()
    copy_store(path, url)
    for where in (path, url):
        with AuditFile.open(where, actor="名" * 61) as af, pytest.raises(ValidationError), af.session() as s:
            contracts.add_auditor(s, "新志愿者")
        with AuditFile.open(where, actor="测试") as af, pytest.raises(ValidationError), af.session() as s:
            findings.update_finding(s, ids["finding"], reason="复核", description="含\x00空字符")


def test_a_field_copy_merges_back_into_the_server(filled, pg_database, tmp_path):
    path, ids = filled
    url = pg_database()
    copy_store(path, url)
    field = tmp_path / "外业 副本.ngoaudit"
    copy_store(url, field)  # the field copy
    with AuditFile.open(field, actor="赵芳") as af, af.session() as s:
        a = audits.start_audit(s, ids["e2"], audit_date=date(2014, 9, 2))
        f = audits.record_non_compliance(s, a.id, ids["hazwaste"], title="危险废物露天堆放")
        evidence.add_evidence(s, make_photo("smoke", "before", 5, size=(200, 150)), filename="堆放.jpg",
                              finding_id=f.id)
    with AuditFile.open(url, actor="李明") as server:
        with server.session() as s:  # meanwhile on the server
            findings.update_finding(s, ids["finding"], reason="复核", description="服务器上的描述")
        report = merge(server, field)
        assert report.applied and report.inserted["finding"] == 1 and report.blobs_added == 1
        again = merge(server, field)
        assert again.applied and not again.changed
        with server.session() as s:
            titles = set(s.scalars(select(Finding.title)))
            assert titles == {"雨水排口有黄褐色废水外排", "危险废物露天堆放"}
            assert s.get(Finding, ids["finding"]).description == "服务器上的描述"
            with server.session() as t:
                findings.update_finding(t, ids["finding"], reason="复核", title="合并之后还能编辑")


def test_two_draws_at_the_same_moment_never_pick_the_same_subject(filled, pg_database):
    path, ids = filled
    url = pg_database()
    copy_store(path, url)
    with AuditFile.open(url, actor="李明") as af:
        with af.session() as s:
            plan_id = plans.get_or_create_plan(s, ids["contract"], "2014Q3").id
        flt = plans.PoolFilter(kinds=["enterprise", "department"], exclude_planned=True)  # 3 subjects
        errors: list[BaseException] = []

        def draw(seed: str) -> None:
            try:
                with AuditFile.open(url, actor=seed) as mine, mine.session() as s:
                    plans.run_draw(s, plan_id, seed=seed, flt=flt, count=1)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=draw, args=(f"种子{i}",)) for i in range(3)]
        for th in threads:
            th.start()
        for th in threads:
            th.join(30)
        assert not errors
        with af.session() as s:
            drawn = list(s.scalars(select(PlanItem.subject_id).where(PlanItem.plan_id == plan_id)))
            assert len(drawn) == 3 and len(set(drawn)) == 3
            assert s.get(AuditPlan, plan_id) is not None


def test_copy_refuses_a_missing_file_and_keeps_nothing(tmp_path, pg_database):
    url = pg_database()
    with pytest.raises(Exception):  # noqa: B017 - FileNotFound or NotAnAuditFile, whichever the header check says
        copy_store(tmp_path / "没有.ngoaudit", url)
    dest = tmp_path / "x.ngoaudit"
    with pytest.raises(Exception):  # noqa: B017 - an empty database has nothing to copy
        copy_store(url, dest)
    assert not dest.exists() and not list(tmp_path.glob(".*copying"))
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_a_listener_hears_another_connections_commit_at_once_and_stops(filled, pg_database):
    import time

    from ngo_audit.store.notify import ChangeListener

    path, ids = filled
    url = pg_database()
    copy_store(path, url)
    heard: list[float] = []
    with AuditFile.open(url, actor="王芳") as mine, AuditFile.open(url, actor="赵芳") as other:
        listener = ChangeListener(lambda: heard.append(time.monotonic()))
        assert listener.start(mine.engine) and listener.listening
        with other.session() as s:
            findings.update_finding(s, ids["finding"], reason="复核", title="赵芳改的标题")
        committed = time.monotonic()
        deadline = committed + 5
        while not heard and time.monotonic() < deadline:
            time.sleep(0.01)
        assert heard and heard[0] - committed < 1.0  # announced, not found by a poll
        with other.engine.connect() as conn:  # a read announces nothing
            conn.execute(select(func.count()).select_from(Finding)).scalar_one()
        time.sleep(0.3)
        assert len(heard) == 1
        listener.stop()
        assert not listener.listening and not listener._thread.is_alive()
    # An audit file has nobody to announce changes: the window polls nothing and listens to nothing.
    with AuditFile.open(path, readonly=True) as af:
        assert not ChangeListener(lambda: None).start(af.engine)


def test_text_search_on_the_server_uses_the_trigram_indexes(filled, pg_database):
    from ngo_audit.queries.findings import FindingFilter, count_findings, finding_ids

    path, ids = filled
    url = pg_database()
    copy_store(path, url)
    with AuditFile.open(url, readonly=True) as af, af.session() as s:
        indexes = set(s.scalars(text("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%_trgm'")))
        assert indexes == {"ix_finding_title_trgm", "ix_finding_description_trgm", "ix_subject_name_trgm",
                           "ix_subject_credit_code_trgm"}
        flt = FindingFilter(text="黄褐色", as_of=date(2014, 12, 31))
        assert finding_ids(s, flt) == [ids["finding"]] and count_findings(s, flt) == 1
        s.execute(text("SET LOCAL enable_seqscan = off"))  # as on a large table: the planner takes the index
        plan = "\n".join(s.scalars(text(
            "EXPLAIN SELECT id FROM finding WHERE title LIKE '%黄褐色%' OR description LIKE '%黄褐色%'")))
        assert "ix_finding_title_trgm" in plan and "ix_finding_description_trgm" in plan
