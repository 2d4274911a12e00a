"""What goes into a photo book: the memories of a year (or a chosen set), in date order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from lovebridge.core.context import AppContext
from lovebridge.core.profile import ProfileService
from lovebridge.core.scrapbook.photo_import import stored_photo
from lovebridge.core.scrapbook.records import Memory
from lovebridge.core.scrapbook.service import MemoryService


@dataclass(frozen=True)
class BookPhoto:
    """A photo as the book needs it: its file and its caption."""

    load: Callable[[], bytes]  # the original bytes, through the (maybe encrypted) library
    caption: str
    orientation: int
    width: int
    height: int


@dataclass(frozen=True)
class BookMemory:
    memory: Memory
    photos: tuple[BookPhoto, ...]


@dataclass(frozen=True)
class Book:
    """A photo book ready to render: a cover and a page (or more) per memory."""

    title: str
    subtitle: str
    memories: tuple[BookMemory, ...]


# A photo is embedded at 300 dpi at its printed size (a page at most: ~8.7 megapixels), as a
# JPEG of quality 88: about a third of a byte per pixel. Each page adds text and drawing.
PRINTED_PIXELS_MAX = 2480 * 3508
BYTES_PER_PRINTED_PIXEL = 0.35
BYTES_PER_PAGE = 150_000
BYTES_FIXED = 2_000_000  # fonts embedded once, the cover


def estimated_pdf_bytes(book: Book) -> int:
    """About how large the book's PDF will be: what a free-space check asks for."""
    total = BYTES_FIXED + BYTES_PER_PAGE * (1 + len(book.memories))
    for page in book.memories:
        for photo in page.photos:
            pixels = min(max(photo.width * photo.height, 0), PRINTED_PIXELS_MAX)
            total += int(pixels * BYTES_PER_PRINTED_PIXEL)
    return total


def gather_book(ctx: AppContext, uuids: list[str], title: str) -> Book:
    """The book of the memories named by `uuids`, oldest first."""
    memories = MemoryService(ctx).get_many(uuids)
    profile = ProfileService(ctx.store).load()
    names = f"{profile.partner_a} & {profile.partner_b}" if profile else ""
    pages = tuple(
        BookMemory(
            memory,
            tuple(
                BookPhoto(partial(stored_photo, ctx, item.photo),
                          item.caption, item.photo.orientation, item.photo.width,
                          item.photo.height)
                for item in memory.photos
            ),
        )
        for memory in memories
    )
    return Book(title, names, pages)


def gather_year(ctx: AppContext, year: int) -> Book:
    """The book of one year: every memory dated in it."""
    return gather_book(ctx, MemoryService(ctx).uuids_of_year(year), f"Our {year}")
