"""The command line, run as a real process: --version, check on empty and damaged folders."""

import os
import subprocess
import sys
from pathlib import Path

from lovebridge import __version__

ROOT = Path(__file__).resolve().parents[1]


def lovebridge(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("LOVEBRIDGE_DATA_DIR", None)
    command = [sys.executable, "-m", "lovebridge"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return subprocess.run(command + list(args), capture_output=True, text=True, env=env,
                          timeout=60, cwd=ROOT)


def test_version() -> None:
    result = lovebridge("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"LoveBridge {__version__}"


def test_check_on_an_empty_folder_creates_a_healthy_store(tmp_path: Path) -> None:
    result = lovebridge("check", data_dir=tmp_path / "new")
    assert result.returncode == 0, result.stderr
    assert "Integrity: ok" in result.stdout
    assert "notes 0, memories 0, photos 0, plans 0" in result.stdout
    assert (tmp_path / "new" / "lovebridge.db").exists()


def test_check_on_a_damaged_database_fails_clearly(tmp_path: Path) -> None:
    folder = tmp_path / "damaged"
    assert lovebridge("check", data_dir=folder).returncode == 0
    db = folder / "lovebridge.db"
    data = bytearray(db.read_bytes())
    for offset in range(200, len(data), 509):
        data[offset] ^= 0x5A
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    result = lovebridge("check", data_dir=folder)
    assert result.returncode != 0
    assert "damaged" in result.stderr or "not a readable" in result.stderr
    assert db.read_bytes() == before


def test_unknown_command_is_an_error() -> None:
    result = lovebridge("frobnicate")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
