"""The simulation's engine: random streams, the event queue, and the build in quarter-sized steps.

:class:`Builder` is put together from one mixin per part of the story, each in
its own module; they share the builder's state.  Events are pushed as
``(date, kind, args)`` and carried out by the method ``on_<kind>`` of whichever
part handles them.
"""

from __future__ import annotations

import heapq
import itertools
import random
from collections import Counter
from datetime import date

from .. import demo_texts as T
from ..auditfile import AuditFile
from ..changelog import reason
from ..errors import Cancelled
from ..quarters import Quarter, quarters_between
from .audits import AuditsMixin
from .evidence import EvidenceMixin
from .leads import LeadsMixin
from .params import PERIOD, REFERENCE_DATE, RIVERS, SEED, SIDES
from .planning import PlanningMixin
from .rectification import RectificationMixin
from .state import FindingFate, SimSubject
from .subjects import SubjectsMixin
from .year_end import YearEndMixin


class Builder(SubjectsMixin, PlanningMixin, AuditsMixin, RectificationMixin, LeadsMixin, EvidenceMixin,
              YearEndMixin):
    """Builds the demo's story into an open, empty audit file (:meth:`build`)."""

    def __init__(self, af: AuditFile, progress) -> None:
        self.af = af
        self.progress = progress
        self.quarters = quarters_between(*PERIOD)
        self.total_steps = len(self.quarters) + 3  # setup, quarters, finish, summary
        self.step = 0
        self.report(0)
        self.queue: list = []
        self.seq = itertools.count()
        self.now = PERIOD[0]
        self.subj: dict[int, SimSubject] = {}
        self.term_key: dict[int, str] = {}  # term id -> enterprise criterion key or department key
        self.term_scene: dict[int, str] = {}
        self.dept_findings: dict[int, list] = {}  # department term id -> finding texts
        self.fates: dict[int, FindingFate] = {}
        self.scheduled: dict[int, list[date]] = {}
        self.plan_ids: dict[Quarter, int] = {}
        self.lead_checks: dict[int, tuple[int, str, bool]] = {}  # plan item -> (lead, category, founded)
        self.numbers: Counter = Counter()
        self.photos: list[dict] = []
        self.photo_seed = itertools.count(1)
        self._rngs: dict[str, random.Random] = {}

    # -- plumbing -------------------------------------------------------------------

    def rng(self, name: str) -> random.Random:
        """One stream per concern, so that changing one part of the story does not reshuffle the others."""
        if name not in self._rngs:
            self._rngs[name] = random.Random(f"{SEED}/{name}")
        return self._rngs[name]

    def report(self, done: int) -> None:
        if self.progress is not None and self.progress(done, self.total_steps) is False:
            raise Cancelled()

    def tick(self) -> None:
        self.step += 1
        self.report(self.step)

    def push(self, when: date, kind: str, *args) -> None:
        assert when >= self.now, (when, self.now, kind)
        # A quarter's plan comes before anything else on its first day.
        heapq.heappush(self.queue, (when, kind != "plan", next(self.seq), kind, args))

    def run_until(self, limit: date) -> None:
        while self.queue and self.queue[0][0] <= limit:
            when, _, _, kind, args = heapq.heappop(self.queue)
            self.now = when
            getattr(self, f"on_{kind}")(*args)

    def next_number(self, pattern: str, key: str) -> str:
        self.numbers[(key, self.now.year)] += 1
        return pattern.format(year=self.now.year, no=self.numbers[(key, self.now.year)])

    def fill(self, template: str, subj: SimSubject, rng: random.Random) -> str:
        k = rng.randint(1, 4)
        towns = [g[0] for g in T.GRIDS_TOWNSHIP]
        values = {
            "side": rng.choice(SIDES if subj.kind == "enterprise" else towns[:4]),
            "river": rng.choice(RIVERS), "road": rng.choice(T.ROADS),
            "village": f"{rng.choice(towns[4:])}{rng.choice(T.VILLAGES)}",
            "cod": rng.randrange(150, 650, 10), "nh3": rng.randint(18, 60), "ph": rng.choice(["2.5", "3", "11", "12"]),
            "db": rng.randint(58, 72), "k": k, "n": k + rng.randint(2, 8), "days": rng.randint(20, 120),
            "pct": rng.randrange(20, 65, 5),
        }
        return template.format(**values)

    # -- the whole build ------------------------------------------------------------

    def build(self) -> None:
        with self.af.session() as s, reason(s, "生成演示数据"):
            self.s = s
            self.setup_contract()
            self.setup_grids()
            self.setup_departments()
            self.setup_enterprises()
            self.setup_auditors()
        self.tick()
        for q in self.quarters:
            with self.af.session() as s, reason(s, f"生成演示数据：{q.label()}"):
                self.s = s
                self.push(max(q.start, self.now), "plan", q)
                self.run_until(min(q.end, REFERENCE_DATE))
                self.store_photos()
            self.tick()
        with self.af.session() as s, reason(s, "生成演示数据：年终建议与季度说明"):
            self.s = s
            self.finish()
        for key, value in (("demo", "1"), ("reference_date", REFERENCE_DATE.isoformat()), ("title", T.TITLE),
                           ("demo_seed", str(SEED))):
            self.af.set_info(key, value)
        self.tick()
