"""Build the one-folder bundle for this machine, then smoke-test it.

    python packaging/build.py               # build + smoke test (needs: pip install -e ".[build]")
    python packaging/build.py --no-build    # smoke-test an existing build/dist/ngo-audit
    python packaging/build.py --zip         # also write build/ngo-audit-<version>-<platform>.zip

The bundle is build/dist/ngo-audit/ with two programs: ``ngo-audit`` (windowed) and
``ngo-audit-cli`` (console).  The smoke test runs the *frozen* programs, never the source:
--help lists every command, demo, check, info, report, ledger, seal/verify, a cp936 console,
and the window offscreen for a few seconds with the demo file open (ui/self_check.py),
which reports whether the file opened, the SVG icons are drawn, the Chinese translation and
font are there and the PDF preview renders.  Exit code 0 only if everything passed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "ngo-audit.spec"
BUILD = ROOT / "build"
DIST = BUILD / "dist" / "ngo-audit"
EXE = ".exe" if sys.platform == "win32" else ""


def all_commands() -> tuple[str, ...]:
    """Every command of the source tree (the frozen ``--help`` must list each one)."""
    sys.path.insert(0, str(ROOT))
    from ngo_audit import cli

    cli._parser()  # fills COMMANDS with the layers' commands
    return tuple(sorted(cli.COMMANDS))


# Distributions in the build environment that are not part of the bundle.
NOT_BUNDLED = {"pip", "setuptools", "wheel", "pyinstaller", "pyinstaller-hooks-contrib", "altgraph", "macholib",
               "pefile", "pywin32-ctypes", "pytest", "pytest-qt", "ruff", "psutil", "pypdf", "pdfplumber",
               "pdfminer.six", "pluggy", "iniconfig", "pygments", "packaging", "ngo-audit", "charset-normalizer"}


def log(text: str) -> None:
    print(f"[build] {text}", flush=True)


# -- build ----------------------------------------------------------------------------------------
def build() -> float:
    start = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(BUILD / "dist"), "--workpath", str(BUILD / "work"), str(SPEC)],
                   cwd=ROOT, check=True)
    strip_linux_libraries(DIST)
    copy_licences()
    return time.monotonic() - start


def strip_linux_libraries(folder: Path) -> None:
    """Linux: drop the symbol tables of the shared libraries (about 48 MB of the bundle).

    Not PyInstaller's strip=True: that also strips the libraries auditwheel put in ``*.libs/`` folders
    (numpy's OpenBLAS, Pillow's codecs), which patchelf rewrote and which then no longer load.  Windows
    DLLs carry no symbols (those are in .pdb files), so there is nothing to do there.
    """
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return
    libraries = [str(p) for p in folder.rglob("*.so*") if p.is_file() and not p.is_symlink()
                 and not any(part.endswith(".libs") for part in p.parts)]
    for i in range(0, len(libraries), 100):
        subprocess.run([strip, "--strip-unneeded", *libraries[i:i + 100]], check=False,
                       stderr=subprocess.DEVNULL)


def copy_licences() -> None:
    """licenses/: the texts the installer and Help › About point to, and every bundled package's own."""
    out = DIST / "licenses"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for path in (ROOT / "packaging" / "licenses").iterdir():
        shutil.copy2(path, out / path.name)
    shutil.copy2(ROOT / "resources" / "fonts" / "wqy-microhei.COPYRIGHT.txt", out / "WenQuanYi-Micro-Hei.txt")
    lines = ["Third-party software in this ngo-audit bundle / 本程序包含的第三方软件", ""]
    for dist in sorted(metadata.distributions(), key=lambda d: d.metadata["Name"].lower()):
        name = dist.metadata["Name"]
        if name.lower() in NOT_BUNDLED:
            continue
        licence = (dist.metadata.get("License-Expression") or dist.metadata.get("License") or "").strip()
        if not licence or len(licence) > 80:  # some put the whole text there
            classifiers = [c.split(" :: ")[-1] for c in dist.metadata.get_all("Classifier") or []
                           if c.startswith("License ::")]
            licence = ", ".join(classifiers) or "see the files in this folder"
        lines.append(f"{name} {dist.version}: {licence}")
        for file in dist.files or []:
            base = file.name.upper()
            if base.startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS")):
                target = out / name / file.name
                target.parent.mkdir(exist_ok=True)
                with contextlib.suppress(OSError):
                    shutil.copy2(file.locate(), target)
    (out / "THIRD-PARTY.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


# -- measure ----------------------------------------------------------------------------------------
def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and number of the real files (Linux bundles link some libraries twice: counted once)."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def make_zip(folder: Path, target: Path) -> int:
    """The bundle as a .zip (what a download would weigh); symbolic links stay links."""
    target.unlink(missing_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(folder.rglob("*")):
            name = str(Path(folder.name) / path.relative_to(folder))
            if path.is_symlink():
                info = zipfile.ZipInfo(name)
                info.external_attr = (0o120777 << 16)
                zf.writestr(info, os.readlink(path))
            elif path.is_file():
                zf.write(path, name)
    return target.stat().st_size


def biggest(folder: Path, n: int = 12) -> list[tuple[int, str]]:
    sizes: dict[str, int] = {}
    internal = folder / "_internal"
    base = internal if internal.is_dir() else folder
    for path in base.rglob("*"):
        if path.is_file() and not path.is_symlink():
            rel = path.relative_to(base).parts
            key = "/".join(rel[:3]) if rel[0] == "PySide6" else "/".join(rel[:1])
            sizes[key] = sizes.get(key, 0) + path.stat().st_size
    return sorted(((s, k) for k, s in sizes.items()), reverse=True)[:n]


# -- smoke test ---------------------------------------------------------------------------------------
class Smoke:
    def __init__(self, dist: Path) -> None:
        self.cli = dist / f"ngo-audit-cli{EXE}"
        self.gui = dist / f"ngo-audit{EXE}"
        self.work = Path(tempfile.mkdtemp(prefix="ngo-audit-smoke-"))
        self.env = {**os.environ, "NGO_AUDIT_CONFIG_DIR": str(self.work / "配置"), "QT_QPA_PLATFORM": "offscreen",
                    "NGO_AUDIT_PASSPHRASE": "smoke test 口令", "NGO_AUDIT_INSTANCE_NAME": f"ngo-audit-smoke-{os.getpid()}"}
        for key in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):  # the bundle must not lean on this environment
            self.env.pop(key, None)
        self.failures: list[str] = []
        self.passed = 0

    def run(self, what: str, args: list, *, program: Path | None = None, env: dict | None = None,
            expect: int = 0, timeout: int = 300, contains: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
        start = time.monotonic()
        proc = subprocess.run([str(program or self.cli), *map(str, args)], capture_output=True, cwd=self.work,
                              env=env or self.env, timeout=timeout)
        out = proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")
        ok = proc.returncode == expect and all(c in out for c in contains) and "Traceback" not in out
        log(f"{'ok ' if ok else 'FAIL'} {what} ({time.monotonic() - start:.1f} s)")
        self.passed += ok
        if not ok:
            self.failures.append(what)
            print(out[-3000:], flush=True)
        return proc

    def all(self) -> bool:
        demo = self.work / "演示 文件" / "清镇 演示.ngoaudit"
        demo.parent.mkdir()
        self.run("--help lists every command", ["--help"], contains=all_commands())
        self.run("--version", ["--version"], contains=("ngo-audit",))
        self.run("demo (migrations as source files)", ["--lang", "en", "demo", demo], contains=("demo file",))
        self.run("check", ["check", demo], contains=("✓",))
        self.run("info", ["--lang", "en", "info", demo], contains=("Subjects",))
        cp936 = {**self.env, "PYTHONIOENCODING": "cp936"}
        proc = self.run("check on a cp936 console", ["check", demo], env=cp936)
        if "√".encode("cp936") not in proc.stdout:
            self.failures.append("cp936 output")
        report = self.work / "报告 2014Q3.pdf"
        self.run("report (reportlab, matplotlib, CJK font)", ["report", demo, "--quarter", "2014Q3", "--out", report])
        if not report.is_file() or report.stat().st_size < 20_000:
            self.failures.append("report PDF missing or tiny")
        ledger = self.work / "台账 2014Q3.xlsx"
        self.run("ledger", ["ledger", demo, "--quarter", "2014Q3", "--out", ledger])
        package = self.work / "送审 2014Q3.ngoseal"
        self.run("seal", ["--actor", "冒烟测试", "seal", demo, "--out", package, "--quarter", "2014Q3"],
                 contains=("SHA-256",))
        self.run("verify", ["verify", package], contains=("✓",))
        self.run("a bad file: one line, exit 2", ["check", ledger], expect=2)
        self.window(demo, report)
        shutil.rmtree(self.work, ignore_errors=True)
        return not self.failures

    def window(self, demo: Path, pdf: Path) -> None:
        out = self.work / "self-check.json"
        env = {**self.env, "NGO_AUDIT_SELF_CHECK": str(out), "NGO_AUDIT_SELF_CHECK_SECONDS": "3",
               "NGO_AUDIT_SELF_CHECK_PDF": str(pdf)}
        self.run("the window, offscreen, with the demo file open", ["--actor", "冒烟测试", demo], program=self.gui,
                 env=env, timeout=240)
        try:
            facts = json.loads(out.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.failures.append("window self-check wrote nothing")
            return
        log("window: " + json.dumps(facts, ensure_ascii=False))
        expected = {"file_opened": True, "svg_icon_drawn": True, "cjk_font": True, "translated": "工作概览",
                    "pdf_page_rendered": True, "report_in_helper_process": True, "errors": []}
        for key, value in expected.items():
            if facts.get(key) != value:
                self.failures.append(f"window: {key} = {facts.get(key)!r}, expected {value!r}")
        if not facts.get("app_icon_sizes"):
            self.failures.append("window: no app icon")
        shot = out.with_suffix(".png")
        if shot.is_file():
            keep = BUILD / "smoke-window.png"
            shutil.copy2(shot, keep)
            log(f"window screenshot: {keep.relative_to(ROOT)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="smoke-test the existing bundle")
    parser.add_argument("--zip", action="store_true", help="also write a .zip of the bundle and quote its size")
    args = parser.parse_args()
    if not args.no_build:
        seconds = build()
        log(f"built {DIST.relative_to(ROOT)} in {seconds:.0f} s")
    if not DIST.is_dir():
        log(f"no bundle at {DIST}")
        return 1
    size, count = folder_size(DIST)
    log(f"bundle: {size / 1e6:.1f} MB unpacked in {count} files")
    for part_size, name in biggest(DIST):
        log(f"  {part_size / 1e6:7.1f} MB  {name}")
    if args.zip:
        import platform

        target = BUILD / f"ngo-audit-{metadata.version('ngo-audit')}-{sys.platform}-{platform.machine()}.zip"
        log(f"compressed (zip, deflate 6): {make_zip(DIST, target) / 1e6:.1f} MB  {target.relative_to(ROOT)}")
    start = time.monotonic()
    smoke = Smoke(DIST)
    ok = smoke.all()
    log(f"smoke test {'passed' if ok else 'FAILED: ' + '; '.join(smoke.failures)} ({time.monotonic() - start:.0f} s)")
    print(f"smoke: {smoke.passed} passed, {len(smoke.failures)} failed", flush=True)  # CI's closing line
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
