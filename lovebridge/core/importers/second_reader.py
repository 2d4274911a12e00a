"""Reading a big folder's photos in two processes: this one from the first file on, a second
LoveBridge process from the last file back, until they meet.

Reading a photo (its header, EXIF, hash and JPEG end) is mostly Python's own work, which
threads would only take turns at; a second process reads on the laptop's other core. It is
LoveBridge itself started again with PHOTO_READER_ARGUMENT (the frozen app, or
`python -m lovebridge`), which imports only photo_reading.py and never opens the library.
It is sent the file list through a pipe, and sends back each file's result (pickled: it is
our own process) from the last file towards the first.

This process never waits for it: it reads from the front, and stops where the second reader
has already read everything after (the results come in order, so a gap cannot hide). If the
second reader cannot start, dies or sends something wrong, this process simply reads on to
the end. Stopping early (a cancel) kills it; it holds nothing and writes nothing but its
results, and it stops by itself when this process goes away (its next write fails).
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from lovebridge.core.importers import PHOTO_READER_ARGUMENT
from lovebridge.core.importers.photo_reading import READ_AHEAD, read_ahead, read_or_error
from lovebridge.core.importers.plan import CandidatePhoto
from lovebridge.core.scrapbook import images

logger = logging.getLogger(__name__)

SECOND_READER_FROM = 300  # files; fewer are read sooner than a second process starts

Result = CandidatePhoto | Exception


def read_candidates(files: list[Path], near_copy_hash: bool = True,
                    ) -> Iterator[tuple[Path, Result, int]]:
    """`read_or_error` of each file, in order, with how many files are read by then (both
    readers together: for the progress bar).

    From SECOND_READER_FROM files on, a second process reads from the end meanwhile. The
    disk is kept busy by asking the kernel to read the next few files ahead of their turn.
    """
    helper = (SecondReader.start(files, near_copy_hash)
              if len(files) >= SECOND_READER_FROM else None)
    try:
        for path in files[1:READ_AHEAD]:
            read_ahead(path)
        for index, path in enumerate(files):
            if helper is not None and index >= helper.lowest:
                yield from helper.rest_from(index)
                return
            if index + READ_AHEAD < len(files):
                read_ahead(files[index + READ_AHEAD])
            read_by_helper = helper.read_count if helper is not None else 0
            yield path, read_or_error(path, near_copy_hash), index + 1 + read_by_helper
    finally:
        if helper is not None:
            helper.stop()


class SecondReader:
    """The second reader process, and what it has sent back so far."""

    def __init__(self, files: list[Path], process: subprocess.Popen[bytes],
                 near_copy_hash: bool) -> None:
        self._files = files
        self._process = process
        self._results: dict[int, Result] = {}
        # Every file from `lowest` on has its result here (written before `lowest` moves).
        self.lowest = len(files)
        request = pickle.dumps((near_copy_hash, [str(path) for path in files]),
                               pickle.HIGHEST_PROTOCOL)
        self._thread = threading.Thread(target=self._talk, args=(request,),
                                        name="import-second-reader", daemon=True)
        self._thread.start()

    @classmethod
    def start(cls, files: list[Path], near_copy_hash: bool) -> SecondReader | None:
        """The second reader at work on `files`, or None when it cannot be started."""
        command = reader_command()
        if command is None:
            return None
        try:
            process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, close_fds=True,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        except OSError as exc:
            logger.info("import: no second photo reader (%s)", type(exc).__name__)
            return None
        return cls(files, process, near_copy_hash)

    @property
    def read_count(self) -> int:
        return len(self._files) - self.lowest

    def rest_from(self, index: int) -> Iterator[tuple[Path, Result, int]]:
        """The results of the files from `index` on, all read by the second reader."""
        for later in range(index, len(self._files)):
            yield self._files[later], self._results.pop(later), len(self._files)

    def _talk(self, request: bytes) -> None:
        """Send the list (it is read whole before anything comes back), then collect."""
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        try:
            with stdin:
                stdin.write(request)
            while self.lowest > 0:
                index, result = pickle.load(stdout)
                if index != self.lowest - 1 or not _fits(result, self._files[index]):
                    logger.warning("import: the second photo reader sent something unexpected")
                    return
                self._results[index] = result
                self.lowest = index
        except (EOFError, OSError, pickle.UnpicklingError, ValueError, TypeError,
                AttributeError, ImportError, IndexError):
            return  # it stopped (or was stopped): this process reads whatever is left

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self._process.kill()
        self._process.wait()
        self._thread.join()
        if self._process.stdout is not None:
            self._process.stdout.close()


def _fits(result: object, path: Path) -> bool:
    """Whether `result` is one `read_or_error` gives, for `path`."""
    if isinstance(result, CandidatePhoto):
        return result.path == path
    return isinstance(result, images.PhotoRefusedError | OSError)


def reader_command() -> list[str] | None:
    """How to start LoveBridge as a second photo reader: the frozen app itself, or this
    Python running the lovebridge package."""
    if not sys.executable:
        return None
    if getattr(sys, "frozen", False):
        return [sys.executable, PHOTO_READER_ARGUMENT]
    return [sys.executable, "-m", "lovebridge", PHOTO_READER_ARGUMENT]


def serve(requests: BinaryIO | None = None, results: BinaryIO | None = None) -> int:
    """The second reader's side: read the list, then send each file's result from the last
    file back. Returns when all are sent, or when nobody listens any more."""
    requests = requests or sys.stdin.buffer
    results = results or sys.stdout.buffer
    try:
        near_copy_hash, names = pickle.load(requests)
        files = [Path(name) for name in names]
        for index in range(len(files) - 1, -1, -1):
            if index >= READ_AHEAD:
                read_ahead(files[index - READ_AHEAD])
            pickle.dump((index, read_or_error(files[index], near_copy_hash)), results,
                        pickle.HIGHEST_PROTOCOL)
            results.flush()
    except (BrokenPipeError, EOFError, pickle.UnpicklingError, KeyboardInterrupt):
        return 1
    return 0
