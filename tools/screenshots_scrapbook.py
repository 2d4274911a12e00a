"""Screenshots of the Scrapbook room, light and dark, on a sample scrapbook of a few dozen memories.

    python tools/screenshots_scrapbook.py [OUT_DIR]

Makes a throw-away data folder, draws sample photos with Pillow, fills the scrapbook, then
renders the timeline, a memory page, the photo viewer, the trash and the book dialog, plus the
first pages of a photo book (PNG via pdftoppm when it is installed).
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageOps
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from shot_kit import ROOT, couple_context

from lovebridge.core.context import AppContext
from lovebridge.core.scrapbook.book import gather_year
from lovebridge.core.scrapbook.photo_import import PhotoImporter
from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft, PhotoPlacement
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.core.scrapbook.trash import TrashService
from lovebridge.render.book import render_book_pdf
from lovebridge.ui.settings import Settings
from lovebridge.ui.shell.window import SCRAPBOOK, MainWindow
from lovebridge.ui.theme import apply_theme

PALETTES = [
    ((255, 183, 148), (255, 236, 210), (94, 140, 120)),   # golden hour over green hills
    ((120, 170, 220), (220, 236, 250), (60, 110, 160)),   # blue sea day
    ((64, 52, 104), (236, 140, 120), (40, 36, 60)),       # dusk
    ((250, 210, 170), (255, 245, 230), (190, 120, 90)),   # desert / terracotta
    ((160, 200, 190), (235, 245, 235), (70, 120, 90)),    # misty forest
    ((30, 40, 80), (90, 90, 150), (20, 20, 40)),          # city night
]


def draw_scene(seed: int, size: tuple[int, int] = (1200, 900)) -> Image.Image:
    """A small painted landscape: a sky, a sun or moon, layered hills or a sea."""
    rng = random.Random(seed)
    width, height = size
    top, bottom, land = PALETTES[seed % len(PALETTES)]
    gradient = ImageOps.colorize(Image.linear_gradient("L").resize(size), top, bottom)
    image = gradient.convert("RGB")
    draw = ImageDraw.Draw(image)
    radius = rng.randint(height // 14, height // 8)
    cx, cy = rng.randint(radius, width - radius), rng.randint(height // 6, height // 2)
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius),
                 fill=(255, 244, 214) if seed % 6 != 5 else (245, 245, 255))
    for layer in range(3):
        base = int(height * (0.55 + 0.13 * layer))
        shade = tuple(max(0, min(255, c + 25 * (2 - layer) - 10 * layer)) for c in land)
        points = [(0, height)]
        for x in range(0, width + 60, 60):
            points.append((x, base + int(rng.gauss(0, height * 0.03))))
        points.append((width, height))
        draw.polygon(points, fill=shade)
    if seed % 6 == 5:  # city lights
        for _ in range(160):
            x, y = rng.randint(0, width), rng.randint(int(height * 0.6), height)
            draw.rectangle((x, y, x + 4, y + 6), fill=(255, 214, 140))
    for _ in range(2):  # two figures, side by side
        x = width // 2 + rng.randint(-width // 5, width // 5)
        y = int(height * 0.78)
        draw.ellipse((x - 14, y - 90, x + 14, y - 62), fill=(50, 40, 40))
        draw.rounded_rectangle((x - 20, y - 62, x + 20, y + 10), radius=12, fill=(50, 40, 40))
    return image.filter(ImageFilter.GaussianBlur(0.6))


def save_photo(image: Image.Image, path: Path, taken: datetime | None = None,
               orientation: int = 1, quality: int = 85) -> Path:
    """Save as JPEG with EXIF time (and orientation, if not upright)."""
    exif = Image.Exif()
    if taken is not None:
        exif[0x0132] = taken.strftime("%Y:%m:%d %H:%M:%S")
    if orientation != 1:
        exif[0x0112] = orientation
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=quality, exif=exif)
    return path


NOW = datetime(2026, 11, 23, 18, 30, tzinfo=UTC)
MEMORIES = [
    ("Our first coffee", MemoryDate(2019, 4, 12), "Little Bean, Harbour Street",
     "You ordered two cinnamon buns and pretended one was for later.", ("firsts",)),
    ("Picnic in the rain", MemoryDate(2019, 6, 2), "Castle Park",
     "The sky opened and we ate strawberries under the purple umbrella.", ("picnic", "rain")),
    ("Seaside weekend", MemoryDate(2019, 8, 17), "St Ives", "Chips, gulls and a very cold sea.",
     ("beach", "trips")),
    ("Moving in", MemoryDate(2019, 11), "Elm Road", "Boxes everywhere and pizza on the floor.",
     ("home", "firsts")),
    ("First Christmas", MemoryDate(2019, 12, 25), "Your parents' house",
     "Your mum's trifle and the board game that went on until two.", ("family",)),
    ("Lantern festival", MemoryDate(2020, 2, 8), "Riverside", "A thousand lights on the water.",
     ("festivals",)),
    ("Baking bread at home", MemoryDate(2020, 4, 18), "Kitchen",
     "Three loaves, one edible, all of them ours.", ("home", "cooking")),
    ("Hill walk at dawn", MemoryDate(2020, 9, 5), "Kinder Scout",
     "We watched the sun come up with a flask of tea.", ("walks",)),
    ("Your birthday surprise", MemoryDate(2020, 11, 23), "The Blue Door",
     "Everyone hid behind the curtain and you still guessed.", ("birthdays",)),
    ("Road trip north", MemoryDate(2021, 5, 29), "Isle of Skye",
     "Sheep on the road, rainbows every hour.", ("trips",)),
    ("Dancing class", MemoryDate(2021, 10, 14), "Community hall",
     "Two left feet each, and we laughed the whole way home.", ("classes",)),
    ("Winter market", MemoryDate(2021, 12), "Old Town", "Mulled apple and a knitted hat.",
     ("festivals",)),
    ("Lisbon", MemoryDate(2022, 3, 20), "Lisbon", "Tram 28, custard tarts, tiled walls.",
     ("trips", "city")),
    ("Garden gets its first tomatoes", MemoryDate(2022, 7, 9), "Back garden",
     "Seven tomatoes. We named them all.", ("home", "garden")),
    ("Anniversary dinner", MemoryDate(2023, 4, 12), "Luca's",
     "The table by the window, and the same dessert as our first date.", ("anniversary",)),
    ("Camping under stars", MemoryDate(2023, 8, 12), "Dark Sky Park",
     "We counted shooting stars until we fell asleep.", ("trips", "night")),
    ("Snow day", MemoryDate(2023, 12, 3), "Elm Road", "A snowman with your scarf.", ("home",)),
    ("Cooking class", MemoryDate(2024, 2, 24), "Casa Pasta", "Fresh pasta and flour everywhere.",
     ("classes", "cooking")),
    ("Sunset at the pier", MemoryDate(2024, 6, 21), "Brighton",
     "Longest day of the year, and it felt too short.", ("beach",)),
    ("Quiet Sunday", MemoryDate(2024, 9, 15), "Home", "Crosswords and soup.", ("home",)),
    ("Lights in the city", MemoryDate(2024, 11, 23), "Manchester",
     "We walked the Christmas lights and shared a hot chocolate.", ("city", "festivals")),
    ("Spring blossom", MemoryDate(2025, 4, 5), "Botanic gardens", "Pink petals in your hair.",
     ("walks",)),
    ("Wedding of Sam & Ali", MemoryDate(2025, 6, 14), "Lake District",
     "We danced to our song and nobody minded.", ("family", "celebrations")),
    ("Beach day", MemoryDate(2025, 8, 2), "Cornwall", "Rock pools and ice cream.", ("beach",)),
    ("Autumn walk", MemoryDate(2025, 10, 19), "Forest of Dean", "Crunchy leaves, muddy boots.",
     ("walks",)),
    ("Cosy film night", MemoryDate(2026, 1, 17), "Living room",
     "Blanket fort and the film we always quote.", ("home",)),
    ("Paris for two", MemoryDate(2026, 3, 28), "Paris", "Bikes along the Seine at sunset.",
     ("trips", "city")),
    ("Allotment harvest", MemoryDate(2026, 7, 25), "Allotment 14",
     "Courgettes for days.", ("garden",)),
    ("Bonfire night", MemoryDate(2026, 11, 5), "The common", "Sparklers and toffee apples.",
     ("festivals", "night")),
]


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(50)


def fill(ctx: AppContext, source: Path) -> None:
    """Save the sample memories, each with one to four drawn photos."""
    service = MemoryService(ctx)
    importer = PhotoImporter(ctx)
    for number, (title, when, place, story, tags) in enumerate(MEMORIES):
        files = []
        for index in range(1 + number % 4):
            taken = datetime(when.year, when.month or 6, when.day or 1, 12, index)
            files.append(save_photo(draw_scene(number * 7 + index, (900, 675)),
                                    source / f"m{number}-{index}.jpg", taken))
        report = importer.import_files(files)
        service.save(MemoryDraft(
            title, when, place, story_text=story, tags=tags, favourite=number % 5 == 2,
            added_by="ab"[number % 2],
            photos=tuple(PhotoPlacement(p.photo_id, "") for p in report.photos)))


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        ctx = couple_context(Path(tmp) / "data", clock=lambda: NOW)
        paths, store = ctx.paths, ctx.store
        fill(ctx, Path(tmp) / "source")
        trashed = MemoryService(ctx).timeline(0, 40)[5]
        TrashService(ctx).trash_memory(trashed.uuid)
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            window = MainWindow(ctx, Settings(paths.settings_file))
            window.resize(1280, 860)
            window.show()
            window.show_room(SCRAPBOOK)
            room = window.scrapbook_room
            settle(app)
            room.thumbnails.wait_idle()
            settle(app)
            window.grab().save(str(out / f"scrapbook-home-{theme}.png"))
            room.home.search_edit.setText("beach")
            room.home.flush_search()
            settle(app)
            room.thumbnails.wait_idle()
            settle(app)
            window.grab().save(str(out / f"scrapbook-search-{theme}.png"))
            room.home.search_edit.clear()
            room.home.flush_search()
            uuid = MemoryService(ctx).timeline(0, 40)[3].uuid
            room.edit_memory(uuid)
            settle(app)
            room.thumbnails.wait_idle()
            settle(app)
            window.grab().save(str(out / f"scrapbook-memory-{theme}.png"))
            room.open_viewer(0)
            settle(app, 40)
            window.grab().save(str(out / f"scrapbook-viewer-{theme}.png"))
            room.viewer.close_viewer()
            room.show_trash()
            settle(app)
            window.grab().save(str(out / f"scrapbook-trash-{theme}.png"))
            room.show_home()
            dialog = room.open_book_dialog()
            settle(app)
            dialog.grab().save(str(out / f"scrapbook-book-dialog-{theme}.png"))
            dialog.reject()
            window.close()
            settle(app)
        pdf = out / "scrapbook-book-2025.pdf"
        render_book_pdf(gather_year(ctx, 2025), pdf)
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "3", str(pdf),
                            str(out / "scrapbook-book-page")], check=True)
        store.close()
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
