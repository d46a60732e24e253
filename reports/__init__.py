"""PDF and Excel documents made from an audit file (no Qt: the GUI runs them in a worker thread).

* :func:`build_quarterly_report` — the quarterly supervision report (季度监督报告)
* :func:`build_notice` — the rectification notice (整改通知书) for one subject
* :func:`build_ledger` — the quarter's issue ledger as .xlsx

Imported lazily: ``ngo-audit`` loads ``reports.commands`` for every command (entry points), and
reportlab, matplotlib and Pillow should only be loaded by the commands that make documents.
"""

from importlib import import_module

_WHERE = {
    "build_quarterly_report": "quarterly", "ReportInfo": "quarterly", "build_notice": "notice",
    "NoticeInfo": "notice", "build_ledger": "ledger", "LedgerInfo": "ledger", "ReportFontError": "fonts",
    "ReportWriteError": "layout",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
