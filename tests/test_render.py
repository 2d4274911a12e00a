"""The note renderer, read back from real PDFs and images: sizes, fonts, text, folds, overflow."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from PySide6.QtCore import QBuffer, QIODevice

from lovebridge.render.content import NoteContent
from lovebridge.render.fonts import FONTS, font_family
from lovebridge.render.layouts import LAYOUTS, LAYOUTS_BY_KEY
from lovebridge.render.renderer import (
    compose_message,
    plan_note,
    render_image,
    render_pdf_bytes,
    split_lunchbox_notes,
)
from lovebridge.render.style import NoteStyle

MM = 72 / 25.4
NOTE = NoteContent(
    "Thank you for the coffee you left by my laptop this morning. It was still warm "
    "when I found it, and so was I.\n\nSee you tonight at the lake.",
    recipient="Jonah", sender="Maya", title="Thank you",
)
LUNCH = NoteContent("Pasta salad today\n---\nYou are doing great\n\nHug at five?")
SOME_FONTS = ("caveat", "kristi", "indie_flower")


def words(text: str) -> list[str]:
    return re.sub(r"\s+", " ", text).strip().split(" ")


def pdf_of(content: NoteContent, **style) -> tuple[pypdf.PdfReader, object]:
    data, result = render_pdf_bytes(content, NoteStyle(**style))
    return pypdf.PdfReader(io.BytesIO(data)), result


def embedded_font_files(page) -> list[str]:
    """Names of embedded font programs reachable from the page's font resources."""
    found = []
    fonts = page["/Resources"].get_object().get("/Font", {})
    for ref in fonts.values():
        font = ref.get_object()
        candidates = [font]
        for descendant in font.get("/DescendantFonts", []):
            candidates.append(descendant.get_object())
        for candidate in candidates:
            descriptor = candidate.get("/FontDescriptor")
            if descriptor is None:
                continue
            descriptor = descriptor.get_object()
            found += [key for key in ("/FontFile", "/FontFile2", "/FontFile3") if key in descriptor]
    return found


def expected_text(content: NoteContent, layout_key: str) -> list[list[str]]:
    """The words each page must show, in order."""
    layout = LAYOUTS_BY_KEY[layout_key]
    if layout.kind == "lunchbox":
        return [words(" ".join(split_lunchbox_notes(content.text)))]
    if layout.kind == "envelope":
        return [words(f"from {content.sender} {content.recipient}")]
    message = words(compose_message(content, layout))
    if layout.kind == "halffold":
        return [words(content.title), message]
    if layout.kind == "quarterfold":
        return [message + words(content.title)]
    return [message]


@pytest.mark.parametrize("font", SOME_FONTS)
@pytest.mark.parametrize("layout", [layout.key for layout in LAYOUTS])
def test_every_layout_prints_to_the_right_paper_with_embedded_copyable_text(
        qapp, layout: str, font: str) -> None:
    content = LUNCH if layout.startswith("lunchbox") else NOTE
    reader, result = pdf_of(content, layout=layout, font=font, decoration="hearts")
    spec = LAYOUTS_BY_KEY[layout]
    assert len(reader.pages) == len(spec.pages) == result.page_count
    for page, expected in zip(reader.pages, expected_text(content, layout), strict=True):
        box = page.mediabox
        assert float(box.width) == pytest.approx(spec.width * MM, abs=1.5)
        assert float(box.height) == pytest.approx(spec.height * MM, abs=1.5)
        assert embedded_font_files(page), "the handwriting font must travel inside the PDF"
        assert words(page.extract_text()) == expected
    assert not result.overflow


@pytest.mark.parametrize("font", [font.key for font in FONTS])
def test_every_bundled_font_loads_and_keeps_pdf_text_intact(qapp, font: str) -> None:
    assert font_family(font)
    reader, result = pdf_of(NOTE, layout="card-5x7", font=font)
    assert words(reader.pages[0].extract_text()) == words(compose_message(
        NOTE, LAYOUTS_BY_KEY["card-5x7"]))
    assert embedded_font_files(reader.pages[0])
    assert result.font_size >= LAYOUTS_BY_KEY["card-5x7"].min_size


@pytest.mark.parametrize("layout", ["quarterfold-a4", "quarterfold-letter"])
def test_quarter_fold_prints_the_inside_upside_down_and_the_front_upright(qapp, layout) -> None:
    reader, _result = pdf_of(NOTE, layout=layout)
    page = reader.pages[0]
    upright = words(page.extract_text(orientations=(0,)))
    upside_down = words(page.extract_text(orientations=(180,)))
    assert upright == words(NOTE.title)
    assert upside_down == words(compose_message(NOTE, LAYOUTS_BY_KEY[layout]))


def test_quarter_fold_message_sits_in_the_top_half_of_the_sheet(qapp) -> None:
    image, _result = render_image(NoteContent("word " * 60), NoteStyle(
        layout="quarterfold-a4", paper="white", ink="black"), dpi=40)
    def ink_in(top: int, bottom: int) -> int:
        return sum(1 for y in range(top, bottom, 2) for x in range(0, image.width(), 2)
                   if image.pixelColor(x, y).lightness() < 120)
    half = image.height() // 2
    assert ink_in(0, half) > 4 * max(1, ink_in(half, image.height()))  # the title is short


def test_long_text_shrinks_to_the_minimum_then_reports_overflow_and_a_larger_layout(qapp) -> None:
    medium = NoteContent("I keep thinking about our walk by the river. " * 5)
    plan = plan_note(medium, NoteStyle(layout="card-a6"))
    layout = LAYOUTS_BY_KEY["card-a6"]
    assert layout.min_size <= plan.result.font_size < layout.base_size
    assert not plan.result.overflow

    long = NoteContent("I keep thinking about our walk by the river. " * 30)
    result = plan_note(long, NoteStyle(layout="card-a6")).result
    assert result.overflow
    assert result.font_size == pytest.approx(layout.min_size)
    assert result.suggested_layout is not None
    assert not plan_note(long, NoteStyle(layout=result.suggested_layout)).result.overflow

    endless = NoteContent("So many words to say to you today. " * 800)
    result = plan_note(endless, NoteStyle(layout="card-a6")).result
    assert result.overflow and result.suggested_layout is None


def test_lunchbox_splits_on_blank_lines_and_dashes_and_counts_past_eight(qapp) -> None:
    assert split_lunchbox_notes("one\n---\ntwo\n\nthree\n  \nfour") == [
        "one", "two", "three", "four"]
    nine = NoteContent("\n\n".join(f"Note number {i}" for i in range(9)))
    result = plan_note(nine, NoteStyle(layout="lunchbox-a4")).result
    assert result.overflow and result.notes == 9 and result.notes_capacity == 8


def png_bytes(content: NoteContent, style: NoteStyle) -> bytes:
    image, _result = render_image(content, style, dpi=60)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def test_same_seed_same_png_bytes_another_take_differs_neat_is_steady(qapp) -> None:
    style = NoteStyle(layout="card-a6", seed=42)
    assert png_bytes(NOTE, style) == png_bytes(NOTE, style)
    assert png_bytes(NOTE, style) != png_bytes(NOTE, NoteStyle(layout="card-a6", seed=43))
    neat = [png_bytes(NOTE, NoteStyle(layout="card-a6", seed=s, neat=True, paper="white"))
            for s in (1, 2)]
    assert neat[0] == neat[1]


def test_style_json_round_trips_and_bad_values_fall_back(qapp) -> None:
    style = NoteStyle(layout="envelope-c6", font="kalam", ink="green", paper="kraft-grid",
                      decoration="stars", neat=True, seed=9)
    assert NoteStyle.from_json(style.to_json()) == style
    assert NoteStyle.from_json("not json") == NoteStyle()
    broken = NoteStyle.from_json('{"layout": "poster", "font": "kalam", "seed": "x"}')
    assert broken == NoteStyle(font="kalam")


def test_greeting_and_signature_are_not_doubled() -> None:
    layout = LAYOUTS_BY_KEY["letter-a4"]
    text = compose_message(NoteContent("Jonah, hello.\nLove, Maya", "Jonah", "Maya"), layout)
    assert text == "Jonah, hello.\nLove, Maya"
    assert compose_message(NoteContent("hello", "Jonah", "Maya"), layout).startswith("Dear Jonah,")


def test_a_long_letter_keeps_a_comfortable_hand_and_continues_on_more_pages(qapp) -> None:
    text = "\n\n".join(f"Paragraph {n}: I remember the slow evening at the harbour, the "
                       "rain on the window and your laugh when the kettle whistled." * 2
                       for n in range(6))
    content = NoteContent(text, "Jonah", "Maya")
    reader, result = pdf_of(content, layout="letter-a4")
    layout = LAYOUTS_BY_KEY["letter-a4"]
    assert not result.overflow
    assert 1 < result.page_count == len(reader.pages) <= 4
    assert result.font_size >= layout.base_size * 0.85 - 0.01
    extracted = " ".join(page.extract_text() for page in reader.pages)
    assert words(extracted) == words(compose_message(content, layout))

    endless = NoteContent("So many words to say to you today. " * 900)
    result = plan_note(endless, NoteStyle(layout="letter-us")).result
    assert result.overflow and result.page_count == 4
    assert result.font_size == pytest.approx(LAYOUTS_BY_KEY["letter-us"].min_size)
