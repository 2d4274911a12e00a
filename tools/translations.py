"""Keep the interface translations current: `update` the .ts sources from the code, `compile`
them into the .qm catalogues the app loads, or `check` that both are current (tests use it).

    .venv/bin/python tools/translations.py update     # after changing strings in lovebridge/
    .venv/bin/python tools/translations.py compile    # after translating (Qt Linguist or an editor)

English carries only plural forms ("%n photo(s)" -> "1 photo" / "3 photos"); every other
language carries every string. The command line's messages (Python gettext, no Qt) live beside
them in resources/translations/cli/<lang>.po and .mo; see tools/cli_catalogue.py.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import cli_catalogue

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
SOURCE_LANGUAGE = "en"


def tool(name: str) -> str:
    """A Qt tool that ships with PySide6 (pyside6-lupdate, pyside6-lrelease)."""
    beside_python = Path(sys.executable).parent / name
    return str(beside_python) if beside_python.exists() else name


def sources() -> list[str]:
    """Every module of the app, in a stable order, relative to the repository."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "lovebridge").rglob("*.py"))


def catalogues() -> list[Path]:
    return sorted(FOLDER.glob("lovebridge_*.ts"))


def language_of(ts: Path) -> str:
    return ts.stem.removeprefix("lovebridge_")


def update(ts: Path) -> None:
    """Bring `ts` up to date with the code: new strings unfinished, vanished ones dropped."""
    command = [tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete",
               "-locations", "none", "-source-language", SOURCE_LANGUAGE,
               "-target-language", language_of(ts)]
    if language_of(ts) == SOURCE_LANGUAGE:
        command.append("-pluralonly")
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)


def compile_catalogue(ts: Path, qm: Path) -> None:
    """Compile `ts` into `qm`, replacing it in one step: a running LoveBridge (or test run) maps
    the old file and keeps reading it, so it is never rewritten in place."""
    fresh = qm.with_name(qm.name + ".new")
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
    os.replace(fresh, qm)


def unfinished(ts: Path) -> list[str]:
    """Source texts of `ts` that have no translation yet."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        forms = translation.findall("numerusform")
        empty = not (translation.text or "").strip() if not forms else not all(
            (f.text or "").strip() for f in forms)
        if translation.get("type") == "unfinished" or empty:
            missing.append(message.findtext("source") or "")
    return missing


def check() -> list[str]:
    """What is out of date: strings in the code missing from a .ts, or a stale .qm."""
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        for ts in catalogues():
            copy = Path(scratch) / ts.name
            shutil.copyfile(ts, copy)
            update(copy)
            for text in unfinished(copy):
                problems.append(f"{ts.name}: not translated: {text!r}")
            qm = Path(scratch) / ts.with_suffix(".qm").name
            compile_catalogue(ts, qm)
            shipped = ts.with_suffix(".qm")
            if not shipped.exists() or shipped.read_bytes() != qm.read_bytes():
                problems.append(f"{shipped.name}: out of date; run tools/translations.py compile")
    return problems + cli_catalogue.check()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["update", "compile", "check"])
    action = parser.parse_args().action
    if action == "update":
        for ts in catalogues():
            update(ts)
            print(f"{ts.name}: {len(unfinished(ts))} string(s) to translate")
        cli_catalogue.update()
    elif action == "compile":
        for ts in catalogues():
            compile_catalogue(ts, ts.with_suffix(".qm"))
        cli_catalogue.compile_all()
    else:
        problems = check()
        print("\n".join(problems) or "translations are current")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
