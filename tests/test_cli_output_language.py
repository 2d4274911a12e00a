"""What the command line prints when a command succeeds or reports, in the couple's language.

With Spanish chosen in Preferences (the data folder's settings file), `check`, backups, exports,
imports, `dates`, `note render` and `sync status` report in Spanish, counts with Spanish marks;
in English they read as English. Every command runs for real through `lovebridge.app.main`, on a
real data folder.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from lovebridge.app import main
from lovebridge.paths import resolve_paths
from tests.cli_language_kit import choose
from tests.photo_kit import camera_jpeg

# Two photos of one afternoon (one suggested memory), and a calendar with one plan LoveBridge
# takes and one it leaves out (it repeats every hour).
CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:walk@lovebridge.test\r\nDTSTAMP:20261101T120000Z\r\n"
    "DTSTART:20261205T170000Z\r\nDTEND:20261205T190000Z\r\nSUMMARY:Walk by the river\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:often@lovebridge.test\r\nDTSTAMP:20261101T120000Z\r\n"
    "DTSTART:20261205T170000Z\r\nSUMMARY:Too often\r\nRRULE:FREQ=HOURLY\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)

# The English sentences of the command line's reports, as they print: none may be left in a
# Spanish run (a line printed without `_()` would show one).
ENGLISH = (
    "Data folder:", "Schema:", "Profile:", "Stored:", "Integrity: ok", "Problems found",
    "Suggested:", "photos:", "Nothing was added", "Run again with --yes", "Added to the scrapbook",
    "Plans imported", "Events skipped", "Exported to", "Plans:", "Wrote ", "Memories:",
    "check-ins", "Backup written to", "photo files", "Backups in", "none yet", "before-restore",
    "Restored the backup", "What was there before", "Memories found", "Saved “", "writing size",
    "Photos:", "Sharing is", "No new memories", "Already in your scrapbook", "reading", "July",
)


def said(cli_folder: Path, arguments: list[str], capsys) -> str:  # noqa: ANN001
    """Run `lovebridge --data-dir folder ARGUMENTS` in this process; what it printed."""
    code = main(["--data-dir", str(cli_folder), *arguments])
    captured = capsys.readouterr()
    assert code == 0, captured.out + captured.err
    assert "Traceback" not in captured.err
    return captured.out + captured.err


def roll(where: Path) -> Path:
    for number, hour in enumerate((15, 16), start=1):
        camera_jpeg(where / f"IMG_{number:04}.jpg", datetime(2024, 7, 14, hour, 0), seed=number)
    return where


def walk(cli_folder: Path, tmp_path: Path, capsys) -> dict[str, str]:  # noqa: ANN001
    """Every reporting command once, on one library: {name: what it printed}."""
    photos = roll(tmp_path / "roll")
    calendar = tmp_path / "ours.ics"
    calendar.write_text(CALENDAR, encoding="utf-8")
    steps = {
        "check empty": ["check"],
        "import-folder": ["scrapbook", "import-folder", str(photos)],
        "import-folder --yes": ["scrapbook", "import-folder", str(photos), "--yes"],
        "import-folder again": ["scrapbook", "import-folder", str(photos)],
        "dates import": ["dates", "import", str(calendar)],
        "dates export": ["dates", "export", str(tmp_path / "plans.ics")],
        "export": ["export", str(tmp_path / "everything")],
        "backup create": ["backup", "create", str(tmp_path / "ours")],
        "backup list empty": ["backup", "list"],
        "backup restore": ["backup", "restore", str(tmp_path / "ours.lovebridge")],
        "backup list": ["backup", "list"],
        "search": ["scrapbook", "search", "July"],
        "note render": ["note", "render", "--text", "See you at seven", "--out",
                        str(tmp_path / "note.pdf")],
        "scrapbook import": ["scrapbook", "import", str(photos / "IMG_0001.jpg"),
                             "--title", "Picnic"],
        "sync status": ["sync", "status"],
        "check": ["check"],
    }
    return {name: said(cli_folder, arguments, capsys) for name, arguments in steps.items()}


def test_the_reports_are_spanish_end_to_end(cli_folder: Path, tmp_path: Path, capsys) -> None:
    choose(cli_folder, "es")
    out = walk(cli_folder, tmp_path, capsys)

    empty = out["check empty"]
    assert f"Carpeta de datos: {cli_folder}" in empty
    assert re.search(r"^Esquema: \w+", empty, re.M)
    assert "Perfil: aún sin configurar" in empty
    assert "Guardado: notas 0, recuerdos 0, fotos 0, planes 0" in empty
    assert "Integridad: correcta" in empty

    assert "Sugerencias: recuerdos 1, fotos 2:" in out["import-folder"]
    assert "(fotos: 2)" in out["import-folder"]
    assert ("No se ha añadido nada. Vuelve a ejecutarlo con --yes para añadir estos recuerdos."
            in out["import-folder"])
    assert "Añadido al álbum: recuerdos 1, fotos 2." in out["import-folder --yes"]
    assert "No hay recuerdos nuevos que añadir." in out["import-folder again"]
    assert "Ya estaban en tu álbum y no se han tocado: 2." in out["import-folder again"]

    assert out["dates import"].strip() == (
        "Planes importados: 1. Eventos omitidos por repetirse más de una vez al día (los planes "
        "se repiten como mucho a diario): 1.")
    assert out["dates export"].strip() == f"Exportado a {tmp_path / 'plans.ics'}. Planes: 1."
    assert out["export"].strip() == (
        f"Escrito {tmp_path / 'everything'}. Recuerdos: 1, fotos: 2, notas: 0, planes: 1, "
        "charlas: 0.")

    assert re.fullmatch(
        rf"Copia de seguridad escrita en {re.escape(str(tmp_path / 'ours.lovebridge'))} "
        r"\(\d+,\d MB\)\. Notas: 0, recuerdos: 1, archivos de fotos: 2, planes: 1\.",
        out["backup create"].strip()), out["backup create"]
    assert out["backup list empty"].splitlines() == [
        f"Copias de seguridad en {resolve_paths(cli_folder).backups}:",
        "  (ninguna aún: LoveBridge hace una cada día que se usa, y al cerrarse)"]
    assert re.search(r"^Se ha restaurado la copia de seguridad del \d{4}-\d\d-\d\d \d\d:\d\d\.$",
                     out["backup restore"], re.M)
    assert "Lo que había antes se guarda en " in out["backup restore"]
    listed = out["backup list"].splitlines()
    assert listed[0] == f"Copias de seguridad en {resolve_paths(cli_folder).backups}:"
    assert "antes de restaurar" in listed[1]
    assert re.search(r"\d+,\d MB  notas: 0, recuerdos: 1, archivos de fotos: 2", listed[1])

    assert out["search"].splitlines() == [
        " 14 de julio de 2024  Sunday, 14 July 2024", "Recuerdos encontrados: 1."]
    assert re.fullmatch(rf"Escrita {re.escape(str(tmp_path / 'note.pdf'))} \(card-a6, tamaño "
                        r"de letra \d+,\d pt\)", out["note render"].strip()), out["note render"]
    assert out["scrapbook import"].strip() == "Guardado «Picnic» (14 de julio de 2024). Fotos: 1."
    assert out["sync status"].strip() == "Compartir está desactivado en este portátil."
    assert "Guardado: notas 0, recuerdos 2, fotos 2, planes 1" in out["check"]


def test_an_open_export_brought_back_is_reported_in_spanish(cli_folder: Path, tmp_path: Path,
                                                           capsys) -> None:
    choose(cli_folder, "es")
    walk(cli_folder, tmp_path, capsys)
    other = tmp_path / "other laptop"
    choose(other, "es")
    brought = said(other, ["scrapbook", "import-export", str(tmp_path / "everything"), "--yes"],
                   capsys)
    assert "Exportación de LoveBridge." in brought
    assert "Sugerencias: recuerdos 1, fotos 2:" in brought
    assert "Se quedan solo en la exportación (LoveBridge no tiene sitio para esto):" in brought
    # What came back besides memories: worded by the command line, from what core counted.
    assert brought.endswith("Añadido al álbum: recuerdos 1, fotos 2.\nNotas añadidas: 0.\n"
                            "Charlas añadidas: 0.\nPlanes importados: 1.\n"), brought


def test_no_english_report_is_left_in_spanish(cli_folder: Path, tmp_path: Path, capsys) -> None:
    choose(cli_folder, "es")
    printed = "\n".join(walk(cli_folder, tmp_path, capsys).values())
    # The memories' own titles ("Sunday, 14 July 2024", as the import named them), paths and
    # backup file names are the couple's and the disk's, not the command line's sentences.
    printed = re.sub(r"\S+\.lovebridge\b", "FILE", printed.replace(str(tmp_path), "TMP"))
    printed = printed.replace("Sunday, 14 July 2024", "TITLE")
    left = [sentence for sentence in ENGLISH if sentence in printed]
    assert left == [], printed


def test_the_reports_stay_english_in_english(cli_folder: Path, tmp_path: Path, capsys) -> None:
    choose(cli_folder, "en")
    out = walk(cli_folder, tmp_path, capsys)
    assert "Stored: notes 0, memories 0, photos 0, plans 0" in out["check empty"]
    assert "Integrity: ok" in out["check"]
    assert "Profile: not set yet" in out["check"]
    assert "Suggested: memories 1, photos 2:" in out["import-folder"]
    assert "Nothing was added. Run again with --yes to add these memories." in out["import-folder"]
    assert "Added to the scrapbook: memories 1, photos 2." in out["import-folder --yes"]
    assert out["dates import"].strip() == (
        "Plans imported: 1. Events skipped for repeating more often than once a day (plans "
        "repeat at most daily): 1.")
    assert out["dates export"].strip() == f"Exported to {tmp_path / 'plans.ics'}. Plans: 1."
    assert out["export"].strip() == (
        f"Wrote {tmp_path / 'everything'}. Memories: 1, photos: 2, notes: 0, plans: 1, "
        "check-ins: 0.")
    assert re.search(r"^Backup written to .+ \(\d+\.\d MB\)\. Notes: 0, memories: 1, photo files: "
                     r"2, plans: 1\.$", out["backup create"], re.M)
    assert "before-restore" in out["backup list"]
    assert "Restored the backup from " in out["backup restore"]
    assert out["search"].strip().endswith("Memories found: 1.")
    assert re.search(r"\(card-a6, writing size \d+\.\d pt\)", out["note render"])
    assert out["scrapbook import"].strip() == "Saved “Picnic” (14 July 2024). Photos: 1."
    assert out["sync status"].strip() == "Sharing is off on this laptop."
