"""The frozen app and its installers, built with the README's command and checked like a user would.

The build-and-run tests are marked `packaging` (not in the default run; `.ci/run` runs them with
`pytest -m packaging`). They run `python packaging/build.py` once, then start the frozen app,
migrate a database with it, install the .deb (as root), open the menu entry and uninstall.
The icon, desktop-entry and bundle-policy checks are quick and run in the default suite.
"""

from __future__ import annotations

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
    assert not keep("PySide6/Qt/lib/libQt6Network.so.6")
    assert not keep("PySide6/Qt6Quick.dll")
    assert not keep("PySide6/Qt/lib/QtQml.framework/Versions/A/QtQml")
    assert not keep("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert not keep("PySide6/Qt/plugins/sqldrivers/libqsqlite.so")
    assert keep("spellchecker/resources/en.json.gz")
    assert not keep("spellchecker/resources/de.json.gz")
    assert not keep("libcups.so.2")  # the system's CUPS client, a dependency of the .deb
    assert "PySide6.QtNetwork" in bundle_policy.EXCLUDES


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
    assert not (internal / "PySide6" / "Qt" / "translations").exists()
    bundled = [p.name for p in internal.rglob("*")]
    for unwanted in ("Qt6Network", "Qt6Qml", "Qt6Quick", "Qt6Pdf", "libqgtk3", "_tkinter"):
        assert not [name for name in bundled if unwanted in name], unwanted
    dangling = [p for p in ONEDIR.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []


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
