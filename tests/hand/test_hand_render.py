"""Notes printed in a captured hand: takes vary, PDF stays vector with exact text, fallbacks fit."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pypdf
import pytest

from lovebridge.render import hand_font
from lovebridge.render.content import NoteContent
from lovebridge.render.renderer import plan_note, render_pdf_bytes, render_plan_image
from lovebridge.render.style import NoteStyle

TEXT = ("Good morning, love! The coffee is still too hot and the little bookshop keeps "
        "calling. Shall we go back soon? 3 o'clock, Saturday.")


def words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


@pytest.fixture
def hand_key(captured_hand) -> str:
    return hand_font.register_hand(captured_hand)


def _style(key: str, layout: str = "card-a6") -> NoteStyle:
    return replace(NoteStyle(layout=layout), font=key)


@pytest.mark.parametrize("layout", ["card-a6", "letter-a4", "halffold-a4"])
def test_pdf_text_extracts_exactly_and_stays_vector(hand_key, layout) -> None:
    content = NoteContent(TEXT, "Sam", "Maya", "For Sam")
    data, result = render_pdf_bytes(content, _style(hand_key, layout))
    assert not result.overflow
    reader = pypdf.PdfReader(io.BytesIO(data))
    extracted = " ".join(page.extract_text() for page in reader.pages)
    expected = words(f"Sam, {TEXT} Love, Maya")
    found = words(extracted)
    # The message reads out whole and in order (a folded card also has its front's title).
    starts = [i for i in range(len(found)) if found[i:i + len(expected)] == expected]
    assert starts, found
    for page in reader.pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {}) or {}
        images = [name for name, ref in xobjects.items()
                  if ref.get_object().get("/Subtype") == "/Image"]
        assert images == []


def test_card_text_extracts_in_order(hand_key) -> None:
    content = NoteContent(TEXT, "Sam", "Maya", "")
    data, _result = render_pdf_bytes(content, _style(hand_key))
    text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert words(text) == words(f"Sam, {TEXT} Love, Maya")


def test_repeated_letters_never_share_an_outline(hand_key, monkeypatch) -> None:
    chosen: list[list[tuple[str, int | None]]] = []
    real = hand_font.choose_takes

    def spy(render_hand, word, rng, memory):
        result = real(render_hand, word, rng, memory)
        chosen.append(result)
        return result

    monkeypatch.setattr(hand_font, "choose_takes", spy)
    content = NoteContent("all the little tools need a good three feet of free books, "
                          "Anna sees all. balloon coffee", "", "", "")
    plan = plan_note(content, _style(hand_key))
    render_plan_image(plan, 72)
    render_hand = hand_font.registered(hand_key)
    repeats = 0
    for word in chosen:
        for (piece_a, take_a), (piece_b, take_b) in zip(word, word[1:], strict=False):
            if piece_a == piece_b and take_a is not None:
                repeats += 1
                assert take_a != take_b
                outline_a = render_hand.paths[piece_a][take_a][0]
                outline_b = render_hand.paths[piece_b][take_b][0]
                assert outline_a != outline_b
    assert repeats >= 5  # ll, tt, ee, oo, ss... were really drawn next to each other


def test_missing_characters_come_from_a_font_matched_in_size(hand_key) -> None:
    render_hand = hand_font.registered(hand_key)
    assert "é" not in render_hand.paths and "x" in render_hand.paths
    size = 20.0
    em = size * render_hand.em_per_xheight
    hand_x = hand_font.QTransform.fromScale(em, em).map(render_hand.paths["x"][0][0])
    fallback_x, _advance = hand_font._fallback_path(render_hand, "x", size)
    ratio = fallback_x.boundingRect().height() / hand_x.boundingRect().height()
    assert 0.75 < ratio < 1.3
    data, _ = render_pdf_bytes(NoteContent("Café € naïve", "", "", ""), _style(hand_key))
    assert words(pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()) == [
        "Café", "€", "naïve"]


def test_same_seed_draws_the_same_note(hand_key) -> None:
    plan = plan_note(NoteContent(TEXT, "Sam", "Maya", ""), _style(hand_key))
    assert render_plan_image(plan, 60) == render_plan_image(plan, 60)


def test_every_glyph_sits_where_it_belongs_on_the_line(captured_hand) -> None:
    """Letters stand on the line, pairs too; commas hang below it, quotes float high."""
    def bottoms(text: str) -> list[float]:
        return [glyph.bounds()[3] for glyph in captured_hand.variants(text)]

    def tops(text: str) -> list[float]:
        return [glyph.bounds()[1] for glyph in captured_hand.variants(text)]

    assert all(abs(b) < 1e-3 for text in "aemnox" for b in bottoms(text))
    assert all(abs(b) < 0.08 for pair in ("th", "in", "er", "ll") for b in bottoms(pair))
    assert all(abs(b) < 0.08 for b in bottoms("."))
    assert all(b > 0.05 for b in bottoms(","))
    assert all(b > 0.2 for text in "gjpy" for b in bottoms(text))
    assert all(b < -0.35 for b in bottoms("'"))
    assert all(t < -0.6 for text in "lAH" for t in tops(text))


def _hand_from(font_key: str, lean: float, size: float, folder, name: str):
    from lovebridge.core.hand.service import capture_from_photos
    from tests.hand.photos import filled_sheet, font_filler

    photo = folder / f"{name}.png"
    filled_sheet(150, filler=font_filler(font_key, lean=lean, size=size)).save(photo)
    return capture_from_photos([photo], name).hand


@pytest.fixture(scope="module")
def two_hands(qapp, tmp_path_factory):
    """An upright round hand (Robin) and a small hand leaning hard right (Ines)."""
    folder = tmp_path_factory.mktemp("two_hands")
    return (_hand_from("comic_neue", 0.0, 7.0, folder, "Robin"),
            _hand_from("dancing_script", 0.25, 5.2, folder, "Ines"))


def _drawn_measures(render_hand, letters: str, size: float):
    """Measures of letters as the fallback draws them (slant, x-height in points)."""
    from lovebridge.render.hand_match import measure_paths

    drawn = {char: [hand_font._fallback_path(render_hand, char, size)[0]] for char in letters}
    return measure_paths(drawn, size * 0.3)


def test_missing_characters_come_from_the_closest_font_in_size_and_slant(two_hands) -> None:
    """An upright round hand and a small hand leaning hard right get different stand-ins,
    each drawn at the hand's x-height and at its slant."""
    from lovebridge.core.hand.measure import CAPITALS, UPRIGHTS, X_LETTERS
    from lovebridge.render.hand_match import font_measures, measure_paths

    chosen = {}
    for hand in two_hands:
        render_hand = hand_font.registered(hand_font.register_hand(hand))
        hand_seen = measure_paths({text: [path for path, _a in takes]
                                   for text, takes in render_hand.paths.items()}, 0.5)
        size = 24.0
        em = size * render_hand.em_per_xheight
        drawn = _drawn_measures(render_hand, X_LETTERS + UPRIGHTS + CAPITALS, size)
        # Size: the stand-in's x-height is the hand's own at this writing size.
        assert drawn.x_height == pytest.approx(hand_seen.x_height * em, rel=0.1)
        # Slant: the stand-in leans as the hand does.
        assert drawn.slant == pytest.approx(hand_seen.slant, abs=3.0)
        # Capitals stand as tall over the small letters as the hand's (no giant capitals).
        assert drawn.capital_ratio == pytest.approx(hand_seen.capital_ratio, rel=0.25)
        chosen[hand.name] = (render_hand.fallback, hand_seen.slant)
    assert chosen["Robin"][0] != chosen["Ines"][0]
    assert abs(chosen["Robin"][1]) < 8 and chosen["Ines"][1] > 20  # the hands really differ
    # The upright hand's stand-in is an upright font; the leaning hand's one leans of itself.
    assert abs(font_measures(chosen["Robin"][0]).slant) < 6
    assert font_measures(chosen["Ines"][0]).slant > 10
    # And a note in either hand prints its missing characters (é, €) with its text intact.
    data, _ = render_pdf_bytes(NoteContent("Café € naïve", "", "", ""), _style("hand:Ines"))
    assert words(pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()) == [
        "Café", "€", "naïve"]


def test_tails_of_one_line_clear_the_tall_letters_of_the_next(hand_key) -> None:
    """A hand with long ascenders and descenders is written small enough for its line pitch
    (the g of "morning" once ran into the h of "hot" on the line below)."""
    import statistics

    from lovebridge.render.handwriting import pitch_for

    render_hand = hand_font.registered(hand_key)
    size = 20.0
    em = size * render_hand.em_per_xheight

    def median_edge(letters: str, edge) -> float:
        return statistics.median(edge(path.boundingRect()) * em for text in letters
                                 for path, _advance in render_hand.paths[text])

    descender = median_edge("gjpqy", lambda rect: rect.bottom())
    ascender = -median_edge("bdhklt", lambda rect: rect.top())
    x_height = -median_edge("xnmuvw", lambda rect: rect.top())
    pitch = pitch_for(hand_key, size)
    assert ascender + descender < 0.95 * pitch
    assert x_height > 0.3 * pitch  # still a comfortable size to read


def test_a_tail_below_the_line_does_not_push_its_letter_away(hand_key) -> None:
    """A g or y whose tail sweeps left stands as close to the letter before it as an a does
    (it read "mornin g"): letters are spaced by what they write above the line."""
    import statistics

    render_hand = hand_font.registered(hand_key)

    def body_gap(letters: str) -> float:
        """Median room from the pen's start to the letter's ink above the line, in ems."""
        gaps = []
        for text in letters:
            for path, _advance in render_hand.paths[text]:
                xs = [point.x() for polygon in path.toFillPolygons() for point in polygon
                      if point.y() <= 0.0]
                gaps.append(min(xs))
        return statistics.median(gaps)

    tails, plain = body_gap("gy"), body_gap("aco")
    assert tails < plain + 0.03, (tails, plain)


def test_letters_of_a_slanted_hand_stand_as_close_as_an_upright_hands(two_hands) -> None:
    """Each letter's lean once widened its box, so a slanted hand read "J o n a h"."""
    import statistics

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainterPath

    def gap(hand) -> float:
        """Median room beside a small letter at half its height, in x-heights."""
        render_hand = hand_font.registered(hand_font.register_hand(hand))
        gaps = []
        for text in "nmuoaec":
            for path, advance in render_hand.paths[text]:
                row = QPainterPath()
                row.addRect(QRectF(-1, -0.27, 3, 0.04))
                band = path.intersected(row).boundingRect()
                gaps.append((advance - band.width()) / 0.5)
        return statistics.median(gaps)

    upright, leaning = (gap(hand) for hand in two_hands)
    assert leaning < upright + 0.06, (leaning, upright)


def test_the_kept_font_measures_are_what_measuring_gives(qapp) -> None:
    """resources/fonts/measures.json spares the GUI thread measuring every font; it must not
    drift from the fonts or the measure (run tools/font_measures.py after changing either)."""
    from lovebridge.render.fonts import FONTS
    from lovebridge.render.hand_match import _stored_measures, measure_font

    stored = _stored_measures()
    assert set(stored) == {font.key for font in FONTS}
    for font in FONTS:
        fresh = measure_font(font.key)
        assert stored[font.key].slant == pytest.approx(fresh.slant, abs=0.05), font.key
        assert stored[font.key].capital_ratio == pytest.approx(fresh.capital_ratio, abs=0.002)
        assert stored[font.key].weight == pytest.approx(fresh.weight, abs=0.0005)
        assert stored[font.key].x_height == pytest.approx(fresh.x_height, rel=1e-3)
