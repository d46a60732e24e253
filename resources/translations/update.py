"""Update the translation source from the code, then compile it.

    python resources/translations/update.py

1. ``pyside6-lupdate`` collects every ``self.tr()`` / ``QCoreApplication.translate()`` /
   ``QT_TRANSLATE_NOOP`` string of ``ui/`` into ``ngo_audit_zh_CN.ts`` (new strings are
   marked unfinished; strings no longer in the code are dropped), and the plural strings
   (``self.tr("%n finding(s)", "", n)``) into ``ngo_audit_en.ts`` for their English forms;
2. translate the unfinished ones (Qt Linguist: ``pyside6-linguist ngo_audit_zh_CN.ts``,
   or edit the XML: fill ``<translation>`` and remove ``type="unfinished"``);
3. run this script again: ``pyside6-lrelease`` compiles ``ngo_audit_zh_CN.qm``, which the
   app loads.  ``tests/ui/test_ui_translations.py`` fails while a string is unfinished or the
   .ts is behind the code.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "ngo_audit_zh_CN.ts"
QM = HERE / "ngo_audit_zh_CN.qm"
# English is the source language; its .ts holds only the plural forms ("%n finding(s)" → 1 finding / 2 findings).
TS_EN = HERE / "ngo_audit_en.ts"
QM_EN = HERE / "ngo_audit_en.qm"


def tool(name: str) -> str:
    """pyside6-<name> next to the running Python, on PATH, or inside the PySide6 package."""
    candidates = [Path(sys.executable).parent / f"pyside6-{name}", Path(sys.executable).parent / f"pyside6-{name}.exe"]
    found = shutil.which(f"pyside6-{name}")
    if found:
        candidates.append(Path(found))
    import PySide6

    package = Path(PySide6.__file__).parent
    candidates += [package / name, package / f"{name}.exe"]
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    raise SystemExit(f"pyside6-{name} not found; install PySide6")


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def lupdate(ts: Path = TS, language: str = "zh_CN", plural_only: bool = False) -> None:
    options = ["-no-obsolete", "-locations", "relative", "-target-language", language]
    if plural_only:
        options.append("-pluralonly")
    subprocess.run([tool("lupdate"), *options, *sources(), "-ts", str(ts)], cwd=ROOT, check=True)


def lrelease() -> None:
    for ts, qm in ((TS, QM), (TS_EN, QM_EN)):
        subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


if __name__ == "__main__":
    lupdate()
    lupdate(TS_EN, "en", plural_only=True)
    lrelease()
