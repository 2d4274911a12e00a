"""How big is the frozen LoveBridge next to the smallest PySide6 app one can ship?

Builds a bare PySide6 "hello window" with the same PyInstaller and the same bundle policy
(packaging/bundle_policy.py: the same excludes, the same Qt plugin and library pruning, stripped),
packs it into a .deb and a .tar.gz the same way, and prints a table next to LoveBridge's own
onedir, .deb and .tar.gz from dist/ (built first with packaging/build.py unless --no-build).
Goal: LoveBridge's onedir within 1.3x of the bare bundle.

    python tests/perf/bench_bundle.py [--no-build] [--work DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
GOAL_RATIO = 1.3

HELLO = '''\
import sys

from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
label = QLabel("Hello")
label.show()
if "--quit" in sys.argv:
    from PySide6.QtCore import QTimer

    QTimer.singleShot(200, app.quit)
sys.exit(app.exec())
'''

HELLO_SPEC = '''\
import sys
sys.path.insert(0, {packaging!r})
import bundle_policy

a = Analysis([{script!r}], excludes=bundle_policy.EXCLUDES)
bundle_policy.prune(a)
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="hello",
          console=sys.platform.startswith("linux"), strip=sys.platform.startswith("linux"),
          upx=False)
coll = COLLECT(exe, a.binaries, a.datas, strip=sys.platform.startswith("linux"), upx=False,
               name="hello")
'''


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def mib(size: int | None) -> str:
    return "-" if size is None else f"{size / 2**20:8.1f}"


def build_hello(work: Path) -> tuple[Path, float]:
    """The bare PySide6 window, frozen with LoveBridge's policy; returns its onedir and seconds."""
    work.mkdir(parents=True, exist_ok=True)
    script = work / "hello.py"
    script.write_text(HELLO, encoding="utf-8")
    spec = work / "hello.spec"
    spec.write_text(
        HELLO_SPEC.format(packaging=str(ROOT / "packaging"), script=str(script)), encoding="utf-8"
    )
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(spec)],
        check=True,
    )
    return work / "dist" / "hello", time.monotonic() - started


def pack_deb(onedir: Path, work: Path) -> int | None:
    """Size of a minimal .deb of `onedir` made as LoveBridge's is (dpkg-deb, zstd -9)."""
    if not shutil.which("dpkg-deb"):
        return None
    stage = work / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(onedir, stage / "opt" / "hello", symlinks=True)
    (stage / "DEBIAN").mkdir()
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    (stage / "DEBIAN" / "control").write_text(
        f"Package: hello\nVersion: 1.0\nArchitecture: {arch}\nMaintainer: bench <b@b.invalid>\n"
        "Description: bare PySide6 window\n",
        encoding="utf-8",
    )
    target = work / "hello.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zzstd", "-z9", "--build", str(stage), str(target)],
        check=True, stdout=subprocess.DEVNULL,
    )
    return target.stat().st_size


def pack_tarball(onedir: Path, work: Path) -> int:
    target = work / "hello.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(onedir, arcname="hello")
    return target.stat().st_size


def lovebridge_artefacts() -> tuple[Path, int | None, int | None]:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    debs = sorted(DIST.glob(f"lovebridge_{version}_*.deb"))
    tars = sorted(DIST.glob(f"lovebridge-{version}-*.tar.gz"))
    return (
        DIST / "lovebridge",
        debs[0].stat().st_size if debs else None,
        tars[0].stat().st_size if tars else None,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="use LoveBridge's dist/ as is")
    parser.add_argument("--work", type=Path, help="folder for the bare build (default: temp)")
    args = parser.parse_args()

    build_seconds = None
    if not args.no_build:
        started = time.monotonic()
        subprocess.run([sys.executable, "packaging/build.py"], cwd=ROOT, check=True)
        build_seconds = time.monotonic() - started
    onedir, deb, tarball = lovebridge_artefacts()
    if not onedir.is_dir():
        print("dist/lovebridge is missing: run python packaging/build.py first", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory(prefix="lovebridge-bench-") as temp:
        work = args.work or Path(temp)
        hello, hello_seconds = build_hello(work)
        bare = (tree_size(hello), pack_deb(hello, work), pack_tarball(hello, work))
    ours = (tree_size(onedir), deb, tarball)

    print()
    print(f"{'bundle':28}{'onedir MiB':>12}{'.deb MiB':>12}{'.tar.gz MiB':>13}{'build s':>10}")
    print(f"{'bare PySide6 hello window':28}{mib(bare[0]):>12}{mib(bare[1]):>12}"
          f"{mib(bare[2]):>13}{hello_seconds:>10.0f}")
    lb_time = "-" if build_seconds is None else f"{build_seconds:.0f}"
    print(f"{'LoveBridge':28}{mib(ours[0]):>12}{mib(ours[1]):>12}{mib(ours[2]):>13}{lb_time:>10}")
    ratios = [
        f"{o / b:.2f}x" if o is not None and b else "-" for o, b in zip(ours, bare, strict=True)
    ]
    print(f"{'ratio (goal <= 1.3x onedir)':28}{ratios[0]:>12}{ratios[1]:>12}{ratios[2]:>13}")
    ratio = ours[0] / bare[0]
    verdict = "within" if ratio <= GOAL_RATIO else "OVER"
    print(f"\nLoveBridge's onedir is {ratio:.2f}x the bare bundle: {verdict} the goal.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
