"""`lovebridge scrapbook import-folder`, `import-export` and `lovebridge export`, as processes."""

from __future__ import annotations

from pathlib import Path

from tests.export_samples import write_dayone
from tests.test_cli import lovebridge
from tests.test_import_folder import _trip


def test_import_folder_lists_then_adds_with_yes(tmp_path: Path) -> None:
    roll = _trip(tmp_path / "roll")
    data = tmp_path / "data"
    looked = lovebridge("scrapbook", "import-folder", str(roll), data_dir=data)
    assert looked.returncode == 0, looked.stderr
    assert "Suggested: memories 3, photos 7:" in looked.stdout
    assert "1. Sunday in Lisbon, 14 July 2024  (photos: 3; burst shots set aside: 1; " \
           "Lisbon, Portugal)" in looked.stdout
    assert "  - empty.jpg: is empty (0 bytes)." in looked.stdout
    assert "Nothing was added." in looked.stdout
    assert "memories 0" in lovebridge("check", data_dir=data).stdout

    added = lovebridge("scrapbook", "import-folder", str(roll), "--yes", data_dir=data)
    assert "Added to the scrapbook: memories 3, photos 7." in added.stdout
    found = lovebridge("scrapbook", "search", "Sintra", data_dir=data)
    assert "Monday in Sintra, 15 July 2024" in found.stdout
    again = lovebridge("scrapbook", "import-folder", str(roll), "--yes", data_dir=data)
    assert "No new memories to add." in again.stdout
    assert "Already in your scrapbook, left alone: 9." in again.stdout


def test_import_export_and_export(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = lovebridge("scrapbook", "import-export", str(write_dayone(tmp_path / "d.zip")),
                        "--yes", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "Day One export." in result.stdout
    assert "Added to the scrapbook: memories 2, photos 1." in result.stdout
    assert "  - Day One weather (1 entry): not imported" in result.stdout

    written = lovebridge("export", str(tmp_path / "all.zip"), data_dir=data)
    assert written.returncode == 0, written.stderr
    assert "Memories: 2, photos: 1, notes: 0, plans: 0, check-ins: 0." in written.stdout
    refused = lovebridge("export", str(tmp_path / "all.zip"), data_dir=data)
    assert refused.returncode == 1 and "already exists" in refused.stderr

    bogus = tmp_path / "bogus.zip"
    bogus.write_bytes(b"PK\x03\x04 not really")
    failed = lovebridge("scrapbook", "import-export", str(bogus), data_dir=data)
    assert failed.returncode == 1
    assert "lovebridge: bogus.zip is not a ZIP archive LoveBridge can read" in failed.stderr
