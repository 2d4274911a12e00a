"""Audit: a full disk is called a full disk (with how much is needed), never damage, never
"Wrote" over an empty file. A real 4 MB tmpfs is filled (skipped where mounting is not allowed)."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from lovebridge.core.opening import open_library
from lovebridge.paths import resolve_paths
from lovebridge.store import DatabaseDamagedError, StoreError, open_store

ROOT = Path(__file__).resolve().parents[2]


def mount_tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A real small disk of `size` at `folder` (root only: skipped elsewhere; CI runs as root)."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                              str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("a small tmpfs cannot be mounted here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    yield from mount_tmpfs(tmp_path / "disk", "4m")


def fill(disk: Path, leave: int = 0) -> None:
    """Fill the disk, then give back `leave` bytes."""
    with (disk / "filler").open("wb", buffering=0) as handle:  # nothing left to flush
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    if leave:
        size = (disk / "filler").stat().st_size
        with (disk / "filler").open("rb+") as handle:
            handle.truncate(max(size - leave, 0))


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lovebridge", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def noisy_jpeg(path: Path, side: int = 900) -> Path:
    buffer = io.BytesIO()
    Image.effect_noise((side, side), 100).convert("RGB").save(buffer, "JPEG", quality=95)
    path.write_bytes(buffer.getvalue())
    return path


def test_opening_on_a_full_disk_says_so_and_sets_nothing_aside(small_disk: Path) -> None:
    data = small_disk / "lib"
    paths = resolve_paths(data).ensure()
    open_store(paths.database).close()
    fill(small_disk)
    with pytest.raises(StoreError) as caught:
        open_library(paths, None)
    assert not isinstance(caught.value, DatabaseDamagedError)  # main: "not a readable database"
    assert str(caught.value).startswith("The disk is full: LoveBridge needs about 17 MB free")
    result = cli("--data-dir", str(data), "check")
    assert result.returncode == 1 and "The disk is full" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not list(small_disk.rglob("damaged-*"))


def test_import_and_backup_on_a_full_disk_end_in_a_sentence(small_disk: Path,
                                                            tmp_path: Path) -> None:
    data = small_disk / "lib"
    assert cli("--data-dir", str(data), "check").returncode == 0
    photo = noisy_jpeg(tmp_path / "sea.jpg")
    fill(small_disk, leave=300_000)
    imported = cli("--data-dir", str(data), "scrapbook", "import", str(photo), "--title", "Sea")
    assert imported.returncode == 1
    assert "Traceback" not in imported.stderr
    assert "The disk is full" in imported.stderr, imported.stderr
    backup = cli("--data-dir", str(data), "backup", "create", str(small_disk / "b.lovebridge"))
    assert backup.returncode == 1 and "Traceback" not in backup.stderr, backup.stderr
    assert "The disk is full" in backup.stderr and "MB" in backup.stderr
    assert not (small_disk / "b.lovebridge").exists()


@pytest.mark.parametrize("name", ["note.png", "note.pdf"])
def test_note_render_onto_a_full_disk_writes_no_empty_file_and_says_why(
        small_disk: Path, tmp_path: Path, name: str) -> None:
    fill(small_disk)
    out = small_disk / name
    result = cli("--data-dir", str(tmp_path / "lib"), "note", "render", "--text", "Hello you",
                 "--out", str(out))
    assert result.returncode == 1, result.stdout
    assert "Wrote" not in result.stdout
    assert "The disk is full" in result.stderr, result.stderr
    assert not out.exists()


def test_full_disk_classification_without_a_real_disk(tmp_path: Path, monkeypatch) -> None:
    """The rule itself: an I/O error while opening with almost no space left is a full disk."""
    import sqlcipher3.dbapi2 as sqlcipher

    from lovebridge.store import guards
    from lovebridge.store.guards import full_disk_while_opening

    io_error = sqlcipher.OperationalError("disk I/O error")
    monkeypatch.setattr(guards, "free_bytes", lambda _folder: 4096)
    assert full_disk_while_opening(io_error, tmp_path)
    assert full_disk_while_opening(sqlcipher.OperationalError("database or disk is full"),
                                   tmp_path)
    monkeypatch.setattr(guards, "free_bytes", lambda _folder: 10**11)
    assert not full_disk_while_opening(io_error, tmp_path)  # plenty of room: damage
    assert not full_disk_while_opening(sqlcipher.DatabaseError("file is not a database"),
                                       tmp_path)
