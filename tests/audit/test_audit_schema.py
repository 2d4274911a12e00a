"""Audit: a database is verified, not trusted - a restored or changed schema with a trap is refused.

The traps are generated here: an extra trigger that wipes memories on the next note saved,
a view, an index, a table, a column. The expected schema is what the migrations build.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lovebridge.app import main as lovebridge_main
from lovebridge.core.backup import create_backup
from lovebridge.store import open_store
from lovebridge.store.db import connect
from lovebridge.store.errors import DatabaseDamagedError
from tests.crash.library import populate
from tests.test_hostile_backup import Member, assert_refused, members_of, write_zip

TRAP = ("CREATE TRIGGER keep_in_touch AFTER INSERT ON message BEGIN "
        "DELETE FROM memory; UPDATE message SET body = 'gone'; END")

TRAPS = {
    "trigger": TRAP,
    "view": "CREATE VIEW peek AS SELECT * FROM message",
    "index": "CREATE INDEX ix_sneaky ON message(id)",
    "table": "CREATE TABLE stash (x)",
    "column": "ALTER TABLE memory ADD COLUMN extra TEXT",
}


def plant(database: Path, sql: str) -> None:
    with sqlite3.connect(database) as connection:
        connection.execute(sql)
    connection.close()


def test_connections_do_not_trust_the_schema(tmp_path: Path) -> None:
    connection = connect(tmp_path / "x.db")
    assert connection.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    connection.close()


def test_archive_whose_database_holds_an_extra_trigger_is_refused(ctx, paths, tmp_path) -> None:
    populate(ctx, notes=2, memories=1, photos_per_memory=1, photo_size=1500)
    archive = create_backup(ctx.store, ctx.paths, tmp_path / "ok.lovebridge", now=ctx.now()).path
    ctx.store.close()
    members = members_of(archive)
    database = tmp_path / "inside.db"
    database.write_bytes(next(m.data for m in members if m.name == "lovebridge.db"))
    plant(database, TRAP)
    data = database.read_bytes()
    changed = []
    for member in members:
        if member.name == "lovebridge.db":
            member = member._replace(data=data)
        elif member.name == "manifest.json":
            manifest = json.loads(member.data)
            manifest["members"]["lovebridge.db"] = {
                "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            member = Member(member.name, json.dumps(manifest).encode(), member.attr)
        changed.append(member)
    trapped = write_zip(changed, tmp_path / "trap.lovebridge")
    assert_refused(trapped, paths, "holds parts LoveBridge never made .an unexpected trigger "
                                   "keep_in_touch.")


@pytest.mark.parametrize("kind", sorted(TRAPS))
def test_opening_a_library_with_a_planted_schema_part_is_refused(paths, kind: str) -> None:
    open_store(paths.database).close()
    plant(paths.database, TRAPS[kind])
    with pytest.raises(DatabaseDamagedError, match="LoveBridge never made"):
        open_store(paths.database)


def test_lovebridge_check_names_the_planted_trigger(paths, capsys) -> None:
    open_store(paths.database).close()
    plant(paths.database, TRAP)
    assert lovebridge_main(["--data-dir", str(paths.data), "check"]) == 1
    assert "an unexpected trigger keep_in_touch" in capsys.readouterr().err


def test_an_untouched_library_opens_at_every_revision(tmp_path) -> None:
    """No false alarm: databases the migrations built (old ones upgrade) open."""
    from alembic import command

    from lovebridge.store.db import Store
    from lovebridge.store.migrate import alembic_config

    for revision in ("0001_initial", "0003_scrapbook", "head"):
        path = tmp_path / f"{revision}.db"
        store = Store(path)
        config = alembic_config()
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
        store.engine.dispose()
        open_store(path).close()


NAMES = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12).filter(
    lambda n: not n.startswith("sqlite"))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=NAMES, kind=st.sampled_from(["trigger", "view", "index"]),
       table=st.sampled_from(["message", "memory", "photo", "plan"]))
def test_any_planted_trigger_view_or_index_is_refused(tmp_path_factory, name, kind, table):
    folder = tmp_path_factory.mktemp("lib")
    database = folder / "lovebridge.db"
    open_store(database).close()
    sql = {
        "trigger": f'CREATE TRIGGER "t_{name}" AFTER UPDATE ON {table} BEGIN SELECT 1; END',
        "view": f'CREATE VIEW "v_{name}" AS SELECT * FROM {table}',
        "index": f'CREATE INDEX "i_{name}" ON {table}(id)',
    }[kind]
    plant(database, sql)
    with pytest.raises(DatabaseDamagedError):
        open_store(database)


def test_archive_naming_a_photo_as_both_file_and_folder_is_refused(ctx, paths, tmp_path) -> None:  # noqa: ANN001
    populate(ctx, notes=1, memories=1, photos_per_memory=1, photo_size=1500)
    archive = create_backup(ctx.store, ctx.paths, tmp_path / "ok.lovebridge", now=ctx.now()).path
    ctx.store.close()
    members = members_of(archive)
    photo = next(m for m in members if m.name.startswith("photos/"))
    inner = Member(photo.name + "/inside.jpg", photo.data, photo.attr)
    changed = []
    for member in [*members, inner]:
        if member.name == "manifest.json":
            manifest = json.loads(member.data)
            manifest["members"][inner.name] = dict(manifest["members"][photo.name])
            member = Member(member.name, json.dumps(manifest).encode(), member.attr)
        changed.append(member)
    hostile = write_zip(changed, tmp_path / "both.lovebridge")
    assert_refused(hostile, paths, "names one file as both a file and a folder")
