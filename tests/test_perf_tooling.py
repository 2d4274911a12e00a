"""The speed work: start-up without Alembic, the start-up probe, the library generator, benches.

Timings themselves are never asserted here (they live in tests/perf/bench.py); these tests
prove the tools measure what they claim and the fast paths keep their behaviour.
"""

from __future__ import annotations

import importlib
import inspect
import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from lovebridge.app import main as lovebridge_main
from lovebridge.paths import resolve_paths
from lovebridge.store import migrate, open_store
from lovebridge.store.media import MediaStore
from lovebridge.store.models import Memory
from tests.perf import bench_store
from tests.perf.benchlib import Row, table_lines
from tests.perf.make_library import make_library

REPO_ROOT = Path(__file__).resolve().parents[1]
TABLES = ("memory", "memory_tag", "photo", "memory_photo", "message", "plan", "profile")


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True,
        timeout=60, env={**os.environ, **env}, check=False,
    )


def dump(database: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(database)
    try:
        return {t: connection.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                for t in TABLES}
    finally:
        connection.close()


@pytest.fixture(scope="module")
def small_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    library = tmp_path_factory.mktemp("bench") / "library"
    make_library(library, memories=60, photos=24, messages=15, plans=20, seed=7,
                 photo_size=(64, 48), workers=1)
    return library


# ---- start-up without Alembic --------------------------------------------------------------
def test_scripted_head_agrees_with_alembic() -> None:
    assert migrate.scripted_head() == migrate.head_revision()


def test_reopening_a_current_database_does_not_load_alembic(tmp_path: Path) -> None:
    database = tmp_path / "lovebridge.db"
    open_store(database).close()  # created and migrated (needs Alembic)
    code = (
        "import sys; from pathlib import Path; from lovebridge.store import open_store\n"
        f"store = open_store(Path({str(database)!r})); store.close()\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'alembic', 'cryptography'}))"
    )
    done = run_python(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_at_head_only_when_the_one_recorded_revision_is_the_head(tmp_path: Path) -> None:
    store = open_store(tmp_path / "lovebridge.db")
    try:
        assert migrate.is_at_head(store)
        for change in (
            "UPDATE alembic_version SET version_num = 'from_the_future'",
            f"INSERT INTO alembic_version VALUES ('{migrate.head_revision()}')",  # now two rows
            "DROP TABLE alembic_version",
        ):
            with store.engine.begin() as connection:
                connection.exec_driver_sql(change)
            assert not migrate.is_at_head(store), change
    finally:
        store.close()


def write_script(folder: Path, name: str, text: str) -> None:
    (folder / "versions").mkdir(parents=True, exist_ok=True)
    (folder / "versions" / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("scripts", "expected"),
    [
        ({"a.py": "revision = 'a'\ndown_revision = None\n",
          "b.py": "revision: str = 'b'\ndown_revision: str | None = 'a'\n"}, "b"),
        ({"a.py": "revision = 'a'\ndown_revision = None\n",  # two heads: Alembic decides
          "b.py": "revision = 'b'\ndown_revision = 'a'\n",
          "c.py": "revision = 'c'\ndown_revision = 'a'\n"}, None),
        ({"a.py": "revision = 'a'\ndown_revision = None\n",  # a computed revision: unsure
          "b.py": "revision = make_id()\ndown_revision = 'a'\n"}, None),
        ({"a.py": "revision = 'a'\ndown_revision = None\nrevision = 'z'\n"}, None),
        ({"m.py": "revision = 'm'\ndown_revision = ('a', 'b')\n",
          "a.py": "revision = 'a'\ndown_revision = None\n",
          "b.py": "revision = 'b'\ndown_revision = None\n"}, "m"),
    ],
)
def test_scripted_head_is_sure_or_says_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scripts: dict[str, str], expected: str | None
) -> None:
    for name, text in scripts.items():
        write_script(tmp_path, name, '"""A migration."""\n' + text)
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", tmp_path)
    assert migrate.scripted_head() == expected


def test_closing_the_store_leaves_planner_statistics(ctx) -> None:
    with ctx.store.session_scope() as session:
        session.add_all(Memory(title=f"Day {i}", date_year=2020, date_month=1 + i % 12,
                               date_day=1 + i % 28) for i in range(50))
    ctx.store.close()
    connection = sqlite3.connect(ctx.paths.database)
    try:
        tables = {row[0] for row in connection.execute("SELECT tbl FROM sqlite_stat1")}
    finally:
        connection.close()
    assert "memory" in tables


# ---- the start-up probe ----------------------------------------------------------------------
@pytest.mark.parametrize("script", ["app", "bare", "stack"])
def test_startup_probe_reports_first_paint_and_memory(tmp_path: Path, script: str) -> None:
    bare = [sys.executable, str(REPO_ROOT / "tests/perf/bare_window.py")]
    command = {"app": [sys.executable, "-m", "lovebridge", "--data-dir", str(tmp_path / "data")],
               "bare": bare, "stack": [*bare, "--with-store-stack"]}[script]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LOVEBRIDGE_STARTUP_PROBE": "1"}
    done = subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True,
                          timeout=90, check=False)
    assert done.returncode == 0, done.stderr
    lines = dict(line.split() for line in done.stdout.splitlines())
    assert 0 < float(lines["first-paint"]) < 90
    assert int(lines["rss-kib"]) > 10_000


# ---- the library generator -------------------------------------------------------------------
def test_generated_library_holds_what_was_asked(small_library: Path) -> None:
    database = resolve_paths(small_library).database
    tables = dump(database)
    assert len(tables["memory"]) == 60
    assert len(tables["photo"]) == len(tables["memory_photo"]) == 24
    assert len(tables["message"]) == 15 and len(tables["plan"]) == 20
    assert len(tables["profile"]) == 1
    connection = sqlite3.connect(database)
    try:
        years = [row[0] for row in connection.execute("SELECT date_year FROM memory")]
        rules = [row[0] for row in connection.execute("SELECT rrule FROM plan")]
        stories = [row[0] for row in connection.execute("SELECT length(story_text) FROM memory")]
        indexed = connection.execute("SELECT count(*) FROM fts_memory").fetchone()[0]
    finally:
        connection.close()
    assert max(years) - min(years) >= 8  # spread over the decade
    assert any(rule and rule.startswith("FREQ=") for rule in rules)  # some plans recur
    assert min(stories) < 100 < max(stories)  # stories of very different lengths
    assert indexed == 60  # the scrapbook's search index covers the bulk-inserted memories


def test_generated_photos_are_real_jpegs_matching_their_rows(small_library: Path) -> None:
    media = MediaStore(resolve_paths(small_library).photos)
    connection = sqlite3.connect(resolve_paths(small_library).database)
    rows = connection.execute(
        "SELECT sha256, extension, byte_size, width, height, orientation FROM photo"
    ).fetchall()
    connection.close()
    for sha256, extension, byte_size, width, height, orientation in rows:
        data = media.read_bytes(sha256, extension)
        assert len(data) == byte_size
        image = Image.open(io.BytesIO(data))
        assert image.format == "JPEG" and image.size == (width, height)
        assert image.getexif().get(0x0112, 1) == orientation


def test_same_seed_makes_the_same_library(small_library: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    make_library(again, memories=60, photos=24, messages=15, plans=20, seed=7,
                 photo_size=(64, 48), workers=2)
    assert dump(resolve_paths(again).database) == dump(resolve_paths(small_library).database)
    files = {p.name for p in resolve_paths(again).photos.rglob("*.jpg")}
    assert files == {p.name for p in resolve_paths(small_library).photos.rglob("*.jpg")}


def test_generator_refuses_to_overwrite_a_library(small_library: Path) -> None:
    with pytest.raises(SystemExit, match="already holds"):
        make_library(small_library, memories=1, photos=0)


def test_generated_library_passes_lovebridge_check(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert lovebridge_main(["--data-dir", str(small_library), "check"]) == 0
    assert "Stored: notes 15, memories 60, photos 24, plans 20" in capsys.readouterr().out


# ---- the benches -----------------------------------------------------------------------------
def test_store_bench_measures_agreeing_queries(small_library: Path) -> None:
    rows = bench_store.run(small_library, quick=True)
    assert [row.name.split(" ")[0] for row in rows] == ["open", "timeline:", "on"]
    assert all(row.value > 0 and (row.reference_value or 0) > 0 for row in rows)


@pytest.mark.parametrize(
    "path", sorted((REPO_ROOT / "tests" / "perf").glob("bench_*.py")), ids=lambda p: p.stem
)
def test_every_area_bench_follows_the_run_contract(path: Path) -> None:
    module = importlib.import_module(f"tests.perf.{path.stem}")
    assert callable(getattr(module, "run", None)), f"{path.name} has no run(library, quick)"
    assert list(inspect.signature(module.run).parameters) == ["library", "quick"]


def test_table_shows_ratio_target_and_verdict() -> None:
    rows = [
        Row("fast thing", 0.012, "s", "raw thing", 0.010, 1.5),
        Row("slow thing", 3.0, "s", "raw thing", 1.0, 1.5),
        Row("memory", 80.0, "MiB", "bare", None, None),
    ]
    lines = table_lines(rows)
    assert "1.20x" in lines[2] and lines[2].endswith("ok")
    assert "3.00x" in lines[3] and lines[3].endswith("MISSED")
    assert "n/a" in lines[4]
    markdown = table_lines(rows, markdown=True)
    assert markdown[0].startswith("| figure |") and len(markdown) == 5


def test_a_broken_link_opens_but_the_full_check_reports_it(tmp_path: Path) -> None:
    database = tmp_path / "lovebridge.db"
    open_store(database).close()
    connection = sqlite3.connect(database)  # an outside edit: foreign keys are off here
    connection.execute(
        "INSERT INTO memory_photo (uuid, memory_id, photo_id, position, caption, created_at,"
        " updated_at) VALUES ('x', 41, 42, 0, '', '2026-01-01', '2026-01-01')"
    )
    connection.commit()
    connection.close()
    store = open_store(database)  # the start-up check is the file-level quick check only
    try:
        assert any(p.startswith("foreign key: memory_photo") for p in store.integrity_problems(
            quick=False))
    finally:
        store.close()
