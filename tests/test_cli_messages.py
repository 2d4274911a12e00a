"""Every CLI sub-command opens and closes the library one way, with the same clear messages."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from lovebridge.app import main
from lovebridge.cli import common
from lovebridge.core.privacy.lock import turn_lock_on
from lovebridge.paths import resolve_paths
from lovebridge.store import open_store
from tests.privacy.lock_worker import FAST

REPO = Path(__file__).resolve().parents[1]

FAMILIES = {
    "check": lambda out: ["check"],
    "note": lambda out: ["note", "render", "--message", "1", "--out", str(out / "n.pdf")],
    "scrapbook": lambda out: ["scrapbook", "search", "picnic"],
    "dates": lambda out: ["dates", "export", str(out / "plans.ics")],
    "backup": lambda out: ["backup", "create", str(out / "b.lovebridge")],
    "backup restore": lambda out: ["backup", "restore", str(REPO / "pyproject.toml")],
}


def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    open_store(resolve_paths(folder).ensure().database).close()
    return folder


def run(folder: Path, arguments: list[str], capsys) -> tuple[int, str]:  # noqa: ANN001
    code = main(["--data-dir", str(folder), *arguments])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return code, captured.err


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_a_wrong_passphrase_is_said_the_same_way(family, tmp_path, capsys, monkeypatch) -> None:
    folder = library(tmp_path)
    turn_lock_on(resolve_paths(folder), {"a": "kitchen radio"}, FAST)
    monkeypatch.setattr(common.getpass, "getpass", lambda _prompt: "not it at all")
    code, err = run(folder, FAMILIES[family](tmp_path), capsys)
    assert code != 0 and err.strip() == f"lovebridge: {common.WRONG_PASSPHRASE}"


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_locked_without_a_terminal_is_said_the_same_way(family, tmp_path, capsys,
                                                         monkeypatch) -> None:
    folder = library(tmp_path)
    turn_lock_on(resolve_paths(folder), {"a": "kitchen radio"}, FAST)

    def no_terminal(_prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr(common.getpass, "getpass", no_terminal)
    code, err = run(folder, FAMILIES[family](tmp_path), capsys)
    assert code != 0 and err.strip() == f"lovebridge: {common.LOCKED_NO_TERMINAL}"


def damage(database: Path) -> None:
    """Flip bytes all through the database file, as a failing disk would."""
    data = bytearray(database.read_bytes())
    for offset in range(200, len(data), 509):
        data[offset] ^= 0x5A
    database.write_bytes(bytes(data))


@pytest.mark.parametrize("family", sorted(set(FAMILIES) - {"backup restore"}))
def test_a_damaged_database_is_said_the_same_way(family, tmp_path, capsys) -> None:
    folder = library(tmp_path)
    damage(resolve_paths(folder).database)
    code, err = run(folder, FAMILIES[family](tmp_path), capsys)
    assert code != 0 and err.strip() == f"lovebridge: {common.DAMAGED}"


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_a_newer_database_is_said_the_same_way(family, tmp_path, capsys) -> None:
    folder = library(tmp_path)
    raw = sqlite3.connect(resolve_paths(folder).database)
    with raw:
        raw.execute("UPDATE alembic_version SET version_num = '9000_from_the_future'")
    raw.close()
    code, err = run(folder, FAMILIES[family](tmp_path), capsys)
    assert code != 0 and "newer" in err.lower() and err.count("\n") == 1


def test_a_wrong_passphrase_on_backup_create_prints_no_traceback(tmp_path) -> None:
    """The real command in its own process, the passphrase typed on its standard input."""
    folder = library(tmp_path)
    turn_lock_on(resolve_paths(folder), {"a": "kitchen radio"}, FAST)
    done = subprocess.run(
        [sys.executable, "-m", "lovebridge", "--data-dir", str(folder), "backup", "create",
         str(tmp_path / "b.lovebridge")],
        input="not it at all\n", capture_output=True, text=True, timeout=120, cwd=REPO,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and common.WRONG_PASSPHRASE in done.stderr
    assert not (tmp_path / "b.lovebridge").exists()


# ---- the command line in the couple's language (Python gettext; Qt-free) ----------------------


@pytest.fixture
def spanish_terminal(monkeypatch):
    """A terminal set to Spanish; the next command after the test chooses again."""
    from lovebridge.cli import language

    for name in language.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    yield
    language._catalogue.clear()


def test_a_spanish_terminal_hears_the_wrong_passphrase_in_spanish(
    spanish_terminal, tmp_path, capsys, monkeypatch
) -> None:
    folder = library(tmp_path)
    turn_lock_on(resolve_paths(folder), {"a": "kitchen radio"}, FAST)
    prompts: list[str] = []
    monkeypatch.setattr(common.getpass, "getpass",
                        lambda prompt: prompts.append(prompt) or "not it at all")
    code, err = run(folder, ["check"], capsys)
    assert prompts == ["LoveBridge está bloqueado. Contraseña o código de recuperación: "]
    assert code == 1
    assert err.strip() == "lovebridge: esa contraseña no abre LoveBridge; no se ha cambiado nada."


def test_a_spanish_terminal_hears_damage_in_spanish(spanish_terminal, tmp_path, capsys) -> None:
    folder = library(tmp_path)
    damage(resolve_paths(folder).database)
    code, err = run(folder, ["scrapbook", "search", "picnic"], capsys)
    assert code != 0
    assert err.startswith("lovebridge: La base de datos de LoveBridge está dañada")


def test_the_language_chosen_in_preferences_wins_over_the_terminal(
    spanish_terminal, tmp_path, capsys, monkeypatch
) -> None:
    from lovebridge.cli import language

    folder = library(tmp_path)
    settings_file = resolve_paths(folder).settings_file
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text("[appearance]\nlanguage=en\n", encoding="utf-8")
    assert language.use_language(settings_file) == "en"
    monkeypatch.setenv("LANG", "C.UTF-8")
    settings_file.write_text("[appearance]\nlanguage=es\n", encoding="utf-8")
    assert language.use_language(settings_file) == "es"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")  # a language LoveBridge does not speak yet
    assert language.use_language(None) == "en"
    assert language._("cancelled; nothing was changed.") == "cancelled; nothing was changed."


def test_a_full_disk_is_said_in_spanish_with_spanish_numbers(
    spanish_terminal, tmp_path, monkeypatch
) -> None:
    import errno

    from lovebridge.cli import language
    from lovebridge.store import guards

    monkeypatch.setattr(common, "free_bytes", lambda _folder: 2_100_000)
    monkeypatch.setattr(guards, "free_bytes", lambda _folder: 2_100_000)
    full = OSError(errno.ENOSPC, "No space left on device")
    language.use_language()
    said = common.written_or_failed(tmp_path / "note.pdf", "the note", full)
    assert said.startswith("El disco está lleno: LoveBridge necesita unos ")
    assert "para escribir la nota — unos 15 MB más de lo que hay libre ahora." in said
    # In English, word for word what the store says about the same full disk.
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    language.use_language()
    assert common.written_or_failed(tmp_path / "note.pdf", "the note", full) == (
        guards.disk_full_message(tmp_path, guards.OPEN_SPACE_BYTES, "write the note"))


def test_a_spanish_terminal_hears_usage_mistakes_in_spanish(
    spanish_terminal, tmp_path, capsys
) -> None:
    folder = library(tmp_path)
    code, err = run(folder, ["note", "render", "--text", "Hola"], capsys)
    assert code == 2
    assert err.strip() == ("lovebridge: di dónde escribir la nota: --out ARCHIVO.pdf o "
                           "--out ARCHIVO.png")
    code, err = run(folder, ["dates", "remove", "Cena en Lupa"], capsys)
    assert code == 1
    assert err.strip() == ("lovebridge: ningún plan se llama 'Cena en Lupa'; "
                           "`lovebridge dates list` los muestra.")
