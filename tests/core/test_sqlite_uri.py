"""SQLite URIs of audit files on local disks, mapped network drives and UNC shares.

The Windows forms are built from pure Windows paths (no Windows machine needed); SQLite's own
URI parser is then asked, on this machine, whether it accepts the shape we build.
"""

from __future__ import annotations

import sqlite3
from pathlib import PurePosixPath, PureWindowsPath

import pytest

from ngo_audit.auditfile import AuditFile
from ngo_audit.sqlite_uri import sqlite_uri, windows_uri_path


@pytest.mark.parametrize(("path", "uri"), [
    (r"C:\Users\张三\Documents\清镇 2014.ngoaudit",
     "file:///C:/Users/%E5%BC%A0%E4%B8%89/Documents/%E6%B8%85%E9%95%87%202014.ngoaudit?mode=rw"),
    # What Python resolves a mapped drive (Z:\项目.ngoaudit) to: the server must not become the authority.
    (r"\\nas\共享\项目.ngoaudit", "file:////nas/%E5%85%B1%E4%BA%AB/%E9%A1%B9%E7%9B%AE.ngoaudit?mode=rw"),
    (r"\\?\UNC\nas\share\a b.ngoaudit", "file:////nas/share/a%20b.ngoaudit?mode=rw"),
    (r"\\?\D:\审计\x.ngoaudit", "file:///D:/%E5%AE%A1%E8%AE%A1/x.ngoaudit?mode=rw"),
    (r"\\192.168.1.20\docs\q#3?.ngoaudit", "file:////192.168.1.20/docs/q%233%3F.ngoaudit?mode=rw"),
    (r"Z:\100% done.ngoaudit", "file:///Z:/100%25%20done.ngoaudit?mode=rw"),
])
def test_windows_paths(path, uri):
    assert sqlite_uri(PureWindowsPath(path), readonly=False) == uri


def test_readonly_and_posix():
    assert sqlite_uri(PureWindowsPath(r"\\nas\s\f.ngoaudit"), readonly=True) == "file:////nas/s/f.ngoaudit?mode=ro"
    assert sqlite_uri(PurePosixPath("/home/李/a b.ngoaudit"), readonly=True) == (
        "file:///home/%E6%9D%8E/a%20b.ngoaudit?mode=ro")


def test_relative_paths_are_refused():
    with pytest.raises(ValueError):
        windows_uri_path(PureWindowsPath(r"relative\x.ngoaudit"))
    with pytest.raises(ValueError):
        sqlite_uri(PurePosixPath("x.ngoaudit"), readonly=False)


def test_sqlite_accepts_the_unc_shape_and_refuses_as_uri(tmp_path):
    """The UNC form is an empty authority + a path starting with '//': SQLite parses it on any OS
    (here '//tmp/…' is the same folder as '/tmp/…').  Path.as_uri()'s 'file://nas/…' is refused."""
    folder = tmp_path / "共享 文件夹"
    folder.mkdir()
    db = folder / "项目#1.ngoaudit"
    sqlite3.connect(db).close()
    unc_like = "file:///" + sqlite_uri(PurePosixPath(db), readonly=True)[len("file://"):]
    assert unc_like.startswith("file:////")
    sqlite3.connect(unc_like, uri=True).execute("select 1").close()
    assert PureWindowsPath(r"\\nas\share\x.ngoaudit").as_uri().startswith("file://nas/")
    with pytest.raises(sqlite3.OperationalError, match="authority"):
        sqlite3.connect("file://nas" + str(db) + "?mode=ro", uri=True)


def test_audit_file_in_a_folder_with_uri_characters(tmp_path):
    folder = tmp_path / "共享 #1 ?%"
    folder.mkdir()
    af = AuditFile.create(folder / "项目 2014.ngoaudit", actor="测试员", origin="test#1")
    af.close()
    with AuditFile.open(folder / "项目 2014.ngoaudit", actor="测试员", origin="test#1", readonly=True) as af:
        assert af.path.name == "项目 2014.ngoaudit"
