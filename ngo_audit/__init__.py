"""ngo-audit: third-party environmental supervision by NGOs (the Qingzhen model).

The core package: the domain model, the audit file, services, import/export
and the CLI.  It never imports Qt.
"""

__version__ = "0.1.0"
APP_NAME = "ngo-audit"
FILE_SUFFIX = ".ngoaudit"
