"""Fonts of the reports after GB/T 9704-2012: 仿宋 body, 小标宋 title, 黑体 and 楷体 headings, 宋体 page numbers.

Each role takes the Windows font when it is installed (FangSong, FZXiaoBiaoSong, SimHei, KaiTi,
SimSun), else the Fandol font shipped in ``resources/fonts`` (converted to TrueType once by
``resources/fonts/convert_fandol.py``), so that a report made on any computer has the right styles.
A character that the chosen font lacks (a rare character of a name) is set in the bundled WenQuanYi
Micro Hei, glyph by glyph (:func:`with_fallback`), never as an empty box.

Only TrueType outlines are used (reportlab embeds TrueType, not CFF/OpenType "OTTO" fonts), every
font is embedded as a subset, and the same file is registered once even when it serves several roles.
A system font that is missing, not TrueType, broken or without Chinese glyphs is skipped; only a
missing or broken bundled font is an error (:class:`ReportFontError`).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import resources
from ngo_audit.errors import NgoAuditError

FONT_DIR = Path(resources.__file__).resolve().parent / "fonts"
BUNDLED = FONT_DIR / "wqy-microhei.ttc"  # the glyph-by-glyph fallback of every role
ROLES = ("body", "heading", "kai", "title", "song")
# role -> (candidate file names in the Windows fonts folder, best first; the bundled font of the role)
CANDIDATES: dict[str, tuple[tuple[str, ...], str]] = {
    "body": (("simfang.ttf",), "FandolFang-Regular.ttf"),  # 仿宋
    "heading": (("simhei.ttf",), "FandolHei-Regular.ttf"),  # 黑体
    "kai": (("simkai.ttf",), "FandolKai-Regular.ttf"),  # 楷体
    "title": (("FZXBSJW.TTF", "fzxbsjw.ttf", "FZXBSJW--GB1-0.ttf"), "FandolSong-Bold.ttf"),  # 小标宋
    "song": (("simsun.ttc", "simsun.ttf"), "FandolSong-Regular.ttf"),  # 宋体
}
_TRUETYPE = (b"\x00\x01\x00\x00", b"true", b"ttcf")
_cache: dict[tuple[str, ...], FontSet] = {}
_coverage: dict[str, frozenset[int]] = {}  # registered name -> code points it has
_fallback_name: list[str] = []  # the registered name of BUNDLED, once registered
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


class ReportFontError(NgoAuditError):
    """No usable Chinese font: the report cannot be made readable."""


@dataclass(frozen=True)
class Face:
    name: str  # as registered with reportlab
    path: Path
    index: int = 0  # subfont of a TrueType collection

    @property
    def family(self) -> str:
        """The file's stem, e.g. "FandolFang-Regular" or "simfang" (for logs and tests)."""
        return self.path.stem


@dataclass(frozen=True)
class FontSet:
    body: Face
    heading: Face
    kai: Face
    title: Face
    song: Face
    fallback: Face
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
    _coverage[name] = frozenset(font.face.charToGlyph)
    return Face(name, path, index)


def _bundled(path: Path) -> Face:
    try:
        return _register(path)
    except ValueError as exc:
        raise ReportFontError(
            f"缺少报告所需的中文字体文件“{path.name}”或该文件已损坏（{exc}）。请重新安装 ngo-audit。",
            f"The Chinese font “{path.name}” that reports need is missing or damaged ({exc}). "
            "Reinstall ngo-audit.",
        ) from None


def font_set(dirs: list[Path] | None = None) -> FontSet:
    """The fonts of every report (cached per list of folders); raises ReportFontError without the bundled fonts."""
    dirs = windows_font_dirs() if dirs is None else list(dirs)
    key = tuple(str(d) for d in dirs)
    if key in _cache:
        return _cache[key]
    fallback = _bundled(BUNDLED)
    if not _fallback_name:
        _fallback_name.append(fallback.name)
    chosen: dict[str, Face] = {}
    skipped: list[str] = []
    tried: dict[Path, Face | None] = {}  # one file may be a candidate of several roles: judge it once
    for role, (names, bundled) in CANDIDATES.items():
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
        if role not in chosen:
            chosen[role] = _bundled(FONT_DIR / bundled)
    fonts = FontSet(*(chosen[r] for r in ROLES), fallback=fallback, skipped=tuple(skipped))
    _cache[key] = fonts
    return fonts


def covers(font_name: str, ch: str) -> bool:
    """Whether the registered font ``font_name`` has a glyph for ``ch`` (True for fonts not ours)."""
    have = _coverage.get(font_name)
    return have is None or ord(ch) in have


def with_fallback(markup: str, font_name: str) -> str:
    """Paragraph markup with every run of characters that ``font_name`` lacks set in the fallback font."""
    have = _coverage.get(font_name)
    if have is None or not _fallback_name or markup.isascii():
        return markup

    def run(m: re.Match) -> str:
        text, out, missing = m.group(0), [], []
        for ch in text:
            if ord(ch) in have:
                if missing:
                    out.append(f'<font face="{_fallback_name[0]}">{"".join(missing)}</font>')
                    missing = []
                out.append(ch)
            else:
                missing.append(ch)
        if missing:
            out.append(f'<font face="{_fallback_name[0]}">{"".join(missing)}</font>')
        return "".join(out)

    return _NON_ASCII.sub(run, markup)


def lacks(text: str, font_name: str) -> bool:
    """Whether ``text`` has a character that ``font_name`` lacks (it then needs :func:`with_fallback`)."""
    have = _coverage.get(font_name)
    return have is not None and not text.isascii() and any(ord(c) not in have for c in text if ord(c) > 127)


def font_properties(face: Face, size: float | None = None):
    """A matplotlib FontProperties of the same file, so that charts match the text."""
    from matplotlib.font_manager import FontProperties

    return FontProperties(fname=str(face.path), size=size)
