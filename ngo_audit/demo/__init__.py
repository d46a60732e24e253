"""The demo audit file: two years of Qingzhen-style third-party supervision, invented.

:func:`build_demo` writes a complete, realistic file (agreement, grids, subjects,
quarterly plans with reproducible draws, audits, findings through every state of
their lifecycle, photos, public leads, report notes) for training, screenshots
and trying the app without real data.  The texts are in :mod:`ngo_audit.demo_texts`.

Everything a user sees is deterministic: it depends only on ``random.Random``
seeded from :data:`SEED` (one derived stream per concern), never on the clock;
only uids and ``created_at`` stamps differ between two builds.  The app judges
"overdue" against the frozen ``reference_date`` of the file (2015-12-20).

Time is simulated: events (plans, visits, notices, responses, verifications…)
sit in a queue by date and are carried out in date order through the services,
one committed session per quarter, so every finding's history is chronological
and the change log is filled.  Nothing dated after the reference date happens.

The modules:

* :mod:`.build` – :func:`build_demo`: the file is built beside the target and
  moved into place only when complete; :class:`DemoSummary` counts what it holds;
* :mod:`.params` – the fixed dates and the odds;
* :mod:`.simulation` – the engine (random streams, event queue, quarter loop),
  put together from one mixin per part of the story:
  :mod:`.subjects` (day one), :mod:`.planning`, :mod:`.audits`,
  :mod:`.rectification`, :mod:`.leads`, :mod:`.evidence`, :mod:`.year_end`;
* :mod:`.state` and :mod:`.days` – what the story remembers, calendar helpers.
"""

from __future__ import annotations

from .build import DemoSummary, build_demo
from .params import PERIOD, REFERENCE_DATE, SEED

__all__ = ["PERIOD", "REFERENCE_DATE", "SEED", "DemoSummary", "build_demo"]
