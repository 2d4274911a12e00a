"""`lovebridge hand ...` and `note render --font hand:NAME` run as real processes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import zxingcpp
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]


def lovebridge(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in ("LOVEBRIDGE_DATA_DIR", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return subprocess.run([sys.executable, "-m", "lovebridge", "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, env=env, timeout=120,
                          cwd=ROOT)


def test_sheet_pdf_is_printable_and_its_markers_read(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    done = lovebridge("hand", "sheet", "--out", str(out), "--paper", "letter",
                      data_dir=tmp_path / "data")
    assert done.returncode == 0, done.stderr
    page = pypdf.PdfReader(out).pages[0]
    assert round(float(page.mediabox.width)) == 612  # US Letter, in points
    assert "My handwriting" in " ".join(page.extract_text().split())
    # The PDF as a printer would draw it: all four corner codes read back.
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(out), str(tmp_path / "p")],
                   check=True)
    image = Image.open(next(tmp_path.glob("p*.png")))
    texts = sorted(r.text.split()[1] for r in zxingcpp.read_barcodes(image))
    assert texts == ["BL", "BR", "TL", "TR"]


def test_read_list_and_print_in_the_hand(tmp_path: Path, clean_photo) -> None:
    data = tmp_path / "data"
    read = lovebridge("hand", "read", str(clean_photo), "--name", "Maya", data_dir=data)
    assert read.returncode == 0, read.stderr
    assert "Read 232 of 232 boxes." in read.stdout
    listed = lovebridge("hand", "list", data_dir=data)
    assert re.search(r"^hand:Maya\s+Maya's hand", listed.stdout, re.M), listed.stdout
    assert listed.stdout.index("Maya's hand") < listed.stdout.index("Caveat")
    out = tmp_path / "note.pdf"
    note = lovebridge("note", "render", "--font", "hand:Maya", "--text",
                      "See you at seven,\\nlove", "--out", str(out), data_dir=data)
    assert note.returncode == 0, note.stderr
    assert pypdf.PdfReader(out).pages[0].extract_text().split() == [
        "See", "you", "at", "seven,", "love"]


def test_failures_say_what_went_wrong(tmp_path: Path) -> None:
    data = tmp_path / "data"
    blank = tmp_path / "blank.jpg"
    Image.new("L", (1600, 1200), 210).save(blank)
    done = lovebridge("hand", "read", str(blank), "--name", "Maya", data_dir=data)
    assert done.returncode == 1
    assert "No LoveBridge sheet was found" in done.stderr
    empty_sheet = tmp_path / "empty.png"
    assert lovebridge("hand", "sheet", "--out", str(empty_sheet), data_dir=data).returncode == 0
    done = lovebridge("hand", "read", str(empty_sheet), "--name", "Maya", data_dir=data)
    assert done.returncode == 1
    assert "no handwriting was found in the boxes" in done.stderr
    done = lovebridge("note", "render", "--font", "hand:Nobody", "--text", "hi", "--out",
                      str(tmp_path / "x.pdf"), data_dir=data)
    assert done.returncode == 2 and "no handwriting called 'Nobody'" in done.stderr
