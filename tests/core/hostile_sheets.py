"""Spreadsheets built to exhaust a reader: tiny on disk, huge once unpacked (for the import-limit tests)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl


def _base(path: Path) -> dict[str, bytes]:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["名称", "统一社会信用代码"])
    ws.append(["清镇市某某公司", "x"])
    wb.save(path)
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _write(path: Path, members: dict[str, bytes]) -> Path:
    path.unlink(missing_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def shared_strings_bomb(path: Path, count: int = 6_000_000) -> Path:
    """A shared-strings table of ``count`` entries (about 1 MB on disk; openpyxl keeps every entry)."""
    members = _base(path)
    members["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
        % (count, count) + b"<si><t>\xe5\x90\x8d\xe7\xa7\xb0</t></si>" * count + b"</sst>")
    if "[Content_Types].xml" in members and b"sharedStrings" not in members["[Content_Types].xml"]:
        members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
            b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    return _write(path, members)


def endless_sheet(path: Path, rows: int = 1_000_000, width: int = 3) -> Path:
    """A sheet of ``rows`` inline-string rows (a few MB on disk, hundreds of MB of XML)."""
    members = _base(path)
    cells = "".join(f'<c t="inlineStr"><is><t>v{k}</t></is></c>' for k in range(width)).encode()
    body = b"".join(b'<row r="%d">' % i + cells + b"</row>" for i in range(1, rows + 1))
    members["xl/worksheets/sheet1.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + body + b"</sheetData></worksheet>")
    return _write(path, members)


def wide_row(path: Path) -> Path:
    """One row reaching column XFD (16,384 cells read for each row in the sheet)."""
    members = _base(path)
    rows = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>a</t></is></c>'
                    b'<c r="XFD%d" t="inlineStr"><is><t>z</t></is></c></row>' % (i, i, i) for i in range(1, 20_001))
    members["xl/worksheets/sheet1.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + rows + b"</sheetData></worksheet>")
    return _write(path, members)
