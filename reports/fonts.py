"""Fonts of the reports: the Windows Chinese fonts when present, else the bundled WenQuanYi Micro Hei.

GB/T 9704 asks for 仿宋 (FangSong) body text, 黑体 headings, 楷体 for the second
heading level and 小标宋 titles.  Windows has FangSong, SimHei and KaiTi; a
computer without them (Linux CI, a stripped-down Windows) gets the bundled
WenQuanYi Micro Hei for every role, so a report can always be made.

Only TrueType outlines are used (reportlab embeds TrueType, not CFF/OpenType
"OTTO" fonts), every font is embedded as a subset, and the same file is
registered once even when it serves several roles.  A system font that is
missing, not TrueType, broken or without Chinese glyphs is skipped; only a
missing or broken bundled font is an error (:class:`ReportFontError`).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import resources
from ngo_audit.errors import NgoAuditError

BUNDLED = Path(resources.__file__).resolve().parent / "fonts" / "wqy-microhei.ttc"
# role -> candidate file names in the Windows fonts folder, best first
CANDIDATES: dict[str, tuple[str, ...]] = {
    "body": ("simfang.ttf",),  # 仿宋
    "heading": ("simhei.ttf",),  # 黑体
    "kai": ("simkai.ttf",),  # 楷体
    "title": ("FZXBSJW.TTF", "fzxbsjw.ttf", "simhei.ttf"),  # 方正小标宋 if installed, else 黑体
}
_TRUETYPE = (b"\x00\x01\x00\x00", b"true", b"ttcf")
_cache: dict[tuple[str, ...], FontSet] = {}


class ReportFontError(NgoAuditError):
    """No usable Chinese font: the report cannot be made readable."""


@dataclass(frozen=True)
class Face:
    name: str  # as registered with reportlab
    path: Path
    index: int = 0  # subfont of a TrueType collection


@dataclass(frozen=True)
class FontSet:
    body: Face
    heading: Face
    kai: Face
    title: Face
    skipped: tuple[str, ...] = ()  # system fonts found but unusable, and why (for the log / tests)

    @property
    def faces(self) -> tuple[Face, ...]:
        return (self.body, self.heading, self.kai, self.title)


def windows_font_dirs() -> list[Path]:
    """Where Windows keeps fonts; NGO_AUDIT_FONT_DIR first (another folder of the same fonts, and tests)."""
    dirs = []
    if os.environ.get("NGO_AUDIT_FONT_DIR"):
        dirs.append(Path(os.environ["NGO_AUDIT_FONT_DIR"]))
    dirs.append(Path(os.environ.get("WINDIR") or r"C:\Windows") / "Fonts")
    if os.environ.get("LOCALAPPDATA"):  # fonts installed for one user only (Windows 10+)
        dirs.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def _register(path: Path, index: int = 0) -> Face:
    """Register a TrueType font with reportlab; raises ValueError saying why it cannot be used."""
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise ValueError(f"cannot read ({exc.strerror or exc})") from None
    if magic not in _TRUETYPE:
        raise ValueError("not a TrueType font (CFF/OpenType outlines cannot be embedded)")
    digest = hashlib.sha1(f"{path.resolve()}|{index}".encode()).hexdigest()[:8]
    name = f"ngo-{path.stem.lower()}-{index}-{digest}"
    if name in pdfmetrics.getRegisteredFontNames():
        return Face(name, path, index)
    try:
        font = TTFont(name, str(path), subfontIndex=index)
    except Exception as exc:  # reportlab raises TTFError, struct.error, KeyError… for damaged files
        raise ValueError(f"damaged or unsupported ({exc})") from None
    if not all(ord(ch) in font.face.charToGlyph for ch in "中文报告一"):
        raise ValueError("has no Chinese characters")
    pdfmetrics.registerFont(font)
    return Face(name, path, index)


def font_set(dirs: list[Path] | None = None) -> FontSet:
    """The fonts of every report (cached per list of folders); raises ReportFontError without the bundled font."""
    dirs = windows_font_dirs() if dirs is None else list(dirs)
    key = tuple(str(d) for d in dirs)
    if key in _cache:
        return _cache[key]
    try:
        fallback = _register(BUNDLED)
    except ValueError as exc:
        raise ReportFontError(
            f"缺少报告所需的中文字体文件“{BUNDLED.name}”或该文件已损坏（{exc}）。请重新安装 ngo-audit。",
            f"The Chinese font “{BUNDLED.name}” that reports need is missing or damaged ({exc}). "
            "Reinstall ngo-audit.",
        ) from None
    chosen: dict[str, Face] = {}
    skipped: list[str] = []
    tried: dict[Path, Face | None] = {}  # one file may be a candidate of several roles: judge it once
    for role, names in CANDIDATES.items():
        for name in names:
            found = next((d / name for d in dirs if (d / name).is_file()), None)
            if found is None:
                continue
            if found not in tried:
                try:
                    tried[found] = _register(found)
                except ValueError as exc:
                    tried[found] = None
                    skipped.append(f"{found}: {exc}")
            if tried[found] is not None:
                chosen[role] = tried[found]
                break
        chosen.setdefault(role, fallback)
    fonts = FontSet(chosen["body"], chosen["heading"], chosen["kai"], chosen["title"], tuple(skipped))
    _cache[key] = fonts
    return fonts


def font_properties(face: Face, size: float | None = None):
    """A matplotlib FontProperties of the same file, so that charts match the text."""
    from matplotlib.font_manager import FontProperties

    return FontProperties(fname=str(face.path), size=size)
