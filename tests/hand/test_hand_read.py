"""Reading photographed capture sheets: recovery under a phone's distortions, hostile photos."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from lovebridge.cli.hand import capture_summary
from lovebridge.core.hand import sheet as geo
from lovebridge.core.hand.photo import SheetPhotoError
from lovebridge.core.hand.reader import read_photo
from lovebridge.core.hand.service import capture_from_photos
from tests.hand.photos import DISTORTIONS, distort, filled_sheet

REQUIRED_SHARE = 0.95


def _recovered_in_place(reading) -> int:
    """Glyphs read from boxes that really hold them (their box's character was written there)."""
    return sum(1 for index, raw in reading.glyphs.items() if raw.box is geo.BOXES[index])


def test_every_distortion_recovers_95_percent(filled_sheet_image, photo_dir, capsys) -> None:
    rows = []
    for kind in DISTORTIONS:
        path = photo_dir / f"{kind.replace(' ', '_')}.jpg"
        distort(filled_sheet_image, kind).save(path, quality=92)
        reading = read_photo(path)
        rows.append((kind, _recovered_in_place(reading), reading))
    with capsys.disabled():
        print("\ndistortion        recovered")
        for kind, count, _reading in rows:
            print(f"{kind:16} {count:4}/{len(geo.BOXES)}  {100 * count / len(geo.BOXES):5.1f}%")
    for kind, count, reading in rows:
        assert count >= REQUIRED_SHARE * len(geo.BOXES), (kind, reading.failed)


def test_glyphs_land_in_their_own_boxes(clean_photo) -> None:
    reading = read_photo(clean_photo)
    # Tall letters come out taller than small ones, commas hang below the line: the outline
    # read for each box is that box's character, not a neighbour's.
    def height(text: str) -> float:
        heights = []
        for raw in reading.glyphs.values():
            if raw.box.text == text:
                ys = [y for contour in raw.contours for _x, y in contour]
                heights.append(max(ys) - min(ys))
        return sum(heights) / len(heights)

    assert height("l") > 1.5 * height("o")
    assert height("A") > 1.4 * height("a")
    commas = [raw for raw in reading.glyphs.values() if raw.box.text == ","]
    assert all(max(y for c in raw.contours for _x, y in c) > 0.3 for raw in commas)


def test_upside_down_photo_reads_the_same(filled_sheet_image, photo_dir) -> None:
    path = photo_dir / "upside_down.jpg"
    filled_sheet_image.rotate(180).save(path, quality=90)
    reading = read_photo(path)
    assert _recovered_in_place(reading) >= REQUIRED_SHARE * len(geo.BOXES)


def test_letter_paper_sheet_reads(photo_dir) -> None:
    path = photo_dir / "letter.png"
    filled_sheet(150, paper="letter").save(path)
    reading = read_photo(path)
    assert reading.paper == "letter"
    assert _recovered_in_place(reading) >= REQUIRED_SHARE * len(geo.BOXES)


def test_half_empty_sheet_says_so_and_a_second_photo_fills_it(photo_dir) -> None:
    first_half = {box.index for box in geo.BOXES if box.index % 2 == 0}
    missing_path = photo_dir / "half.png"
    filled_sheet(150, skip=first_half).save(missing_path)
    capture = capture_from_photos([missing_path], "Maya")
    assert len(capture.failed) == len(first_half)
    assert set(capture.failed) == first_half
    assert capture.looks_empty and "Most of the sheet looks empty" in capture_summary(capture)
    assert all(why == "empty" for why in capture.failed.values())
    other_path = photo_dir / "other_half.png"
    filled_sheet(150, skip=set(range(len(geo.BOXES))) - first_half).save(other_path)
    completed = capture_from_photos([other_path], "Maya", base=capture.hand)
    assert completed.recovered == len(geo.BOXES)
    assert completed.failed == {}
    assert not completed.looks_empty and "Read 232 of 232" in capture_summary(completed)


def test_hostile_photos_give_clear_messages(tmp_path: Path, filled_sheet_image) -> None:
    blank = tmp_path / "blank.jpg"
    Image.new("L", (2000, 1500), 200).save(blank)
    with pytest.raises(SheetPhotoError, match="No LoveBridge sheet was found"):
        read_photo(blank)

    tiny = tmp_path / "tiny.jpg"
    filled_sheet_image.resize((300, 420)).save(tiny)
    with pytest.raises(SheetPhotoError, match="only 300 × 420 pixels"):
        read_photo(tiny)

    huge = tmp_path / "huge.png"
    Image.new("1", (12000, 9000), 1).save(huge)
    with pytest.raises(SheetPhotoError, match="108 megapixels"):
        read_photo(huge)

    not_a_photo = tmp_path / "note.jpg"
    not_a_photo.write_text("hello")
    with pytest.raises(SheetPhotoError, match="could not be opened as a picture"):
        read_photo(not_a_photo)

    half = filled_sheet_image.reduce(2)
    two = tmp_path / "two.png"
    canvas = Image.new("L", (half.size[0] * 2 + 40, half.size[1]), 120)
    canvas.paste(half, (0, 0))
    canvas.paste(filled_sheet(100).reduce(1), (half.size[0] + 40, 0))
    canvas.save(two)
    with pytest.raises(SheetPhotoError, match="more than one handwriting sheet"):
        read_photo(two)

    cropped = tmp_path / "cropped.png"
    filled_sheet_image.crop((0, 0, filled_sheet_image.size[0],
                             filled_sheet_image.size[1] // 2)).save(cropped)
    with pytest.raises(SheetPhotoError, match="Only 2 of the sheet's four corner codes"):
        read_photo(cropped)


def test_unreadable_second_photo_is_reported_not_fatal(clean_photo, tmp_path: Path) -> None:
    blank = tmp_path / "blank.png"
    Image.new("L", (1200, 1600), 230).save(blank)
    capture = capture_from_photos([blank, clean_photo], "Maya")
    assert capture.recovered >= REQUIRED_SHARE * len(geo.BOXES)
    assert capture.problems and capture.problems[0].startswith("blank.png:")


@pytest.mark.slow
@pytest.mark.parametrize("seed", [3, 11, 19, 23, 41, 53, 67, 89])
def test_all_distortions_together_other_takes(filled_sheet_image, tmp_path, seed) -> None:
    path = tmp_path / "all.jpg"
    distort(filled_sheet_image, "all together", seed).save(path, quality=92)
    reading = read_photo(path)
    assert _recovered_in_place(reading) >= REQUIRED_SHARE * len(geo.BOXES), reading.failed
