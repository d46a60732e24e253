"""Review comments: written by a reviewer against one package, answered by the NGO.

The reviewer's side is a small ``.ngoreview`` file (:class:`ReviewFile`): plain
UTF-8 JSON that anyone can read, saved after every change so that nothing
typed is lost.  It names the reviewer and the exact package read (SHA-256 of
the ``.ngoseal`` file, the seal's package id, the audit file's uid)::

    {"format": "ngo-audit-review", "format_version": 1, "review_id": "<32 hex>",
     "reviewer": {"name": "…", "organisation": "…"},
     "package": {"sha256": "<64 hex>", "package_id": "<32 hex>", "file_uid": "…", "name": "…",
                 "sealed_at": "…", "fingerprint": "<64 hex>"},
     "created_at": "…", "updated_at": "…",
     "comments": [{"uid": "<32 hex>", "target": {"table": "finding", "uid": "<32 hex>", "section": "",
                   "label": "…"}, "text": "…", "written_at": "…"}]}

It comes from outside to the NGO, so :meth:`ReviewFile.load` checks size,
format and every field before anything is used (JSON only: no code can ride
in it).  The NGO's side (:func:`import_review`, :func:`answer_comment`,
:func:`set_addressed`) keeps the comments in the audit file
(:class:`~ngo_audit.models.ReviewComment`), so the next package carries them
with their answers back to the reviewer.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .. import durable
from ..errors import FileExists, FileNotFound, ValidationError
from ..models import COMMENT_TARGETS, new_uid
from .errors import ReviewFileError
from .keys import clean_name
from .verify import VerifyResult

FORMAT = "ngo-audit-review"
SUFFIX = ".ngoreview"
MAX_FILE = 4 * 1024 * 1024
MAX_COMMENTS = 5000
MAX_TEXT = 20000
_HEX32 = re.compile(r"^[0-9a-f]{32}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_FP_OR_EMPTY = re.compile(r"^([0-9A-F]{64})?$")


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def check_target(table: str, record_uid: str, section: str) -> None:
    if table not in COMMENT_TARGETS:
        raise ValidationError(f"不能对“{table}”发表意见。", f"Comments cannot be made on “{table}”.", field="target")
    if table == "report_section":
        if not section or len(section) > 60 or record_uid:
            raise ValidationError("请指明报告的章节。", "Say which section of the report.", field="section")
    elif not _HEX32.match(record_uid or "") or section:
        raise ValidationError("意见必须指向一条具体的记录。", "A comment must point at one record.", field="target")


def check_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError("请填写意见内容。", "The comment is empty.", field="text")
    if len(text) > MAX_TEXT:
        raise ValidationError(f"意见太长（最多 {MAX_TEXT} 字）。", f"The comment is too long (at most {MAX_TEXT} "
                              "characters).", field="text")
    return text


@dataclass
class DraftComment:
    uid: str
    target_table: str
    target_uid: str
    section: str
    target_label: str
    text: str
    written_at: datetime


@dataclass
class ReviewFile:
    """The reviewer's comments on one package, as a file.  Every change is saved at once."""

    path: Path
    review_id: str
    reviewer: str
    organisation: str
    package_sha256: str
    package_id: str
    file_uid: str
    package_name: str
    sealed_at: str
    fingerprint: str
    created_at: datetime
    comments: list[DraftComment] = field(default_factory=list)

    @classmethod
    def create(cls, path: str | Path, package: VerifyResult, *, reviewer: str, organisation: str = "",
               overwrite: bool = False) -> ReviewFile:
        """Start a review of a verified package (it must be intact; trust is the reviewer's call)."""
        path = Path(path)
        if path.exists() and not overwrite:
            raise FileExists(f"文件“{path}”已存在。", f"“{path}” already exists.")
        if not package.intact or package.manifest is None:
            raise ReviewFileError("只能对完好的封存包发表审阅意见。", "Comments can only be made on an intact package.")
        name = clean_name(reviewer, 60)
        if not name:
            raise ValidationError("请填写审阅人姓名。", "The reviewer's name is required.", field="reviewer")
        m = package.manifest
        review = cls(path, new_uid(), name, clean_name(organisation), package.package_sha256, m.package_id,
                     m.file_uid, package.path.name[:200], m.sealed_at.isoformat(), m.fingerprint, _now())
        review.save()
        return review

    def add(self, target_table: str, text: str, *, target_uid: str = "", section: str = "",
            label: str = "") -> DraftComment:
        check_target(target_table, target_uid, section)
        comment = DraftComment(new_uid(), target_table, target_uid, section, clean_name(label), check_text(text),
                               _now())
        if len(self.comments) >= MAX_COMMENTS:
            raise ValidationError("意见数量已达上限，请另建一个审阅文件。", "Too many comments: start another review file.")
        self.comments.append(comment)
        self.save()
        return comment

    def edit(self, uid: str, text: str) -> DraftComment:
        comment = self._get(uid)
        comment.text = check_text(text)
        self.save()
        return comment

    def remove(self, uid: str) -> None:
        self.comments.remove(self._get(uid))
        self.save()

    def comments_on(self, target_table: str, target_uid: str = "", section: str = "") -> list[DraftComment]:
        return [c for c in self.comments if c.target_table == target_table and c.target_uid == target_uid
                and c.section == section]

    def _get(self, uid: str) -> DraftComment:
        for c in self.comments:
            if c.uid == uid:
                return c
        raise ValidationError("找不到这条意见。", "No such comment.", field="comment")

    def to_json(self) -> str:
        data = {
            "format": FORMAT, "format_version": 1, "review_id": self.review_id,
            "reviewer": {"name": self.reviewer, "organisation": self.organisation},
            "package": {"sha256": self.package_sha256, "package_id": self.package_id, "file_uid": self.file_uid,
                        "name": self.package_name, "sealed_at": self.sealed_at, "fingerprint": self.fingerprint},
            "created_at": self.created_at.isoformat(), "updated_at": _now().isoformat(),
            "comments": [{"uid": c.uid, "target": {"table": c.target_table, "uid": c.target_uid,
                                                   "section": c.section, "label": c.target_label},
                          "text": c.text, "written_at": c.written_at.isoformat()} for c in self.comments],
        }
        return json.dumps(data, ensure_ascii=False, indent=2)

    def save(self) -> None:
        """Write atomically: a crash leaves the previous version, never half a file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        durable.write_text(self.path, self.to_json())

    @classmethod
    def load(cls, path: str | Path) -> ReviewFile:
        """Read a review file from outside: everything checked, any problem one clear error."""
        path = Path(path)
        if not path.exists():
            raise FileNotFound(f"找不到文件“{path}”。", f"File not found: {path}")
        bad = ReviewFileError(f"“{path.name}”不是有效的审阅意见文件（.ngoreview），或已损坏、不完整。",
                              f"“{path.name}” is not a valid review file (.ngoreview), or it is damaged or incomplete.")
        try:
            if path.is_dir() or path.stat().st_size > MAX_FILE:
                raise bad
            data = json.loads(path.read_bytes().decode("utf-8"))
            return _parse(path, data)
        except ReviewFileError:
            raise
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError, ValidationError):
            raise bad from None


def _s(value, limit: int, pattern: re.Pattern | None = None) -> str:
    if not isinstance(value, str) or len(value) > limit or (pattern is not None and not pattern.match(value)):
        raise ValueError("bad field")
    return value


def _when(value) -> datetime:
    when = datetime.fromisoformat(_s(value, 40))
    if when.tzinfo is None:
        raise ValueError("time without zone")
    return when


def _parse(path: Path, d: dict) -> ReviewFile:
    if not isinstance(d, dict) or d.get("format") != FORMAT or d.get("format_version") != 1:
        raise ValueError("format")
    who, pkg, items = d["reviewer"], d["package"], d["comments"]
    if not isinstance(items, list) or len(items) > MAX_COMMENTS:
        raise ValueError("comments")
    comments, seen = [], set()
    for item in items:
        target = item["target"]
        c = DraftComment(_s(item["uid"], 32, _HEX32), _s(target["table"], 40), _s(target.get("uid", ""), 32),
                         _s(target.get("section", ""), 60), clean_name(_s(target.get("label", ""), 400)),
                         check_text(_s(item["text"], MAX_TEXT)), _when(item["written_at"]))
        check_target(c.target_table, c.target_uid, c.section)
        if c.uid in seen:
            raise ValueError("duplicate comment")
        seen.add(c.uid)
        comments.append(c)
    reviewer = clean_name(_s(who["name"], 200), 60)
    if not reviewer:
        raise ValueError("reviewer")
    return ReviewFile(
        path, _s(d["review_id"], 32, _HEX32), reviewer, clean_name(_s(who.get("organisation", ""), 400)),
        _s(pkg["sha256"], 64, _HEX64), _s(pkg["package_id"], 32, _HEX32), _s(pkg["file_uid"], 64),
        clean_name(_s(pkg.get("name", ""), 400), 200), _s(pkg.get("sealed_at", ""), 40),
        _s(pkg.get("fingerprint", ""), 64, _FP_OR_EMPTY), _when(d["created_at"]), comments)


# The NGO's side lives in .comments; importable from here too.
from .comments import (  # noqa: E402
    CommentView,
    ImportResult,
    answer_comment,
    comment_counts,
    comments_for,
    import_review,
    list_comments,
    set_addressed,
)

__all__ = ["CommentView", "DraftComment", "ImportResult", "ReviewFile", "answer_comment", "comment_counts",
           "comments_for", "import_review", "list_comments", "set_addressed"]
