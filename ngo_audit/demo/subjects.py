"""Day one of the demo: the agreement and its terms, the grids, the subjects and the auditors.

The department criteria are added with the departments because each names its department.
"""

from __future__ import annotations

import random
import uuid
from datetime import date

from .. import demo_texts as T
from ..creditcode import make_code
from ..models import Auditor
from ..services import contracts, subjects
from ..term_template import DEPARTMENT_NAMES_EN, department_duty_en, template_terms
from .params import PERIOD
from .state import SimSubject


class SubjectsMixin:
    """Sets up what the audits are about, and picks who visits whom.

    Mixed into :class:`~ngo_audit.demo.simulation.Builder`, whose state it shares
    (``self.s``, ``self.now``, ``self.rng()``, ``self.push()`` …).
    """

    def setup_contract(self) -> None:
        s = self.s
        c = contracts.create_contract(s, number=T.CONTRACT_NUMBER, title=T.CONTRACT_TITLE, government=T.GOVERNMENT,
                                      ngo=T.NGO, period_start=PERIOD[0], period_end=PERIOD[1],
                                      signed_on=date(2013, 12, 31), scope=T.CONTRACT_SCOPE,
                                      government_en="Qingzhen Municipal People's Government")
        self.contract_id = c.id
        english = {t.number: t for t in template_terms()}  # the template's English of the demo's terms
        for number, metric, target, title, text in T.OBLIGATIONS:
            contracts.add_term(s, c.id, number=number, kind="obligation", title=title, text=text,
                               chapter=T.CH_OBLIGATIONS, metric=metric, target=target,
                               title_en=english[number].title.en)
        for key, (number, title, category, basis, severity, text, scene) in T.ENTERPRISE_TERMS.items():
            en = english[number]
            term = contracts.add_term(s, c.id, number=number, kind="criterion", title=title, text=text,
                                      chapter=T.CH_ENTERPRISE, category=category, legal_basis=basis,
                                      applies_to="enterprises", default_severity=severity, title_en=en.title.en,
                                      category_en=en.category.en, legal_basis_en=en.legal_basis.en)
            self.term_key[term.id] = key
            self.term_scene[term.id] = scene

    def setup_grids(self) -> None:
        s = self.s
        city = subjects.add_grid(s, "贵阳市", "city", code="520100")
        county = subjects.add_grid(s, "清镇市", "county", city.id, code="520181")
        self.county_id = county.id
        self.grids: dict[str, tuple[int, float, float, str]] = {}
        for rows, level in ((T.GRIDS_TOWNSHIP, "township"), (T.GRIDS_SPECIAL, "special")):
            for name, code, lat, lon, stem in rows:
                grid = subjects.add_grid(s, name, level, county.id, code=code)
                self.grids[name] = (grid.id, lat, lon, stem)

    def person(self, rng: random.Random) -> tuple[str, str]:
        name = rng.choice(T.SURNAMES) + rng.choice(T.GIVEN)
        return name, f"0851-8{rng.randrange(10**7):07d}"

    def setup_departments(self) -> None:
        s, rng = self.s, self.rng("departments")
        self.depts: dict[str, int] = {}
        for key, name, short, address, _duties in T.DEPARTMENTS:
            contact, phone = self.person(rng)
            dept = subjects.create_subject(s, subjects.SubjectData(
                kind="department", name=name, name_en=DEPARTMENT_NAMES_EN[key], credit_code=make_code(rng, "1", "1"), industry="政府部门",
                grid_id=self.county_id, address=address, contact_person=contact, contact_phone=phone,
                notes=f"{short}：环境保护职责清单见委托协议第四章。"))
            self.depts[key] = dept.id
            self.subj[dept.id] = SimSubject(dept.id, name, "department",
                                            lat=round(26.562 + rng.uniform(-0.006, 0.006), 6),
                                            lon=round(106.468 + rng.uniform(-0.008, 0.008), 6), town="青龙山街道")
        number, title, category, text, texts = T.COMMON_DEPT_TERM
        en = {t.number: t for t in template_terms()}[number]
        term = contracts.add_term(s, self.contract_id, number=number, kind="criterion", title=title, text=text,
                                  chapter=T.CH_DEPARTMENT, category=category, legal_basis=T.DEPT_LEGAL_BASIS,
                                  applies_to="departments", default_severity="general", title_en=en.title.en,
                                  category_en=en.category.en, legal_basis_en=en.legal_basis.en)
        self.term_key[term.id], self.term_scene[term.id], self.dept_findings[term.id] = "department", "document", texts
        for k, (key, _name, short, _address, duties) in enumerate(T.DEPARTMENTS, start=2):
            for j, (duty, text, scene, texts) in enumerate(duties, start=1):
                term = contracts.add_term(
                    s, self.contract_id, number=f"4.{k}.{j}", kind="criterion", title=f"{short}：{duty}",
                    text=text, chapter=T.CH_DEPARTMENT, category="部门履职", legal_basis=T.DEPT_LEGAL_BASIS,
                    applies_to="department", department_id=self.depts[key], default_severity="general",
                    title_en=department_duty_en(short, duty), category_en=en.category.en,
                    legal_basis_en=en.legal_basis.en)
                self.term_key[term.id], self.term_scene[term.id], self.dept_findings[term.id] = key, scene, texts

    def setup_enterprises(self) -> None:
        s, rng = self.s, self.rng("enterprises")
        codes: set[str] = set()
        for trade, industry, grid, key, credit in T.ENTERPRISES:
            grid_id, lat, lon, stem = self.grids[grid]
            sector, not_applicable = T.INDUSTRIES[industry]
            code = make_code(rng)
            while code in codes:
                code = make_code(rng)
            codes.add(code)
            address = "清镇市" + stem.format(road=rng.choice(T.ROADS), village=rng.choice(T.VILLAGES),
                                             park_road=rng.choice(T.PARK_ROADS)) + f"{rng.randint(1, 188)}号"
            contact, phone = self.person(rng)
            name = "清镇市" + trade
            subject = subjects.create_subject(s, subjects.SubjectData(
                kind="enterprise", name=name, credit_code=code, sector=sector, industry=industry, grid_id=grid_id,
                address=address, contact_person=contact, contact_phone=phone, key_monitored=key,
                credit_level=credit, notes="重点监控企业" if key else ""))
            na = set(not_applicable) | (set() if key else {"online"})
            if not key and sector != "secondary" and industry != "医院":
                na.add("disclosure")
            self.subj[subject.id] = SimSubject(
                subject.id, name, "enterprise", industry, credit, key,
                round(min(26.75, max(26.55, lat + rng.uniform(-0.012, 0.012))), 6),
                round(min(106.55, max(106.30, lon + rng.uniform(-0.012, 0.012))), 6), grid, not_applicable=na)

    def setup_auditors(self) -> None:
        self.auditors: list[tuple[int, str, str]] = []
        for name, role, phone in T.AUDITORS:
            # A stable uid: the double-random draw ranks auditors by uid, so a random one
            # would draw other auditors in every build (services.contracts.add_auditor has no uid).
            auditor = Auditor(uid=uuid.uuid5(uuid.NAMESPACE_URL, f"ngo-audit-demo/auditor/{name}").hex,
                              name=name, role=role, phone=phone)
            self.s.add(auditor)
            self.s.flush()
            self.auditors.append((auditor.id, name, role))

    def pick_auditors(self, subj: SimSubject, rng: random.Random) -> list[int]:
        staff = [a for a in self.auditors if a[2] == "staff"]
        others = [a for a in self.auditors if a[2] != "staff"]
        if subj.kind == "department" or subj.key:
            pool = [a for a in others if a[2] == "expert"] if rng.random() < 0.4 else others
        else:
            pool = [a for a in others if a[2] == "volunteer"]
        return sorted({rng.choice(staff)[0], rng.choice(pool)[0]})
