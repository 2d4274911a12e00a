"""Linux installers from the PyInstaller onedir: a .deb (dpkg-deb) and a .tar.gz.

The .deb puts the app in /opt/lovebridge, a `lovebridge` command in /usr/bin, the menu entry,
AppStream metadata and the icon in the hicolor theme. Removing it leaves the user's data alone.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import subprocess
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DESKTOP_ID = "app.lovebridge.LoveBridge"
INSTALL_DIR = "opt/lovebridge"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# What Qt's xcb/wayland platforms, fonts, D-Bus and printing need from the system. The bundle
# carries Python, Qt and the Python libraries; these come from the distribution.
DEPENDS = (
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-image0",
    "libxcb1",
    "libzstd1",
    "liblzma5",
    "libx11-xcb1",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libglib2.0-0 | libglib2.0-0t64",
    "libcups2 | libcups2t64",
)
RECOMMENDS = ("libwayland-client0", "libwayland-cursor0", "libwayland-egl1", "fonts-dejavu-core")

SUMMARY = "private app for couples: warm notes, shared memories, date nights"
DESCRIPTION = """\
 LoveBridge helps a couple talk to each other more, and more warmly. Write a
 note with gentle suggestions and print it in a handwritten style, keep a
 scrapbook of shared memories with photos, and plan date nights, check-ins and
 anniversaries in a calendar.
 .
 Everything stays on this computer: no account, no server, no telemetry."""


def deb_architecture() -> str:
    """The Debian name of this machine's architecture (amd64, arm64, ...)."""
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def glibc_version() -> str:
    """The C library version the bundle was built against: the oldest it can run on."""
    return platform.libc_ver()[1] or "2.31"


def deb_name(version: str) -> str:
    return f"lovebridge_{version}_{deb_architecture()}.deb"


def tarball_name(version: str) -> str:
    return f"lovebridge-{version}-linux-{platform.machine()}.tar.gz"


def stage_tree(onedir: Path, stage: Path) -> None:
    """Lay out the package's files under `stage` as they will be on disk."""
    if stage.exists():
        shutil.rmtree(stage)
    app_dir = stage / INSTALL_DIR
    shutil.copytree(onedir, app_dir, symlinks=True)
    bin_dir = stage / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    # The bootloader resolves its own real path, so a symlink finds the bundle next to it.
    (bin_dir / "lovebridge").symlink_to(f"/{INSTALL_DIR}/lovebridge")
    share = stage / "usr" / "share"
    copy(ROOT / "resources" / "desktop" / f"{DESKTOP_ID}.desktop", share / "applications")
    copy(ROOT / "resources" / "desktop" / f"{DESKTOP_ID}.metainfo.xml", share / "metainfo")
    icons = ROOT / "resources" / "icons"
    for size in ICON_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        copy(icons / f"lovebridge-{size}.png", target, "lovebridge.png")
    copy(icons / "lovebridge.svg", share / "icons" / "hicolor" / "scalable" / "apps")
    copy(HERE / "copyright", share / "doc" / "lovebridge")
    normalise_modes(stage)


def copy(source: Path, folder: Path, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (name or source.name)
    shutil.copyfile(source, target)
    return target


def normalise_modes(stage: Path) -> None:
    """Folders 0755, programs and libraries 0755, everything else 0644 (what Debian expects)."""
    for path in stage.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir() or os.access(path, os.X_OK) or ".so" in path.name:
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def installed_size_kib(stage: Path) -> int:
    files = (p for p in stage.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) // 1024 + 1


def write_control(stage: Path, version: str) -> None:
    """DEBIAN/control, the maintainer scripts and md5sums."""
    control_dir = stage / "DEBIAN"
    control_dir.mkdir()
    md5sums = []
    for path in sorted(stage.rglob("*")):
        if path.is_file() and not path.is_symlink() and control_dir not in path.parents:
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            md5sums.append(f"{digest}  {path.relative_to(stage).as_posix()}")
    maintainer = os.environ.get(
        "LOVEBRIDGE_MAINTAINER", "The LoveBridge team <maintainers@lovebridge.invalid>"
    )
    fields = {
        "Package": "lovebridge",
        "Version": version,
        "Architecture": deb_architecture(),
        "Maintainer": maintainer,
        "Installed-Size": str(installed_size_kib(stage)),
        "Depends": ", ".join((f"libc6 (>= {glibc_version()})", *DEPENDS)),
        "Recommends": ", ".join(RECOMMENDS),
        "Section": "misc",
        "Priority": "optional",
        "Description": f"{SUMMARY}\n{DESCRIPTION}",
    }
    (control_dir / "control").write_text(
        "".join(f"{key}: {value}\n" for key, value in fields.items()), encoding="utf-8"
    )
    (control_dir / "md5sums").write_text("\n".join(md5sums) + "\n", encoding="utf-8")
    for script in ("postinst", "postrm"):
        target = copy(HERE / script, control_dir)
        target.chmod(0o755)


def build_deb(
    onedir: Path, dist: Path, work: Path, version: str, compression: str = "zstd"
) -> Path:
    """Build dist/lovebridge_<version>_<arch>.deb from the onedir."""
    stage = work / "deb" / f"lovebridge_{version}"
    stage_tree(onedir, stage)
    write_control(stage, version)
    target = dist / deb_name(version)
    level = ["-z9"] if compression == "zstd" else []  # 9: most of zstd's gain, still seconds
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", f"-Z{compression}", *level, "--build", str(stage),
         str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return target


def build_tarball(onedir: Path, dist: Path, version: str) -> Path:
    """dist/lovebridge-<version>-linux-<machine>.tar.gz: the onedir plus menu entry and icon."""
    target = dist / tarball_name(version)
    top = f"lovebridge-{version}"
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(onedir, arcname=top)
        desktop = ROOT / "resources" / "desktop" / f"{DESKTOP_ID}.desktop"
        archive.add(desktop, arcname=f"{top}/share/{desktop.name}")
        icon = ROOT / "resources" / "icons" / "lovebridge.svg"
        archive.add(icon, arcname=f"{top}/share/{icon.name}")
    return target
