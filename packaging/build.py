"""Build LoveBridge's installers for this platform: `python packaging/build.py`.

1. PyInstaller builds the app as a folder (onedir) from packaging/lovebridge.spec:
   dist/lovebridge/ (and dist/LoveBridge.app on macOS).
2. The platform's installers: on Linux a .deb and a .tar.gz; on Windows an Inno Setup installer
   (when `iscc` is installed, otherwise the command to run is printed); on macOS a .dmg.

Run it with the Python whose environment has LoveBridge's dependencies and the `packaging` extra
(`pip install -e ".[packaging]"`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "lovebridge.spec"
INNO_SCRIPT = ROOT / "packaging" / "windows" / "lovebridge.iss"
DMG_SCRIPT = ROOT / "packaging" / "macos" / "make_dmg.sh"


def project_version() -> str:
    """The version in pyproject.toml: the one every artefact is named after."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return data["project"]["version"]


def run_pyinstaller(dist: Path, work: Path, clean: bool) -> Path:
    """Build the onedir app; returns its folder."""
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work),
    ]
    if clean:
        command.append("--clean")
    subprocess.run([*command, str(SPEC)], check=True, cwd=ROOT)
    return dist / "lovebridge"


def find_iscc() -> str | None:
    """Inno Setup's compiler, on the PATH or where its installer puts it."""
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for variable in ("PROGRAMFILES(X86)", "PROGRAMFILES"):
        candidate = Path(os.environ.get(variable) or "C:/Program Files (x86)")
        candidate = candidate / "Inno Setup 6" / "ISCC.exe"
        if candidate.exists():
            return str(candidate)
    return None


def build_windows(dist: Path, version: str) -> list[Path]:
    command = [
        f"/DAppVersion={version}", f"/DSourceDir={dist / 'lovebridge'}", f"/DOutputDir={dist}",
        str(INNO_SCRIPT),
    ]
    iscc = find_iscc()
    if iscc is None:
        print("Inno Setup is not installed; to make the installer, install Inno Setup 6 and run:")
        print("  iscc " + " ".join(f'"{part}"' for part in command))
        return []
    subprocess.run([iscc, *command], check=True)
    return [dist / f"LoveBridge-{version}-setup.exe"]


def build_macos(dist: Path, version: str) -> list[Path]:
    subprocess.run(["bash", str(DMG_SCRIPT), str(dist / "LoveBridge.app"), version, str(dist)],
                   check=True)
    return [dist / "LoveBridge.app", dist / f"LoveBridge-{version}.dmg"]


def build_linux(
    onedir: Path, dist: Path, work: Path, version: str, compression: str
) -> list[Path]:
    sys.path.insert(0, str(ROOT / "packaging" / "linux"))
    from build_deb import build_deb, build_tarball

    artefacts = [build_tarball(onedir, dist, version)]
    if shutil.which("dpkg-deb"):
        artefacts.insert(0, build_deb(onedir, dist, work, version, compression))
    else:
        print("dpkg-deb is not installed (it comes with dpkg on Debian and Ubuntu): no .deb made")
    return artefacts


def size_mib(path: Path) -> float:
    if path.is_dir():
        total = sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    else:
        total = path.stat().st_size
    return total / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build LoveBridge's installers for this platform.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder"
    )
    parser.add_argument(
        "--deb-compression", choices=("zstd", "xz"), default="zstd",
        help="zstd builds in seconds (dpkg 1.21.18+: Debian 12, Ubuntu 22.04 and later); "
        "xz is ~15%% smaller but takes minutes",
    )
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's caches first")
    parser.add_argument("--app-only", action="store_true", help="build the onedir app only")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    version = project_version()
    started = time.monotonic()

    onedir = run_pyinstaller(dist, work, args.clean)
    artefacts = [onedir]
    if not args.app_only:
        if sys.platform.startswith("linux"):
            artefacts += build_linux(onedir, dist, work, version, args.deb_compression)
        elif sys.platform == "win32":
            artefacts += build_windows(dist, version)
        elif sys.platform == "darwin":
            artefacts += build_macos(dist, version)

    print(f"LoveBridge {version} built in {time.monotonic() - started:.0f} s:")
    for path in artefacts:
        print(f"  {path.relative_to(dist.parent) if path.is_relative_to(dist.parent) else path}"
              f"  ({size_mib(path):.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
