"""The frozen app and its installers, built with the README's command and checked like a user would.

The build-and-run tests are marked `packaging` (not in the default run; `.ci/run` runs them with
`pytest -m packaging`). They run `python packaging/build.py` once, then start the frozen app,
migrate a database with it, install the .deb (as root), open the menu entry and uninstall.
The icon, desktop-entry and bundle-policy checks are quick and run in the default suite.
"""

from __future__ import annotations

import io
import os
import shlex
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
ONEDIR = DIST / "lovebridge"
APP = ONEDIR / ("lovebridge.exe" if sys.platform == "win32" else "lovebridge")
DESKTOP_ID = "app.lovebridge.LoveBridge"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
    "version"
]
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
BUILD_TIMEOUT_S = 1500
ON_LINUX = sys.platform.startswith("linux")
ON_WINDOWS = sys.platform == "win32"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

sys.path.insert(0, str(ROOT / "packaging"))
import bundle_policy  # noqa: E402

slow_build = [pytest.mark.packaging, pytest.mark.timeout(BUILD_TIMEOUT_S)]


def run_app(
    *args: str, data_dir: Path | None = None, env: dict | None = None, executable: Path = APP
) -> subprocess.CompletedProcess:
    """Run the frozen app (or an installed one) with a clean environment for LoveBridge."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    environment.pop("LOVEBRIDGE_DATA_DIR", None)
    environment.pop("PYTHONPATH", None)  # the frozen app must not lean on the source tree
    command = [str(executable)]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return subprocess.run(
        command + list(args), capture_output=True, text=True, env=environment, timeout=180,
        cwd=data_dir.parent if data_dir else None,
    )


@pytest.fixture(scope="module")
def built() -> Path:
    """Run the README's build command once; returns dist/."""
    result = subprocess.run(
        [sys.executable, "packaging/build.py"], cwd=ROOT, capture_output=True, text=True,
        timeout=BUILD_TIMEOUT_S,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    print(result.stdout)
    return DIST


def deb_path() -> Path:
    matches = sorted(DIST.glob(f"lovebridge_{VERSION}_*.deb"))
    assert matches, f"no .deb in {DIST}"
    return matches[0]


# ---------------------------------------------------------------- quick checks (default suite)


def test_icon_exists_in_every_size_and_format() -> None:
    from PIL import Image

    icons = ROOT / "resources" / "icons"
    for size in ICON_SIZES:
        with Image.open(icons / f"lovebridge-{size}.png") as image:
            assert image.size == (size, size)
            assert image.mode == "RGBA"
            # Rounded corners are transparent; the middle is drawn.
            assert image.getpixel((0, 0))[3] == 0
            assert image.getpixel((size // 2, size // 2))[3] == 255
    with Image.open(icons / "lovebridge.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(icons / "lovebridge.icns") as icns:
        assert icns.size == (1024, 1024)  # 512 pt at Retina density


def test_icon_is_readable_at_16_pixels() -> None:
    """At tray size the pale heart must still stand out from the terracotta tile."""
    from PIL import Image

    with Image.open(ROOT / "resources" / "icons" / "lovebridge-16.png") as image:
        heart = image.getpixel((8, 6))
        tile = image.getpixel((2, 3))
    brightness = lambda rgba: sum(rgba[:3]) / 3  # noqa: E731
    assert brightness(heart) - brightness(tile) > 60


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_entry_is_valid() -> None:
    entry = ROOT / "resources" / "desktop" / f"{DESKTOP_ID}.desktop"
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_appstream_metainfo_is_valid() -> None:
    metainfo = ROOT / "resources" / "desktop" / f"{DESKTOP_ID}.metainfo.xml"
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_bundle_policy_drops_what_the_app_does_not_use() -> None:
    keep = bundle_policy.keep_entry
    assert keep("PySide6/Qt/lib/libQt6Widgets.so.6")
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert keep("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert keep("PySide6/Qt/plugins/iconengines/libqsvgicon.so")
    assert keep("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so")
    assert keep("PySide6/plugins/platforms/qwindows.dll")
    assert keep("resources/icons/lovebridge.svg")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    # Qt's own words for its standard dialogs, in the languages the interface speaks only.
    assert keep("PySide6/Qt/translations/qtbase_es.qm")
    assert keep("PySide6/Qt/translations/qtbase_en.qm")
    assert keep("PySide6/translations/qtbase_es.qm")  # Windows: no Qt/ folder in the wheel
    assert not keep("PySide6/Qt/translations/qt_es.qm")  # points at catalogues left out
    assert not keep("PySide6/Qt/translations/qtmultimedia_es.qm")
    assert not keep("PySide6/Qt/translations/qt_help_es.qm")
    assert not keep("PySide6/Qt/translations/qtbase_pt_BR.qm")
    assert not keep("PySide6/Qt/lib/libQt6Network.so.6")
    assert not keep("PySide6/Qt6Quick.dll")
    assert not keep("PySide6/Qt/lib/QtQml.framework/Versions/A/QtQml")
    assert not keep("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert not keep("PySide6/Qt/plugins/sqldrivers/libqsqlite.so")
    assert keep("spellchecker/resources/en.json.gz")
    assert not keep("spellchecker/resources/de.json.gz")
    assert not keep("libcups.so.2")  # the system's CUPS client, a dependency of the .deb
    assert "PySide6.QtNetwork" in bundle_policy.EXCLUDES
    assert not keep("pillow_heif.libs/libx265-4883ecb5.so.217")  # an encoder LoveBridge never runs
    assert keep("pi_heif.libs/libheif-7a3e919c.so.1.23.0")
    assert not keep("alembic/op.pyi") and not keep("PIL/py.typed")
    assert keep("resources/icons/room-write.svg")
    assert not keep("resources/icons/lovebridge.icns")
    assert not keep("resources/icons/lovebridge-512.png")
    assert not keep(f"resources/desktop/{DESKTOP_ID}.desktop")
    assert keep("resources/fonts/caveat/OFL.txt")  # licences travel with the fonts
    assert "multiprocessing" in bundle_policy.EXCLUDES


def test_the_app_draws_its_icons_from_svg_only() -> None:
    """The bundle keeps only the SVG icons: a PNG, .ico or .icns read at run time would be
    missing from the frozen app."""
    import re

    calls = []
    for module in (ROOT / "lovebridge").rglob("*.py"):
        calls += re.findall(r'resource_path\(\s*"icons",([^)]*)\)', module.read_text("utf-8"))
    assert calls, "no icon lookups found: has resource_path moved?"
    for arguments in calls:
        assert ".svg" in arguments, arguments


def test_spell_check_languages_the_app_loads_are_bundled() -> None:
    """The Write room spell-checks with pyspellchecker's default language; the bundle keeps
    only the word lists in SPELLING_LANGUAGES, so every language asked for must be there."""
    import inspect
    import re

    from spellchecker import SpellChecker

    default = inspect.signature(SpellChecker).parameters["language"].default
    asked = set()
    for module in (ROOT / "lovebridge").rglob("*.py"):
        for arguments in re.findall(r"SpellChecker\(([^)]*)\)", module.read_text("utf-8")):
            found = re.search(r"language\s*=\s*['\"]([\w-]+)['\"]", arguments)
            asked.add(found.group(1) if found else default)
    assert asked, "the app no longer builds a SpellChecker: update SPELLING_LANGUAGES"
    assert asked <= bundle_policy.SPELLING_LANGUAGES
    word_lists = Path(inspect.getfile(SpellChecker)).parent / "resources"
    for language in bundle_policy.SPELLING_LANGUAGES:
        assert (word_lists / f"{language}.json.gz").is_file(), language


def test_every_qt_catalogue_the_app_loads_is_kept_in_the_bundle(qapp) -> None:
    """Spanish buttons in Qt's own dialogs come from qtbase_es.qm: the bundle must carry each
    Qt catalogue the interpreter installs, for every language the interface ships."""
    from PySide6.QtWidgets import QDialogButtonBox

    from lovebridge.ui.i18n import Interpreter

    interpreter = Interpreter()
    try:
        for language in sorted(bundle_policy.interface_languages()):
            interpreter.install(qapp, language)
            qt_files = [name for name in interpreter.catalogues()
                        if not name.startswith("lovebridge_")]
            assert qt_files == [f"qtbase_{language}.qm"], language
            for name in qt_files:
                assert bundle_policy.keep_entry(f"PySide6/Qt/translations/{name}"), name
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert buttons.buttons()[0].text() == "Cancelar"  # Spanish, the last one installed
    finally:
        interpreter.uninstall(qapp)
    assert bundle_policy.interface_languages() >= {"en", "es"}


# ---------------------------------------------------------------- the frozen app (packaging)


@pytest.mark.packaging
@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_build_command_makes_the_onedir_and_installers(built: Path) -> None:
    assert APP.is_file() and os.access(APP, os.X_OK)
    if not ON_LINUX:
        return
    tarball = built / f"lovebridge-{VERSION}-linux-{os.uname().machine}.tar.gz"
    with tarfile.open(tarball) as archive:
        names = set(archive.getnames())
    assert f"lovebridge-{VERSION}/lovebridge" in names
    assert f"lovebridge-{VERSION}/share/{DESKTOP_ID}.desktop" in names

    listing = subprocess.run(
        ["dpkg-deb", "-c", str(deb_path())], capture_output=True, text=True, check=True
    ).stdout
    for path in (
        "./opt/lovebridge/lovebridge",
        "./usr/bin/lovebridge -> /opt/lovebridge/lovebridge",
        f"./usr/share/applications/{DESKTOP_ID}.desktop",
        f"./usr/share/metainfo/{DESKTOP_ID}.metainfo.xml",
        "./usr/share/icons/hicolor/scalable/apps/lovebridge.svg",
        *(f"./usr/share/icons/hicolor/{s}x{s}/apps/lovebridge.png" for s in ICON_SIZES),
    ):
        assert path in listing, path
    fields = subprocess.run(
        ["dpkg-deb", "-f", str(deb_path()), "Version", "Depends"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert f"Version: {VERSION}" in fields
    for library in ("libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libcups2", "libdbus-1-3"):
        assert library in fields


@pytest.mark.packaging
@pytest.mark.skipif(not ON_LINUX, reason="the freedesktop validators are Linux tools")
def test_menu_entry_and_metainfo_pass_the_freedesktop_validators() -> None:
    """Strict twin of the quick checks above: here a missing validator is a failure."""
    desktop = ROOT / "resources" / "desktop"
    for command in (
        ["desktop-file-validate", str(desktop / f"{DESKTOP_ID}.desktop")],
        ["appstreamcli", "validate", "--no-net", str(desktop / f"{DESKTOP_ID}.metainfo.xml")],
    ):
        assert shutil.which(command[0]), f"{command[0]} is not installed (see .ci/run)"
        result = subprocess.run(command, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.packaging
@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_bundle_carries_resources_and_migrations_but_no_dead_weight(built: Path) -> None:
    internal = ONEDIR / "_internal"
    assert (internal / "resources" / "icons" / "lovebridge.svg").is_file()
    source_versions = sorted(
        p.name for p in (ROOT / "lovebridge/store/migrations/versions").glob("*.py")
    )
    bundled_versions = sorted(
        p.name for p in (internal / "lovebridge/store/migrations/versions").glob("*.py")
    )
    assert bundled_versions == source_versions
    assert (internal / "lovebridge/store/migrations/env.py").is_file()
    # Qt's catalogue for its standard dialogs (print, file) in each interface language only.
    qt_translations = internal / "PySide6" / ("translations" if ON_WINDOWS else "Qt/translations")
    assert sorted(p.name for p in qt_translations.iterdir()) == sorted(
        f"qtbase_{lang}.qm" for lang in bundle_policy.interface_languages())
    assert (qt_translations / "qtbase_es.qm").is_file()
    bundled = [p.name for p in internal.rglob("*")]
    for unwanted in ("Qt6Network", "Qt6Qml", "Qt6Quick", "Qt6Pdf", "libqgtk3", "_tkinter"):
        assert not [name for name in bundled if unwanted in name], unwanted
    dangling = [p for p in ONEDIR.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []


@pytest.mark.packaging
@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_bundle_leaves_out_encoders_and_second_copies_of_libraries(built: Path) -> None:
    internal = ONEDIR / "_internal"
    names = {p.name for p in internal.rglob("*")}
    # HEIC is decoded by pi-heif's libheif and libde265; the x265 encoder stays out.
    assert not [name for name in names if "x265" in name or "pillow_heif" in name]
    assert list((internal / "pi_heif.libs").glob("libheif-*"))
    assert list((internal / "pi_heif.libs").glob("libde265-*"))
    # Only the English word list, the language the Write room checks.
    word_lists = sorted(p.name for p in (internal / "spellchecker" / "resources").iterdir())
    assert word_lists == sorted(f"{lang}.json.gz" for lang in bundle_policy.SPELLING_LANGUAGES)
    assert {p.suffix for p in (internal / "resources" / "icons").iterdir()} == {".svg"}
    assert not [p for p in internal.rglob("*.pyi")]
    if ON_LINUX:
        # Pillow's vendored libxcb, libXau, zstd and xz gave way to the usual libraries.
        pillow_libs = {p.name.split("-")[0] for p in (internal / "pillow.libs").iterdir()}
        assert not pillow_libs & {"libxcb", "libXau", "libzstd", "liblzma"}, pillow_libs
        imaging = next((internal / "PIL").glob("_imaging.*"))
        assert "libxcb.so.1" in bundle_policy.direct_imports(str(imaging))
        for name in ("libzstd.so.1", "liblzma.so.5"):
            assert (internal / name).is_file(), name  # libtiff's zstd and xz, from the bundle


def make_photos(folder: Path) -> dict[str, tuple[int, int, int]]:
    """One small photo in each format LoveBridge accepts, each a different flat colour."""
    import pillow_heif
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    colours = {
        "beach.jpg": (30, 120, 200), "cake.png": (230, 180, 40), "garden.webp": (40, 160, 70),
        "wave.gif": (200, 40, 40), "phone.heic": (120, 60, 170),
    }
    for name, colour in colours.items():
        image = Image.new("RGB", (640, 480), colour)
        if name.endswith(".heic"):  # pillow-heif in the test set-up can encode; the app cannot
            pillow_heif.from_pillow(image).save(folder / name, quality=90)
        else:
            image.save(folder / name)
    return colours


@pytest.mark.packaging
@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_frozen_app_imports_heic_jpeg_png_webp_and_gif_photos(
    built: Path, tmp_path: Path
) -> None:
    """Each photo is decoded in full for its thumbnail: the thumbnail shows the photo's colour."""
    from PIL import Image

    colours = make_photos(tmp_path / "photos")
    data = tmp_path / "data"
    result = run_app(
        "scrapbook", "import", *(str(tmp_path / "photos" / name) for name in colours),
        "--title", "Our first trip", data_dir=data,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Photos: {len(colours)}." in result.stdout, result.stdout + result.stderr
    stored = {p.suffix for p in (data / "photos").rglob("*") if p.is_file()}
    assert stored == {".jpg", ".png", ".webp", ".gif", ".heic"}
    thumbnails = [p for p in (data / "cache" / "thumbnails").rglob("*") if p.is_file()]
    assert len(thumbnails) == len(colours)
    seen = []
    for thumbnail in thumbnails:
        with Image.open(thumbnail) as image:
            seen.append(image.convert("RGB").getpixel((image.width // 2, image.height // 2)))
    for colour in colours.values():
        assert any(max(abs(a - b) for a, b in zip(pixel, colour, strict=True)) <= 12
                   for pixel in seen), (colour, seen)


@pytest.mark.packaging
@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_frozen_app_is_a_big_imports_second_photo_reader(built: Path, tmp_path: Path) -> None:
    """A folder import of 300 photos or more starts the frozen app again, with a hidden
    argument, to read half the photos (core/importers/second_reader.py): it answers for every
    kind of photo, HEIC too, from the last file back; and such a folder imports whole."""
    import pickle
    import random

    from PIL import Image

    from lovebridge.core.importers import PHOTO_READER_ARGUMENT
    from lovebridge.core.importers.plan import CandidatePhoto

    colours = make_photos(tmp_path / "photos")
    files = [str(tmp_path / "photos" / name) for name in sorted(colours)]
    environment = {**os.environ}
    environment.pop("PYTHONPATH", None)
    finished = subprocess.run([str(APP), PHOTO_READER_ARGUMENT],
                              input=pickle.dumps((True, files)), capture_output=True,
                              timeout=120, env=environment, check=True)
    answers = io.BytesIO(finished.stdout)
    sent = []
    while answers.tell() < len(finished.stdout):
        sent.append(pickle.load(answers))
    assert [index for index, _result in sent] == list(range(len(files) - 1, -1, -1))
    for index, result in sent:
        assert isinstance(result, CandidatePhoto), result
        assert str(result.path) == files[index] and result.dhash is not None
        assert result.info is not None and Path(files[index]).suffix == f".{result.info.extension}"

    roll = tmp_path / "roll"
    roll.mkdir()
    for number in range(320):
        noise = random.Random(number).randbytes(24 * 24 * 3)
        Image.frombytes("RGB", (24, 24), noise).save(roll / f"IMG_{number:04}.png")
    result = run_app("scrapbook", "import-folder", str(roll), "--yes", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "photos 320." in result.stdout, result.stdout


@pytest.mark.packaging
@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_frozen_app_backs_up_restores_and_round_trips_a_calendar(
    built: Path, tmp_path: Path
) -> None:
    """Hashes, archives, time zones and iCalendar in the frozen app (bytecode built as -OO)."""
    make_photos(tmp_path / "photos")
    home = tmp_path / "home"
    imported = run_app("scrapbook", "import", str(tmp_path / "photos" / "phone.heic"),
                       "--title", "Tokyo", data_dir=home)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    calendar = tmp_path / "in.ics"
    calendar.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//LoveBridge tests//EN\r\nBEGIN:VEVENT\r\n"
        "UID:ramen@lovebridge.test\r\nDTSTAMP:20261101T120000Z\r\n"
        "DTSTART;TZID=Asia/Tokyo:20261205T190000\r\nDTEND;TZID=Asia/Tokyo:20261205T210000\r\n"
        "SUMMARY:Ramen night\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    added = run_app("dates", "import", str(calendar), data_dir=home)
    assert added.returncode == 0 and "Plans imported: 1." in added.stdout, \
        added.stdout + added.stderr
    archive = tmp_path / "all.lovebridge"
    backup = run_app("backup", "create", str(archive), data_dir=home)
    assert backup.returncode == 0, backup.stdout + backup.stderr

    elsewhere = tmp_path / "elsewhere"
    restored = run_app("backup", "restore", str(archive), data_dir=elsewhere)
    assert restored.returncode == 0, restored.stdout + restored.stderr
    check = run_app("check", data_dir=elsewhere)
    assert "memories 1, photos 1, plans 1" in check.stdout, check.stdout + check.stderr
    assert "Integrity: ok" in check.stdout
    exported = tmp_path / "out.ics"
    out = run_app("dates", "export", str(exported), data_dir=elsewhere)
    assert out.returncode == 0, out.stdout + out.stderr
    text = exported.read_text(encoding="utf-8")
    assert "DTSTART;TZID=Asia/Tokyo:20261205T190000" in text
    assert "RRULE:FREQ=WEEKLY;COUNT=3" in text


@pytest.mark.packaging
@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_frozen_app_reports_the_project_version(built: Path) -> None:
    result = run_app("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"LoveBridge {VERSION}"


@pytest.mark.packaging
@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_frozen_check_creates_a_database_at_the_newest_schema(built: Path, tmp_path: Path) -> None:
    from lovebridge.store.migrate import head_revision

    data = tmp_path / "data"
    result = run_app("check", data_dir=data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Schema: {head_revision()}" in result.stdout
    assert "Integrity: ok" in result.stdout
    assert (data / "lovebridge.db").is_file()
    again = run_app("check", data_dir=data)  # a second start finds nothing to migrate
    assert again.returncode == 0 and "Integrity: ok" in again.stdout


@pytest.mark.packaging
@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_frozen_app_upgrades_an_old_database(built: Path, tmp_path: Path) -> None:
    from lovebridge.store.migrate import head_revision

    data = tmp_path / "old"
    data.mkdir(mode=0o700)
    shutil.copyfile(ROOT / "tests" / "fixtures" / "schema-0001.db", data / "lovebridge.db")
    result = run_app("check", data_dir=data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Schema: {head_revision()}" in result.stdout
    if head_revision() != "0001_initial":  # a real upgrade sets the old file aside first
        assert list((data / "backups" / "pre-migration").glob("lovebridge-0001_initial-*.db"))


@pytest.mark.packaging
@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_frozen_app_opens_its_window_offscreen_and_quits_cleanly(
    built: Path, tmp_path: Path
) -> None:
    data = tmp_path / "gui"
    result = run_app(data_dir=data, env={"LOVEBRIDGE_QUIT_AFTER_MS": "1500"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "LoveBridge smoke test: main window shown" in result.stdout
    assert "Traceback" not in result.stderr
    assert "qt.qpa.plugin" not in result.stderr  # every platform plugin it needs loaded
    assert (data / "lovebridge.db").is_file()


@pytest.mark.packaging
@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_frozen_app_on_a_spanish_system_loads_its_own_and_qts_spanish_catalogues(
    built: Path, tmp_path: Path
) -> None:
    spanish = {"LC_ALL": "es_ES.UTF-8", "LANG": "es_ES.UTF-8", "LANGUAGE": "es",
               "LOVEBRIDGE_QUIT_AFTER_MS": "1500"}
    result = run_app(data_dir=tmp_path / "es", env=spanish)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "LoveBridge smoke test: catalogues lovebridge_es.qm qtbase_es.qm" in result.stdout


@pytest.mark.packaging
@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_frozen_app_renders_a_note_to_pdf_with_the_bundled_fonts(
    built: Path, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    out = tmp_path / "note.pdf"
    result = run_app(
        "note", "render", "--text", "Thank you for Sunday, the pancakes were perfect.",
        "--to", "Jonah", "--font", "caveat", "--out", str(out), data_dir=tmp_path / "notes",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    reader = PdfReader(out)
    assert len(reader.pages) >= 1
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "pancakes were perfect" in " ".join(text.split())
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont", "")))
    # Caveat is one of the handwriting fonts under resources/fonts: it came from the bundle.
    assert any("caveat" in name.lower() for name in fonts), fonts


# ---------------------------------------------------------------- the .deb, installed (root)


@pytest.mark.packaging
@pytest.mark.timeout(BUILD_TIMEOUT_S)
@pytest.mark.skipif(
    not (ON_LINUX and IS_ROOT and shutil.which("dpkg")), reason="installing needs dpkg, as root"
)
def test_deb_installs_starts_from_its_menu_entry_and_uninstalls_cleanly(
    built: Path, tmp_path: Path
) -> None:
    already = subprocess.run(["dpkg", "-s", "lovebridge"], capture_output=True, text=True)
    if already.returncode == 0 and "Status: install ok installed" in already.stdout:
        pytest.skip("a LoveBridge package is already installed on this machine; not touching it")
    user_data = tmp_path / "home" / ".local" / "share" / "lovebridge"
    installed = subprocess.run(["dpkg", "-i", str(deb_path())], capture_output=True, text=True)
    try:
        assert installed.returncode == 0, installed.stdout + installed.stderr
        assert Path("/opt/lovebridge/lovebridge").is_file()
        version = run_app("--version", executable=Path("/usr/bin/lovebridge"))
        assert version.stdout.strip() == f"LoveBridge {VERSION}", version.stderr

        entry = Path(f"/usr/share/applications/{DESKTOP_ID}.desktop")
        exec_line = next(
            line.split("=", 1)[1] for line in entry.read_text().splitlines()
            if line.startswith("Exec=")
        )
        environment = {
            **os.environ, "QT_QPA_PLATFORM": "offscreen", "LOVEBRIDGE_QUIT_AFTER_MS": "1500",
            "LOVEBRIDGE_DATA_DIR": str(user_data),
            "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        }
        environment.pop("PYTHONPATH", None)
        started = subprocess.run(
            shlex.split(exec_line), capture_output=True, text=True, env=environment, timeout=180,
            cwd=tmp_path,
        )
        assert started.returncode == 0, started.stdout + started.stderr
        assert "LoveBridge smoke test: main window shown" in started.stdout
        assert Path("/usr/share/icons/hicolor/48x48/apps/lovebridge.png").is_file()
        assert Path("/usr/share/icons/hicolor/scalable/apps/lovebridge.svg").is_file()
        database = user_data / "lovebridge.db"
        assert database.is_file()
        before = database.read_bytes()
    finally:
        removed = subprocess.run(["dpkg", "-r", "lovebridge"], capture_output=True, text=True)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not Path("/opt/lovebridge").exists()
    assert not Path("/usr/bin/lovebridge").exists()
    assert not Path(f"/usr/share/applications/{DESKTOP_ID}.desktop").exists()
    assert database.read_bytes() == before  # the couple's data is theirs: never removed
