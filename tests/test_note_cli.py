"""`lovebridge note render` run as a real process, with no display, like a script would."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pypdf
from PySide6.QtGui import QImage

from lovebridge.core.profile import CoupleProfile, ProfileService
from lovebridge.store import open_store
from lovebridge.store.models import Message

ROOT = Path(__file__).resolve().parents[1]


def note(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in ("LOVEBRIDGE_DATA_DIR", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    command = [sys.executable, "-m", "lovebridge"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return subprocess.run(command + ["note", "render", *args], capture_output=True, text=True,
                          env=env, timeout=60, cwd=ROOT)


def test_lists_layouts_and_fonts_with_licences() -> None:
    layouts = note("--list-layouts")
    assert layouts.returncode == 0, layouts.stderr
    for key in ("card-a6", "card-4x6", "card-5x7", "letter-a4", "letter-us", "halffold-a4",
                "quarterfold-letter", "lunchbox-a4", "envelope-dl", "envelope-c6", "envelope-10"):
        assert key in layouts.stdout
    fonts = note("--list-fonts")
    assert fonts.returncode == 0
    assert fonts.stdout.count("SIL OFL 1.1") >= 5


def test_bad_names_are_refused_with_the_valid_ones(tmp_path: Path) -> None:
    result = note("--text", "hi", "--layout", "poster", "--out", str(tmp_path / "a.pdf"))
    assert result.returncode == 2
    assert "unknown layout 'poster'" in result.stderr and "card-a6" in result.stderr
    result = note("--text", "hi", "--ink", "gold", "--out", str(tmp_path / "a.pdf"))
    assert "unknown ink 'gold'" in result.stderr and "blue" in result.stderr
    assert not (tmp_path / "a.pdf").exists()
    assert note("--text", "hi", "--out", str(tmp_path / "a.doc")).returncode == 2


def test_renders_text_to_pdf_and_png(tmp_path: Path) -> None:
    pdf = tmp_path / "card.pdf"
    result = note("--text", "See you at the lake at six.", "--layout", "card-4x6",
                  "--font", "indie_flower", "--ink", "black", "--paper", "kraft-grid",
                  "--seed", "7", "--out", str(pdf))
    assert result.returncode == 0, result.stderr
    page = pypdf.PdfReader(pdf).pages[0]
    assert " ".join(page.extract_text().split()) == "See you at the lake at six."
    assert round(float(page.mediabox.width)) in (288, 289)  # 4 in, Qt rounds to whole points
    png = tmp_path / "card.png"
    assert note("--text", "Hello", "--dpi", "100", "--out", str(png)).returncode == 0
    assert QImage(str(png)).width() == round(105 / 25.4 * 100)


def test_renders_a_saved_message_by_id_or_uuid(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert subprocess.run([sys.executable, "-m", "lovebridge", "--data-dir", str(data), "check"],
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
                          capture_output=True, timeout=60).returncode == 0
    store = open_store(data / "lovebridge.db")
    ProfileService(store).save(CoupleProfile("Maya", "Jonah", date(2019, 4, 12), ()))
    with store.session_scope() as session:
        message = Message(author="a", body_text="Thank you for fixing my bike.")
        session.add(message)
        session.flush()
        ids = (str(message.id), message.uuid)
    store.close()
    for key in ids:
        out = tmp_path / f"{key}.pdf"
        result = note("--message", key, "--out", str(out), data_dir=data)
        assert result.returncode == 0, result.stderr
        text = " ".join(pypdf.PdfReader(out).pages[0].extract_text().split())
        assert text == "Jonah, Thank you for fixing my bike. Love, Maya"
    missing = note("--message", "999", "--out", str(tmp_path / "x.pdf"), data_dir=data)
    assert missing.returncode == 1 and "no saved note" in missing.stderr


def test_overflow_is_reported_with_a_larger_layout(tmp_path: Path) -> None:
    text = "I keep thinking about our walk along the river last spring. " * 30
    result = note("--text", text, "--layout", "card-a6", "--out", str(tmp_path / "long.pdf"))
    assert result.returncode == 3
    assert "does not fit on card-a6" in result.stderr and "It fits on" in result.stderr
    assert (tmp_path / "long.pdf").exists()
