"""Review comments: reviewer → .ngoreview → NGO (answered, addressed) → next package → reviewer."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from ngo_audit.auditfile import AuditFile
from ngo_audit.errors import FileExists, FileNotFound, NotFound, ValidationError
from ngo_audit.models import Finding, ReviewComment, Subject, Term
from ngo_audit.services import audits
from ngo_audit.sharing import keys, trust
from ngo_audit.sharing.errors import ReviewFileError
from ngo_audit.sharing.merge import merge
from ngo_audit.sharing.package import open_package, seal, verify_package
from ngo_audit.sharing.review import (
    ReviewFile,
    answer_comment,
    comment_counts,
    comments_for,
    import_review,
    list_comments,
    set_addressed,
)

pytestmark = pytest.mark.file_only  # about the audit file itself; the server's side: test_team_database.py

PASS = "审阅 round trip 2014"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)


class Desks:
    """The NGO's and the reviewer's computers: each its own profile folder."""

    def __init__(self, tmp_path: Path, monkeypatch) -> None:
        self.root, self.mp = tmp_path, monkeypatch

    def ngo(self) -> None:
        self.mp.setenv("NGO_AUDIT_CONFIG_DIR", str(self.root / "NGO 配置"))

    def reviewer(self) -> None:
        self.mp.setenv("NGO_AUDIT_CONFIG_DIR", str(self.root / "审阅人 配置"))


@pytest.fixture
def setup(world, tmp_path, monkeypatch):
    af, ids = world
    desks = Desks(tmp_path, monkeypatch)
    desks.ngo()
    with af.session() as s:
        a = audits.start_audit(s, ids["e1"], audit_date=date(2014, 8, 6))
        f = audits.record_non_compliance(s, a.id, ids["criterion"], title="雨水排口有黄褐色废水外排")
        uids = {"finding": f.uid, "subject": s.get(Subject, ids["e1"]).uid, "term": s.get(Term, ids["hazwaste"]).uid}
    package = tmp_path / "送审" / "2014Q3 第一版.ngoseal"
    seal(af.path, package, passphrase=PASS, sealed_by="李明", quarter="2014Q3")
    fingerprint = keys.key_info().fingerprint
    desks.reviewer()
    trust.trust_fingerprint(fingerprint, "测试环境监督中心")
    return af, uids, package, desks


def write_review(package: Path, uids: dict, path: Path) -> ReviewFile:
    result, pkg = open_package(package, actor="王处长")
    with pkg:
        with pkg.session() as s:
            finding = s.scalar(select(Finding).where(Finding.uid == uids["finding"]))
            label = finding.title
        review = ReviewFile.create(path, result, reviewer="王处长", organisation="清镇市生态文明建设局")
        review.add("finding", "整改期限过长，请说明依据。", target_uid=uids["finding"], label=label)
        review.add("subject", "该企业去年也有类似问题。", target_uid=uids["subject"], label="清镇市澜禾化工有限公司")
        review.add("term", "请补充检查频次。", target_uid=uids["term"], label="3.2 危险废物规范贮存")
        extra = review.add("report_section", "本节数据与上季度口径不同。", section="2014Q3/difficulties")
        review.remove(extra.uid)
        review.edit(review.comments[0].uid, "整改期限过长，请说明法律依据。")
    return review


def test_comments_round_trip_reviewer_ngo_and_back(setup, tmp_path):
    af, uids, package, desks = setup
    path = tmp_path / "审阅 意见" / "王处长.ngoreview"
    review = write_review(package, uids, path)
    loaded = ReviewFile.load(path)
    assert loaded.review_id == review.review_id and len(loaded.comments) == 3
    assert loaded.package_sha256 == verify_package(package).package_sha256
    assert loaded.package_id == verify_package(package).package_id
    assert loaded.comments[0].text == "整改期限过长，请说明法律依据。"

    desks.ngo()  # the NGO imports it, answers, marks addressed
    with af.session() as s:
        result = import_review(s, path)
    assert (result.added, result.unchanged, result.missing_targets) == (3, 0, 0)
    assert result.reviewer == "王处长" and result.package_sha256 == loaded.package_sha256
    with af.session() as s:
        assert import_review(s, path).unchanged == 3  # twice: nothing added
        (on_finding,) = comments_for(s, "finding", uids["finding"])
        assert on_finding.reviewer == "王处长" and on_finding.organisation == "清镇市生态文明建设局"
        assert comment_counts(s) == {"total": 3, "unanswered": 3, "open": 3}
        answer_comment(s, on_finding.uid, "依据《水污染防治法》第八十三条，已缩短为 15 日。")
        set_addressed(s, on_finding.uid)
        subject_comment = comments_for(s, "subject", uids["subject"])[0]
        answer_comment(s, subject_comment.uid, "已调阅去年记录。", by="李明")
        assert [c.uid for c in list_comments(s, open_only=True)] != [] and len(list_comments(s, open_only=True)) == 2
        assert comment_counts(s) == {"total": 3, "unanswered": 1, "open": 2}
        with pytest.raises(ValidationError):
            answer_comment(s, subject_comment.uid, "   ")
        with pytest.raises(NotFound):
            set_addressed(s, "0" * 32)
    second = tmp_path / "送审" / "2014Q3 第二版.ngoseal"
    seal(af.path, second, passphrase=PASS, sealed_by="李明", quarter="2014Q3")

    desks.reviewer()  # the next package carries the answers back
    result, pkg = open_package(second)
    with pkg, pkg.session() as s:
        assert result.ok and result.contents["review_comments"] == 3
        (seen,) = comments_for(s, "finding", uids["finding"])
        assert seen.answer.startswith("依据《水污染防治法》") and seen.addressed and seen.answered_by == "测试员"
        assert comments_for(s, "subject", uids["subject"])[0].answered_by == "李明"


def test_reworded_comments_update_and_changes_are_logged(setup, tmp_path):
    af, uids, package, desks = setup
    path = tmp_path / "r.ngoreview"
    write_review(package, uids, path)
    desks.ngo()
    with af.session() as s:
        import_review(s, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["comments"][1]["text"] = "该企业去年也有类似问题，请对比。"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with af.session() as s:
        result = import_review(s, path)
        assert (result.added, result.updated, result.unchanged) == (0, 1, 2)
        comment = s.scalar(select(ReviewComment).where(ReviewComment.uid == data["comments"][1]["uid"]))
        assert comment.text.endswith("请对比。")
    from ngo_audit.models import ChangeLog

    with af.session() as s:
        assert s.scalar(select(ChangeLog).where(ChangeLog.table_name == "review_comment",
                                                ChangeLog.action == "update")).field == "text"


def test_review_files_from_outside_are_checked(setup, tmp_path):
    af, uids, package, desks = setup
    good = tmp_path / "good.ngoreview"
    write_review(package, uids, good)
    data = json.loads(good.read_text(encoding="utf-8"))
    bad_cases = {
        "truncated": good.read_bytes()[:200],
        "not json": b"\x00\x01 not json",
        "wrong format": json.dumps({**data, "format": "something-else"}).encode(),
        "bad target": json.dumps({**data, "comments": [{**data["comments"][0], "target": {
            "table": "change_log", "uid": "0" * 32}}]}).encode(),
        "bad uid": json.dumps({**data, "comments": [{**data["comments"][0], "uid": "../../etc"}]}).encode(),
        "duplicate": json.dumps({**data, "comments": data["comments"][:1] * 2}).encode(),
        "no reviewer": json.dumps({**data, "reviewer": {"name": "  "}}).encode(),
        "deep": b"[" * 100000 + b"]" * 100000,
        "too big": b" " * (5 * 1024 * 1024),
    }
    desks.ngo()
    for name, content in bad_cases.items():
        path = tmp_path / f"{name}.ngoreview"
        path.write_bytes(content)
        with pytest.raises(ReviewFileError) as err, af.session() as s:
            import_review(s, path)
        assert path.name in err.value.message("zh"), name
    with pytest.raises(FileNotFound), af.session() as s:
        import_review(s, tmp_path / "missing.ngoreview")
    other = AuditFile.create(tmp_path / "另一个.ngoaudit")  # comments on another file's package are refused
    with pytest.raises(ReviewFileError) as err, other.session() as s:
        import_review(s, good)
    assert "another audit file" in err.value.message("en")
    other.close()
    with af.session() as s:
        assert s.scalar(select(ReviewComment.id)) is None


def test_review_is_only_started_on_an_intact_package_and_checks_its_input(setup, tmp_path):
    _, uids, package, _ = setup
    result = verify_package(package)
    review = ReviewFile.create(tmp_path / "a.ngoreview", result, reviewer="王处长")
    with pytest.raises(FileExists):
        ReviewFile.create(tmp_path / "a.ngoreview", result, reviewer="王处长")
    with pytest.raises(ValidationError):
        ReviewFile.create(tmp_path / "b.ngoreview", result, reviewer=" ")
    for table, target_uid, section in (("finding", "", ""), ("audit", uids["finding"], ""),
                                       ("report_section", "", ""), ("finding", uids["finding"], "x")):
        with pytest.raises(ValidationError):
            review.add(table, "意见", target_uid=target_uid, section=section)
    with pytest.raises(ValidationError):
        review.add("finding", "  ", target_uid=uids["finding"])
    assert ReviewFile.load(review.path).comments == []
    broken = tmp_path / "broken.ngoseal"
    data = bytearray(package.read_bytes())
    data[3000] ^= 1
    broken.write_bytes(data)
    with pytest.raises(ReviewFileError):
        ReviewFile.create(tmp_path / "c.ngoreview", verify_package(broken), reviewer="王处长")


def test_comments_answered_in_a_field_copy_merge_into_the_master(setup, tmp_path):
    af, uids, package, desks = setup
    path = tmp_path / "r.ngoreview"
    write_review(package, uids, path)
    desks.ngo()
    with af.session() as s:
        import_review(s, path)
    af.close()
    copy = tmp_path / "外业 副本.ngoaudit"
    shutil.copyfile(af.path, copy)
    with AuditFile.open(copy, actor="赵芳", origin="laptop") as c, c.session() as s:
        answer_comment(s, comments_for(s, "term", uids["term"])[0].uid, "已补充。")
    with AuditFile.open(af.path, actor="李明") as master:
        assert merge(master, copy).updated == {"review_comment": 1}
        with master.session() as s:
            (seen,) = comments_for(s, "term", uids["term"])
            assert (seen.answer, seen.answered_by) == ("已补充。", "赵芳")
