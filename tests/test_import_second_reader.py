"""A big folder's photos read by two processes: the same results as one, whatever the second
reader does (it helps, it fails to start, it dies, it talks nonsense, it is stopped)."""

from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lovebridge.core.importers import PHOTO_READER_ARGUMENT, second_reader
from lovebridge.core.importers.folder import plan_folder
from lovebridge.core.importers.photo_reading import read_or_error
from lovebridge.core.importers.plan import CandidatePhoto
from lovebridge.core.scrapbook.images import PhotoRefusedError
from tests.test_import_folder import _trip


def _files(folder: Path) -> list[Path]:
    from lovebridge.core.importers.scan import walk_photos

    return list(walk_photos(folder, []))


def _comparable(result: CandidatePhoto | Exception) -> object:
    if isinstance(result, CandidatePhoto):
        return result
    return (type(result), str(result))


def _read_alone(files: list[Path]) -> list[tuple[Path, object]]:
    """What this process reads by itself, with no second reader."""
    return [(path, _comparable(result)) for path, result, _done
            in second_reader.read_candidates(files, False)]


def _slow_here(monkeypatch: pytest.MonkeyPatch, seconds: float = 0.15) -> list[Path]:
    """This process reads each file slowly, so the second reader gets to read some (the
    second reader is a process of its own: it reads at full speed). Returns the list of the
    files this process reads, filled as it reads them."""
    read_here: list[Path] = []

    def slowly(path: Path, near_copy_hash: bool) -> CandidatePhoto | Exception:
        read_here.append(path)
        time.sleep(seconds)
        return read_or_error(path, near_copy_hash)

    monkeypatch.setattr(second_reader, "read_or_error", slowly)
    monkeypatch.setattr(second_reader, "SECOND_READER_FROM", 1)
    return read_here


class _Started:
    """Every SecondReader started, kept to look at afterwards."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.readers: list[second_reader.SecondReader] = []
        start = second_reader.SecondReader.start

        def keep(files: list[Path], near_copy_hash: bool) -> second_reader.SecondReader | None:
            reader = start(files, near_copy_hash)
            if reader is not None:
                self.readers.append(reader)
            return reader

        monkeypatch.setattr(second_reader.SecondReader, "start", staticmethod(keep))


def test_two_readers_give_what_one_gives_refusals_included(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    files = _files(_trip(tmp_path / "roll"))
    alone = _read_alone(files)
    read_here = _slow_here(monkeypatch, 0.25)
    started = _Started(monkeypatch)
    together = list(second_reader.read_candidates(files, False))

    assert [(path, _comparable(result)) for path, result, _done in together] == alone
    assert len(started.readers) == 1
    assert read_here == files[:len(read_here)], "this process reads from the first file on"
    assert 0 < len(read_here) < len(files), "the second reader read the last ones"
    assert [done for _path, _result, done in together][-1] == len(files)
    refused = {path.name: result for path, result, _done in together
               if isinstance(result, Exception)}
    assert set(refused) == {"empty.jpg", "cut-short.jpg", "notes.jpg"}
    assert all(isinstance(error, PhotoRefusedError) for error in refused.values())
    assert started.readers[0]._process.returncode is not None  # stopped and reaped


def test_a_plan_read_by_two_processes_is_the_plan_read_by_one(ctx, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    folder = _trip(tmp_path / "roll")
    alone = plan_folder(ctx, folder)
    _slow_here(monkeypatch, 0.1)
    together = plan_folder(ctx, folder)
    assert [p.title for p in together.proposals] == [p.title for p in alone.proposals]
    assert [[c.sha256 for c in p.photos] for p in together.proposals] == \
        [[c.sha256 for c in p.photos] for p in alone.proposals]
    assert [p.place_label for p in together.proposals] == ["Lisbon, Portugal",
                                                            "Sintra, Portugal",
                                                            "Paris, France"]
    assert together.problems == alone.problems
    assert together.duplicates == alone.duplicates == 1


BROKEN_READERS = {
    "cannot start": [str(Path(sys.executable).parent / "no-such-lovebridge")],
    "exits at once": [sys.executable, "-c", "import sys; sys.exit(3)"],
    "sends garbage": [sys.executable, "-c",
                      "import sys; sys.stdin.buffer.read(); "
                      "sys.stdout.buffer.write(b'not a pickle at all'); sys.stdout.flush()"],
    "skips a file": [sys.executable, "-c",
                     "import pickle, sys; _hash, names = pickle.load(sys.stdin.buffer); "
                     "pickle.dump((len(names) - 2, OSError(5, 'made up')), sys.stdout.buffer)"],
    "sends a foreign result": [sys.executable, "-c",
                               "import pickle, sys; _hash, names = pickle.load(sys.stdin.buffer);"
                               " pickle.dump((len(names) - 1, 'a string'), sys.stdout.buffer)"],
    "dies half-way": [sys.executable, "-c",
                      "import os, pickle, sys; from pathlib import Path; "
                      "from lovebridge.core.importers.photo_reading import read_or_error; "
                      "near, names = pickle.load(sys.stdin.buffer); "
                      "last = read_or_error(Path(names[-1]), near); "
                      "pickle.dump((len(names) - 1, last), sys.stdout.buffer); "
                      "sys.stdout.flush(); os._exit(9)"],
}


@pytest.mark.parametrize("how", sorted(BROKEN_READERS))
def test_a_second_reader_that_fails_leaves_this_one_reading_everything(
        how: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files(_trip(tmp_path / "roll"))
    alone = _read_alone(files)
    _slow_here(monkeypatch, 0.05)
    monkeypatch.setattr(second_reader, "reader_command", lambda: BROKEN_READERS[how])
    together = [(path, _comparable(result)) for path, result, _done
                in second_reader.read_candidates(files, False)]
    assert together == alone


def test_stopping_early_stops_the_second_reader(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files(_trip(tmp_path / "roll"))
    _slow_here(monkeypatch, 0.05)
    started = _Started(monkeypatch)
    reading = second_reader.read_candidates(files, False)
    next(reading)
    reading.close()  # as a cancel does: the plan stops taking results
    (reader,) = started.readers
    assert reader._process.returncode is not None
    assert not reader._thread.is_alive()


def test_the_second_reader_answers_from_the_last_file_back(tmp_path: Path) -> None:
    files = _files(_trip(tmp_path / "roll"))
    request = io.BytesIO(pickle.dumps((False, [str(path) for path in files])))
    answers = io.BytesIO()
    assert second_reader.serve(request, answers) == 0
    answers.seek(0)
    sent = []
    while answers.tell() < len(answers.getvalue()):
        sent.append(pickle.load(answers))
    assert [index for index, _result in sent] == list(range(len(files) - 1, -1, -1))
    expected = [_comparable(read_or_error(path, False)) for path in files]
    assert [_comparable(result) for _index, result in reversed(sent)] == expected


def test_lovebridge_started_with_the_hidden_argument_is_a_photo_reader(tmp_path: Path) -> None:
    """The very command the import starts (`python -m lovebridge ARGUMENT`; the frozen app is
    checked in tests/test_packaging.py): it answers, opens no window and no library."""
    files = _files(_trip(tmp_path / "roll"))
    command = second_reader.reader_command()
    assert command is not None and command[-1] == PHOTO_READER_ARGUMENT
    finished = subprocess.run(
        command, input=pickle.dumps((False, [str(path) for path in files])),
        capture_output=True, timeout=60, check=True, env={
            **os.environ, "LOVEBRIDGE_DATA_DIR": str(tmp_path / "untouched")})
    answers = io.BytesIO(finished.stdout)
    count = 0
    while answers.tell() < len(finished.stdout):
        index, result = pickle.load(answers)
        assert index == len(files) - 1 - count
        assert _comparable(result) == _comparable(read_or_error(files[index], False))
        count += 1
    assert count == len(files)
    assert finished.stderr == b""
    assert not (tmp_path / "untouched").exists()


def test_cancel_while_planning_stops_the_second_reader(ctx, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from lovebridge.core.importers.job import ImportCancelledError, JobControl

    folder = _trip(tmp_path / "roll")
    _slow_here(monkeypatch, 0.05)
    started = _Started(monkeypatch)
    control = JobControl(lambda done, _total: control.cancel() if done >= 2 else None)
    with pytest.raises(ImportCancelledError):
        plan_folder(ctx, folder, control)
    (reader,) = started.readers
    assert reader._process.returncode is not None  # killed and reaped, not left running
    assert not reader._thread.is_alive()


def test_the_windows_folder_import_reads_with_a_second_reader(qtbot, main_window,  # noqa: ANN001
                                                             tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    """File › Import photos from a folder…: the plan runs on the job queue's thread, which
    starts the second reader; the review shows what one reader finds."""
    roll = _trip(tmp_path / "roll")
    read_here = _slow_here(monkeypatch, 0.1)
    started = _Started(monkeypatch)
    controller = main_window.imports
    controller.choose_folder = lambda: str(roll)
    main_window.findChild(type(main_window.backup_action), "importFolderAction").trigger()
    qtbot.waitUntil(lambda: controller.review is not None and controller.review.isVisible(),
                    timeout=30_000)
    tree = controller.review.tree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == [
        "Sunday in Lisbon, 14 July 2024", "Monday in Sintra, 15 July 2024",
        "Sunday in Paris, 1 September 2024"]
    (reader,) = started.readers
    assert 0 < len(read_here) < len(_files(roll))
    assert reader._process.returncode is not None
