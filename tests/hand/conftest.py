"""Photos of a filled-in handwriting sheet, made once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def filled_sheet_image(qapp):
    # pytest-qt's QApplication (widgets may follow), never a bare QGuiApplication.
    from tests.hand.photos import filled_sheet

    return filled_sheet(200)


@pytest.fixture(scope="session")
def photo_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hand_photos")


@pytest.fixture(scope="session")
def clean_photo(filled_sheet_image, photo_dir) -> Path:
    path = photo_dir / "clean.jpg"
    filled_sheet_image.save(path, quality=92)
    return path


@pytest.fixture(scope="session")
def captured_hand(clean_photo):
    from lovebridge.core.hand.service import capture_from_photos

    return capture_from_photos([clean_photo], "Maya").hand
