"""The database's schema checked against what LoveBridge's own migrations build.

A database is only trusted to hold what LoveBridge put there: a restored backup, or a file
changed behind LoveBridge's back, could carry an extra trigger or view that runs whenever the
app writes (deleting memories on the next note saved). The expected schema for a revision is
not a hand-written list: it is read from a fresh database built through the shipped migrations
up to that revision, and cached on disk (keyed by the migration scripts' contents).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from functools import cache
from pathlib import Path

from lovebridge.store.errors import DatabaseDamagedError

logger = logging.getLogger(__name__)

SPACES = re.compile(r"\s+")
CACHE_FOLDER = ".schema-cache"


class UnexpectedSchemaError(DatabaseDamagedError):
    """The database holds tables, columns, indexes, triggers or views LoveBridge never made."""


def shape_of(connection) -> dict[str, list[str]]:  # noqa: ANN001 - any DB-API connection
    """Every table (with its columns), index, trigger and view, as "type:name" -> [table, sql]."""
    rows = connection.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master "
        "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name"
    ).fetchall()
    return {f"{kind}:{name}": [table, SPACES.sub(" ", sql or "").strip()]
            for kind, name, table, sql in rows}


def differences(found: dict[str, list[str]], expected: dict[str, list[str]]) -> list[str]:
    """Plain descriptions of what differs ("an unexpected trigger wipe_all")."""
    problems = []
    for key in sorted(set(found) | set(expected)):
        kind, name = key.split(":", 1)
        if key not in expected:
            problems.append(f"an unexpected {kind} {name}")
        elif key not in found:
            problems.append(f"a missing {kind} {name}")
        elif found[key] != expected[key]:
            problems.append(f"a changed {kind} {name}")
    return problems


def scripts_digest() -> str:
    from lovebridge.store.migrate import MIGRATIONS_DIR

    digest = hashlib.sha256()
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")) + [
            MIGRATIONS_DIR / "env.py"]:
        digest.update(script.name.encode() + b"\0" + script.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@cache
def expected_shape(revision: str, cache_dir: Path | None = None) -> dict[str, list[str]]:
    """The schema LoveBridge's migrations build up to `revision` (from disk cache if there)."""
    cached = None if cache_dir is None else cache_dir / f"{revision}-{scripts_digest()}.json"
    if cached is not None:
        try:
            return json.loads(cached.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    shape = build_shape(revision)
    if cached is not None:
        cache_shape(cached, shape)
    return shape


def cache_shape(cached: Path, shape: dict[str, list[str]]) -> None:
    """Keep `shape` in the cache file, written whole; a cache only, so a failure is just logged."""
    from lovebridge.store.media import replace_file

    try:
        cached.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(shape), encoding="utf-8")
        replace_file(temporary, cached)
    except OSError:
        logger.warning("could not cache the expected schema", exc_info=True)


def remember_fresh(connection, cache_dir: Path) -> None:  # noqa: ANN001
    """Cache the shape of a database the migrations have just built from nothing: it *is* the
    expected schema for its revision, so the next start checks without loading Alembic."""
    revision = recorded_revision(connection)
    if revision is None or revision == "?":
        return
    cached = cache_dir / f"{revision}-{scripts_digest()}.json"
    if not cached.exists():
        cache_shape(cached, shape_of(connection))


def build_shape(revision: str) -> dict[str, list[str]]:
    """Build a throw-away database through the migrations up to `revision` and read its shape."""
    import sqlcipher3.dbapi2 as sqlcipher
    from alembic import command
    from sqlalchemy import create_engine

    from lovebridge.store.migrate import alembic_config

    # An unkeyed file is enough: the schema is the same with or without the lock's cipher.
    # (SQLCipher's module, as the store uses: the frozen app has no stdlib sqlite3.)
    with tempfile.TemporaryDirectory(prefix="lovebridge-schema-") as folder:
        database = Path(folder) / "expected.db"
        engine = create_engine("sqlite://", module=sqlcipher,
                               creator=lambda: sqlcipher.connect(str(database)))
        try:
            config = alembic_config()
            with engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
        finally:
            engine.dispose()
        connection = sqlcipher.connect(str(database))
        try:
            return shape_of(connection)
        finally:
            connection.close()


def recorded_revision(connection) -> str | None:  # noqa: ANN001
    """The revision in alembic_version, None for a database without one (new and empty)."""
    if connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                          "name = 'alembic_version'").fetchone() is None:
        return None
    rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    return rows[0][0] if len(rows) == 1 else "?"


def schema_problems(connection, cache_dir: Path | None = None) -> list[str]:  # noqa: ANN001
    """What makes this database's schema differ from the one for its revision; [] when equal.

    An empty database (nothing in it yet) has no problems; one whose revision LoveBridge does
    not know is left to the migration step (it says "made by a newer LoveBridge").
    """
    found = shape_of(connection)
    revision = recorded_revision(connection)
    if revision is None:
        return [f"an unexpected {k.split(':', 1)[0]} {k.split(':', 1)[1]}" for k in found]
    if not known_revision(revision):
        return []
    return differences(found, expected_shape(revision, cache_dir))


def known_revision(revision: str) -> bool:
    from lovebridge.store.migrate import MIGRATIONS_DIR, literal_assignments

    return any(
        literal_assignments(script, ("revision",)).get("revision") == revision
        for script in (MIGRATIONS_DIR / "versions").glob("*.py")
    )


def check_schema(connection, cache_dir: Path | None = None) -> None:  # noqa: ANN001
    """Raise UnexpectedSchemaError when the schema is not exactly LoveBridge's own."""
    problems = schema_problems(connection, cache_dir)
    if problems:
        logger.error("database schema differs from LoveBridge's: %d difference(s)", len(problems))
        raise UnexpectedSchemaError(
            "LoveBridge's database holds parts LoveBridge never made ("
            + "; ".join(problems[:3]) + "), so it was not opened."
        )
