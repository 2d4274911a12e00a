"""The Scrapbook with the lock on: photos, thumbnails and books work, and rest encrypted."""

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from lovebridge.core.privacy.lock import DataKeys
from lovebridge.core.scrapbook import images
from lovebridge.core.scrapbook.book import gather_year
from lovebridge.core.scrapbook.photo_import import (
    PhotoImporter,
    stored_photo,
    thumbnail_bytes,
    thumbnail_path,
)
from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft, PhotoPlacement
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.render.book import render_book_pdf
from lovebridge.store.file_cipher import is_encrypted


@pytest.fixture
def locked_ctx(ctx):
    """The test's data folder as the app sees it once unlocked: photos sealed with a key."""
    keys = DataKeys.from_data_key(b"k" * 32)
    ctx.file_key = keys.files
    ctx.media.file_key = keys.files
    return ctx


def harbour_photo(folder: Path) -> Path:
    path = folder / "harbour.jpg"
    Image.new("RGB", (1200, 800), (40, 110, 160)).save(path, "JPEG", quality=90)
    return path


def test_locked_import_keeps_photo_and_thumbnail_encrypted(locked_ctx, tmp_path: Path) -> None:
    source = harbour_photo(tmp_path)
    report = PhotoImporter(locked_ctx).import_files([source])
    assert report.refused == [] and len(report.photos) == 1
    photo = report.photos[0]

    stored_file = locked_ctx.media.path_for(photo.sha256, photo.extension)
    assert is_encrypted(stored_file.read_bytes())
    assert stored_photo(locked_ctx, photo) == source.read_bytes()  # the original, unchanged
    assert is_encrypted(thumbnail_path(locked_ctx, photo.sha256).read_bytes())
    with Image.open(io.BytesIO(thumbnail_bytes(locked_ctx, photo))) as thumb:
        assert max(thumb.size) <= images.THUMBNAIL_SIDE


def test_an_altered_photo_is_refused_with_a_clear_reason(locked_ctx, tmp_path: Path) -> None:
    photo = PhotoImporter(locked_ctx).import_files([harbour_photo(tmp_path)]).photos[0]
    stored_file = locked_ctx.media.path_for(photo.sha256, photo.extension)
    blob = bytearray(stored_file.read_bytes())
    blob[len(blob) // 2] ^= 0x10
    stored_file.write_bytes(bytes(blob))
    with pytest.raises(images.PhotoRefusedError, match="damaged or was changed"):
        stored_photo(locked_ctx, photo)


def test_locked_photo_book_has_its_photos(qapp, locked_ctx, tmp_path: Path) -> None:
    photo = PhotoImporter(locked_ctx).import_files([harbour_photo(tmp_path)]).photos[0]
    MemoryService(locked_ctx).save(MemoryDraft(
        "Harbour walk", MemoryDate(2025, 6, 1), place="Whitby", story_text="Chips in the wind.",
        photos=(PhotoPlacement(photo.photo_id),)))
    out = tmp_path / "book.pdf"
    render_book_pdf(gather_year(locked_ctx, 2025), out, handwriting=False)
    pages = PdfReader(out).pages
    memory_page = pages[-1]
    assert "Chips in the wind." in " ".join(memory_page.extract_text().split())
    assert list(memory_page.images), "the decrypted photo is placed on the memory's page"
