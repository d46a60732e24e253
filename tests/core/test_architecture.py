"""The dependency arrows point one way: ui → reports → ngo_audit; the core and reports never import Qt."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "qtpy", "ui")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_and_reports_do_not_import_qt_or_ui():
    offenders = []
    for package in ("ngo_audit", "reports"):
        for path in (ROOT / package).rglob("*.py"):
            bad = imports_of(path) & set(QT)
            if bad:
                offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert not offenders, offenders


def test_core_does_not_import_reports():
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "ngo_audit").rglob("*.py") if "reports" in imports_of(p)]
    assert not offenders


def test_importing_everything_in_the_core_loads_no_qt():
    code = (
        "import importlib, pkgutil, sys\n"
        "import ngo_audit, reports\n"
        "for pkg in (ngo_audit, reports):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if '.migrations.versions' in m.name or m.name.endswith(('migrations.env', '__main__')):\n"
        "            continue\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _resolved_imports(path: Path) -> set[str]:
    """Every module ``path`` imports, relative imports resolved to their full dotted name."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - (node.level - 1)] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            out.add(module)
            out.update(f"{module}.{a.name}" for a in node.names)
    return out


SQL = re.compile(r"\bSELECT\s.+\sFROM\s|\bUPDATE\s+\w+\s+SET\s|\bDELETE\s+FROM\s|\bINSERT\s+INTO\s|\bPRAGMA\s", re.S)


def test_the_ui_holds_no_sql_and_no_database_layer():
    # The window asks core functions; it never builds a query or opens a session itself.
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        if "sqlalchemy" in imports_of(path):
            offenders.append(f"{path.relative_to(ROOT)} imports sqlalchemy")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} SQL text")
    assert offenders == []


def test_queries_read_without_the_services():
    # Reads never depend on the code that writes: services may use queries, not the other way round.
    offenders = [f"{p.relative_to(ROOT)}: {m}" for p in sorted((ROOT / "ngo_audit" / "queries").rglob("*.py"))
                 for m in _resolved_imports(p) if m.startswith("ngo_audit.services")]
    assert offenders == []


def test_no_change_notification_is_declared_by_hand():
    # Pages refresh from what the core saw flushed (ngo_audit/changes.py), never from a hand-written list.
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("write", "edit") \
                    and any(k.arg == "tables" for k in node.keywords):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "emit" \
                    and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "data_changed" \
                    and path.name != "context.py":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} data_changed.emit")
    assert offenders == []


def test_no_function_in_the_ui_takes_a_database_session():
    # Application logic is the core's: every function that works in a unit of work lives in ngo_audit/
    # (or reports/), and the window calls it through its context.
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                names = [a.arg for a in node.args.args]
                if names[:1] == ["session"] or names[:2] == ["self", "session"]:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            # nor a lambda handed to the context that opens a query of its own
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in ("read", "write") and node.args and isinstance(node.args[0], ast.Lambda):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} lambda")
    assert offenders == []
