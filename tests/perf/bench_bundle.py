"""How big is the frozen LoveBridge next to the smallest PySide6 app one can ship?

Builds a bare PySide6 "hello window" with the same PyInstaller and the same bundle policy
(packaging/bundle_policy.py: the same excludes, the same Qt plugin and library pruning, the same
-OO bytecode, stripped),
packs it into a .deb and a .tar.gz the same way, and prints a table next to LoveBridge's own
onedir, .deb and .tar.gz from dist/ (built first with packaging/build.py unless --no-build).
Goal: LoveBridge's onedir within 1.3x of the bare bundle.

    python tests/perf/bench_bundle.py [--no-build] [--work DIR]

`run(library, quick)` is the tests/perf/bench.py contract: it builds nothing unless
$LOVEBRIDGE_BENCH_BUNDLE is 1 (`bench.py --bundle`); otherwise it reads the sizes of an existing
dist/ build and of the bare bundle kept in $TMPDIR/lovebridge-bench/bare-bundle.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.perf.benchlib import Row, print_table  # noqa: E402

DIST = ROOT / "dist"
GOAL_RATIO = 1.3
BARE_WORK = Path(tempfile.gettempdir()) / "lovebridge-bench" / "bare-bundle"

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

a = Analysis([{script!r}], excludes=bundle_policy.EXCLUDES, optimize=bundle_policy.OPTIMIZE)
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


def bare_bundle(work: Path, rebuild: bool) -> tuple[int, int | None, int]:
    """Sizes of the bare bundle (onedir, .deb, .tar.gz) in `work`, built there when asked."""
    hello = work / "dist" / "hello"
    if rebuild or not hello.is_dir():
        shutil.rmtree(work, ignore_errors=True)
        hello, _seconds = build_hello(work)
        pack_deb(hello, work)
        pack_tarball(hello, work)
    deb = work / "hello.deb"
    return (tree_size(hello), deb.stat().st_size if deb.exists() else None,
            (work / "hello.tar.gz").stat().st_size)


def size_rows(ours: tuple[int, int | None, int | None],
              bare: tuple[int, int | None, int]) -> list[Row]:
    names = ("onedir", ".deb", ".tar.gz")
    rows = []
    for name, mine, theirs, target in zip(names, ours, bare, (GOAL_RATIO, None, None),
                                          strict=True):
        if mine is not None:
            rows.append(Row(f"bundle size: LoveBridge {name}", mine / 2**20, "MiB",
                            f"bare PySide6 window {name}, same policy",
                            None if theirs is None else theirs / 2**20, target))
    return rows


def run(library: Path, quick: bool) -> list[Row]:
    """Bundle sizes. Builds only when $LOVEBRIDGE_BENCH_BUNDLE is 1 (bench.py --bundle); else
    reads dist/ and the bare bundle kept in BARE_WORK, and measures nothing if either is missing.
    """
    del library, quick
    build = os.environ.get("LOVEBRIDGE_BENCH_BUNDLE") == "1"
    if build:
        subprocess.run([sys.executable, "packaging/build.py"], cwd=ROOT, check=True)
    onedir, deb, tarball = lovebridge_artefacts()
    if not onedir.is_dir() or not (build or (BARE_WORK / "dist" / "hello").is_dir()):
        print("  bundle sizes skipped: no dist/ build or bare bundle yet (bench.py --bundle "
              "builds both, several minutes)", file=sys.stderr)
        return []
    return size_rows((tree_size(onedir), deb, tarball), bare_bundle(BARE_WORK, rebuild=build))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="use LoveBridge's dist/ as is")
    parser.add_argument("--work", type=Path, default=BARE_WORK,
                        help=f"folder for the bare build (default {BARE_WORK})")
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run([sys.executable, "packaging/build.py"], cwd=ROOT, check=True)
    onedir, deb, tarball = lovebridge_artefacts()
    if not onedir.is_dir():
        print("dist/lovebridge is missing: run python packaging/build.py first", file=sys.stderr)
        return 1
    print_table(size_rows((tree_size(onedir), deb, tarball), bare_bundle(args.work, True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
