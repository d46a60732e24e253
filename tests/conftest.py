"""Test setup: Qt offscreen, a private config folder, and shared fixtures."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _private_config(tmp_path_factory, monkeypatch):
    # Never touch the developer's real settings or installation id.
    monkeypatch.setenv("NGO_AUDIT_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


# --- PostgreSQL (a team database) ---------------------------------------------------------------
# `pytest --pg` runs the tests that use `audit_file` against PostgreSQL too, and the tests marked `pg`.
# The cluster: NGO_AUDIT_TEST_PG (an admin URL of a running one, e.g. started by .ci/run with
# tests/pg_cluster.sh) or, when unset, a throwaway one started here and stopped at the end.

PG_ENV = "NGO_AUDIT_TEST_PG"


def pytest_addoption(parser):
    parser.addoption("--pg", action="store_true", help="also run against PostgreSQL (see tests/pg_cluster.sh)")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--pg"):
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: run pytest --pg")
    for item in items:
        if "pg" in item.keywords:
            item.add_marker(skip)


def pytest_generate_tests(metafunc):
    # With --pg, every test that takes `audit_file` (or `world`) runs on both engines.
    # Not for tests about the file itself (marked `file_only`), nor for the `pg` tests (their world is a
    # file, the server is what they copy it to).
    if "store_kind" in metafunc.fixturenames:
        both = metafunc.config.getoption("--pg") and not any(
            metafunc.definition.get_closest_marker(m) for m in ("file_only", "pg"))
        kinds = ["sqlite", "pg"] if both else ["sqlite"]
        metafunc.parametrize("store_kind", kinds, indirect=True)


@pytest.fixture
def store_kind(request):
    return request.param


@pytest.fixture(scope="session")
def pg_admin(tmp_path_factory):
    """The admin URL of a PostgreSQL cluster for the tests (started here when none is given)."""
    import subprocess
    import tempfile

    url = os.environ.get(PG_ENV)
    if url:
        yield url
        return
    folder = Path(tempfile.mkdtemp(prefix="ngo-audit-pg-"))
    script = Path(__file__).resolve().parent / "pg_cluster.sh"
    port = os.environ.get("NGO_AUDIT_TEST_PG_PORT", "55433")
    done = subprocess.run(["bash", str(script), "start", str(folder), port], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail(f"cannot start the PostgreSQL test cluster: {done.stderr.strip()}")
    try:
        yield done.stdout.strip()
    finally:
        subprocess.run(["bash", str(script), "stop", str(folder)], capture_output=True)
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_database(pg_admin):
    """A factory of fresh, empty databases on the test cluster (dropped afterwards): returns their URL."""
    from sqlalchemy import create_engine, text

    from ngo_audit.models import new_uid

    admin = create_engine(pg_admin.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def make(prefix: str = "t") -> str:
        name = f"{prefix}_{new_uid()[:12]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        made.append(name)
        return pg_admin.rsplit("/", 1)[0] + "/" + name

    yield make
    with admin.connect() as conn:
        for name in made:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def audit_file(tmp_path, store_kind, request):
    from ngo_audit.auditfile import AuditFile

    if store_kind == "pg":
        url = request.getfixturevalue("pg_database")()
        af = AuditFile.create(url, actor="测试员", origin="test#1")
    else:
        af = AuditFile.create(tmp_path / "测试 文件.ngoaudit", actor="测试员", origin="test#1")
    yield af
    af.close()
    if store_kind == "sqlite" and "changelog_gaps" not in request.keywords:
        assert_change_log_explains(af.path)


def assert_change_log_explains(path: Path) -> None:
    """Every test that edits a file through the services leaves a file whose change log explains
    every record (a change made without its entry fails the test that made it)."""
    from ngo_audit.auditfile import AuditFile
    from ngo_audit.changelog_replay import unexplained
    from ngo_audit.errors import AuditFileError

    if not path.exists():
        return
    try:
        af = AuditFile.open(path, readonly=True)
    except AuditFileError:
        return  # a test that damaged or tampered with the file on purpose
    try:
        with af.session() as s:
            gaps = [g.describe() for g in unexplained(s, limit=5)]
    finally:
        af.close()
    assert not gaps, f"changes without their change-log entry: {gaps}"


@pytest.fixture
def world(audit_file):
    """A small but complete file: a contract with obligation and criteria, subjects, auditors."""
    import random

    from ngo_audit import creditcode
    from ngo_audit.models import AppliesTo, ObligationMetric, SubjectKind, TermKind
    from ngo_audit.services import contracts, subjects

    rng = random.Random(7)
    ids = {}
    with audit_file.session() as s:
        c = contracts.create_contract(s, number="QZ-2013-12", title="公众参与环保第三方监督委托协议",
                                      government="清镇市人民政府", ngo="测试环境监督中心",
                                      period_start=date(2014, 1, 1), period_end=date(2015, 12, 31),
                                      signed_on=date(2013, 12, 31))
        city = subjects.add_grid(s, "清镇市", "county")
        town = subjects.add_grid(s, "红枫湖镇", "township", city.id)
        e1 = subjects.create_subject(s, subjects.SubjectData(name="清镇市澜禾化工有限公司", credit_code=creditcode.make_code(rng),
                                                             sector="secondary", industry="化工", grid_id=town.id,
                                                             key_monitored=True))
        e2 = subjects.create_subject(s, subjects.SubjectData(name="清镇市峦泽水泥有限公司", credit_code=creditcode.make_code(rng),
                                                             sector="secondary", industry="水泥", grid_id=city.id))
        dept = subjects.create_subject(s, subjects.SubjectData(kind=SubjectKind.DEPARTMENT, name="清镇市住房和城乡建设局",
                                                               credit_code=creditcode.make_code(rng, "1", "1")))
        ob = contracts.add_term(s, c.id, number="2.1", kind=TermKind.OBLIGATION, title="重点企业每季度至少检查一次",
                                metric=ObligationMetric.KEY_ENTERPRISE_VISITS, target=1)
        crit = contracts.add_term(s, c.id, number="3.1", kind=TermKind.CRITERION, title="污染物达标排放",
                                  category="达标排放", legal_basis="《水污染防治法》", applies_to=AppliesTo.ENTERPRISES)
        hw = contracts.add_term(s, c.id, number="3.2", kind=TermKind.CRITERION, title="危险废物规范贮存",
                                category="危险废物", applies_to=AppliesTo.ENTERPRISES, default_severity="serious")
        duty = contracts.add_term(s, c.id, number="4.1", kind=TermKind.CRITERION, title="建筑工地扬尘监管",
                                  category="部门履职", applies_to=AppliesTo.DEPARTMENT, department_id=dept.id)
        a1 = contracts.add_auditor(s, "李明")
        a2 = contracts.add_auditor(s, "赵芳", "volunteer")
        ids.update(contract=c.id, city=city.id, town=town.id, e1=e1.id, e2=e2.id, dept=dept.id, obligation=ob.id,
                   criterion=crit.id, hazwaste=hw.id, duty=duty.id, a1=a1.id, a2=a2.id)
    return audit_file, ids


# --- the demo file (built once per session: tests/demo_cache.py) -------------------------------------


@pytest.fixture
def demo_file(tmp_path_factory, tmp_path) -> Path:
    """A private copy of the session's demo file, at a path with Chinese and a space in it."""
    from tests.demo_cache import copy_of

    return copy_of(tmp_path_factory, tmp_path / "演示 副本.ngoaudit")
