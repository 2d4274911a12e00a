"""LoveBridge's benchmark suite: is it instant with a decade of memories?

    python tests/perf/bench.py [--quick] [--library DIR] [--markdown] [--bundle]

Makes (once, then reuses) a synthetic library with tests/perf/make_library.py, then measures,
each figure a median of repeated runs beside a reference measured in the same run:

- cold start: process creation to the main window's first paint, in fresh offscreen processes
  (LOVEBRIDGE_STARTUP_PROBE in lovebridge/app.py), vs tests/perf/bare_window.py, a bare
  PySide6 QMainWindow timed the same way; runs alternate so contention hits both alike;
- the moment the room shows (the library opened behind the painted window), the resident memory
  then, and the CPU time of the whole run, vs the same;
- every row of the sibling modules tests/perf/bench_*.py (`run(library, quick) -> list[Row]`,
  see tests/perf/README.md): the store and its queries, the scrapbook (first screen, search,
  12 MP import), template suggestions, the coach per keystroke, note rendering, dates, backups,
  privacy, bundle size.

Exits 1 when a figure misses its target or a benchmark module fails. Not part of pytest.
"""

from __future__ import annotations

import argparse
import compileall
import importlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:  # run as a script from a source checkout
    sys.path.insert(0, str(REPO_ROOT))

from tests.perf.benchlib import Row, print_table  # noqa: E402
from tests.perf.make_library import MANIFEST, make_library  # noqa: E402

PERF_DIR = Path(__file__).resolve().parent
FULL = {"memories": 10_000, "photos": 20_000}
QUICK = {"memories": 10_000, "photos": 500}  # every query at full scale; fewer files to make
SEED = 1
PROBE_TIMEOUT_S = 180


def default_library(sizes: dict[str, int]) -> Path:
    """Where a generated library is kept between runs (it takes minutes to make)."""
    name = f"m{sizes['memories']}-p{sizes['photos']}-s{SEED}"
    return Path(tempfile.gettempdir()) / "lovebridge-bench" / name


def compile_bytecode() -> None:
    """Byte-compile LoveBridge (and the probe) as an installed copy has it.

    pip compiles a package's modules when it installs it, and the frozen app carries their
    bytecode; a source checkout run with PYTHONDONTWRITEBYTECODE=1 would instead compile every
    module from source at each start, which no user's LoveBridge does.
    """
    compileall.compile_dir(str(REPO_ROOT / "lovebridge"), quiet=1)


def ensure_library(library: Path, sizes: dict[str, int]) -> dict:
    """The library's manifest, generating the library first when it is missing."""
    manifest = library / MANIFEST
    if not manifest.exists():
        if (library / "lovebridge.db").exists():
            raise SystemExit(f"bench: {library} holds an unfinished library; remove it first")
        print(f"Making a library of {sizes['memories']:,} memories and {sizes['photos']:,} "
              f"photos in {library} (kept for later runs)...", file=sys.stderr)
        make_library(library, seed=SEED, **sizes)
    settle_library(library)
    return json.loads(manifest.read_text(encoding="utf-8"))


def settle_library(library: Path) -> None:
    """Open and close the store once, as the app does, so SQLite has its statistics."""
    from lovebridge.paths import resolve_paths
    from lovebridge.store import open_store

    open_store(resolve_paths(library).database).close()


def probe_environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("LOVEBRIDGE_DATA_DIR", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["LOVEBRIDGE_STARTUP_PROBE"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


def probe(command: list[str]) -> dict[str, float]:
    """Run one fresh process to its first paint: seconds, resident MiB and CPU seconds used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        command, cwd=REPO_ROOT, env=probe_environment(), capture_output=True, text=True,
        timeout=PROBE_TIMEOUT_S, check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures = dict(line.split(maxsplit=1) for line in done.stdout.splitlines() if " " in line)
    if done.returncode != 0 or "first-paint" not in figures or "rss-kib" not in figures:
        raise RuntimeError(
            f"{' '.join(command[1:])} exited {done.returncode} without its figures:\n"
            f"{done.stdout}{done.stderr}"
        )
    heavy = figures.get("loaded-at-first-paint", "-")
    if heavy != "-":
        print(f"  note: loaded before the first paint: {heavy}", file=sys.stderr)
    return {
        "seconds": float(figures["first-paint"]),
        "ready": float(figures.get("ready", figures["first-paint"])),
        "rss_mib": int(figures["rss-kib"]) / 1024,
        "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
    }


def cold_start_rows(library: Path, quick: bool) -> list[Row]:
    """First paint, memory and CPU of LoveBridge on `library` vs the bare window."""
    app = [sys.executable, "-m", "lovebridge", "--data-dir", str(library)]
    bare = [sys.executable, str(PERF_DIR / "bare_window.py")]
    stack = [*bare, "--with-store-stack"]
    repeats = 3 if quick else 9
    probe(app), probe(bare), probe(stack)  # warm the disk cache and .pyc: "cold" = a fresh process
    runs: dict[str, list[dict[str, float]]] = {"app": [], "bare": [], "stack": []}
    for _ in range(repeats):  # alternate, so a busy moment on the machine hits all alike
        runs["app"].append(probe(app))
        runs["bare"].append(probe(bare))
        runs["stack"].append(probe(stack))

    def median(side: str, key: str) -> float:
        return statistics.median(run[key] for run in runs[side])

    return [
        Row("cold start to first paint", median("app", "seconds"), "s",
            "bare PySide6 window", median("bare", "seconds"), 1.5),
        # The window paints first and opens the library behind it: this is when the room shows.
        Row("cold start until the room shown", median("app", "ready"), "s",
            "bare PySide6 window", median("bare", "ready"), 3.0),
        Row("resident memory with the library open", median("app", "rss_mib"), "MiB",
            "bare PySide6 window", median("bare", "rss_mib"), None),
        Row("start-up CPU time", median("app", "cpu"), "s",
            "bare PySide6 window", median("bare", "cpu"), 5.0),
        # The floor the fixed stack sets: a bare window that first imports SQLAlchemy's ORM.
        Row("bare window + SQLAlchemy ORM import: shown", median("stack", "ready"), "s",
            "bare PySide6 window", median("bare", "ready"), None),
        Row("bare window + SQLAlchemy ORM import: CPU", median("stack", "cpu"), "s",
            "bare PySide6 window", median("bare", "cpu"), None),
    ]


def plugin_modules() -> list[str]:
    """The benchmark modules beside this script, by name (tests.perf.bench_<area>)."""
    return [f"tests.perf.{path.stem}" for path in sorted(PERF_DIR.glob("bench_*.py"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer photos (500) and repeats, for iterating")
    parser.add_argument("--library", type=Path,
                        help="library folder to use (made there if missing)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--bundle", action="store_true",
                        help="build LoveBridge and a bare PySide6 bundle with PyInstaller "
                             "(minutes) instead of reading the sizes of earlier builds")
    args = parser.parse_args(argv)
    if args.bundle:
        os.environ["LOVEBRIDGE_BENCH_BUNDLE"] = "1"  # read by bench_bundle.run
    sizes = QUICK if args.quick else FULL
    library = (args.library or default_library(sizes)).resolve()
    info = ensure_library(library, sizes)
    compile_bytecode()

    rows: list[Row] = []
    failures: list[str] = []
    sections = [("cold start", lambda: cold_start_rows(library, args.quick))]
    for module_name in plugin_modules():
        sections.append((module_name, lambda m=module_name: importlib.import_module(m).run(
            library, args.quick)))
    for label, measure in sections:
        started = time.perf_counter()
        print(f"measuring {label}...", file=sys.stderr)
        try:
            rows.extend(measure())
        except Exception:  # one broken benchmark must not hide the others' figures
            failures.append(label)
            traceback.print_exc()
        print(f"  {time.perf_counter() - started:.0f} s", file=sys.stderr)

    print(f"\nLibrary: {info['memories']:,} memories, {info['photos']:,} photos "
          f"({info['photo_size']}, {info['photo_bytes'] / 2**20:,.0f} MiB), "
          f"{info['messages']:,} notes, {info['plans']:,} plans; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.1f}; {library}\n")
    print_table(rows, markdown=args.markdown)
    missed = [row.name for row in rows if row.met is False]
    if missed or failures:
        print("\nMissed targets: " + (", ".join(missed) or "none")
              + "; failed benchmarks: " + (", ".join(failures) or "none"))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
