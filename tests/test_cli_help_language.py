"""The command line's help, usage lines and argparse's own words in the couple's language.

With Spanish chosen in Preferences (the data folder's settings file), `lovebridge --help`, every
sub-command's help and argparse's complaints about a mistyped command are Spanish; in English
they are what they always were.
"""

from __future__ import annotations

import argparse
import ast
import gettext
import inspect
import sys
from pathlib import Path

import pytest

from lovebridge import app
from lovebridge.app import main
from lovebridge.cli import build_parser, first_look
from lovebridge.cli import language as cli_language
from lovebridge.cli.language import ARGPARSE_MESSAGES, argparse_words, use_language
from tests.cli_language_kit import choose

REPO = Path(__file__).resolve().parents[1]


def said(cli_folder: Path, arguments: list[str], capsys) -> tuple[int, str, str]:  # noqa: ANN001
    """Run `lovebridge --data-dir folder ARGUMENTS` in this process: (exit code, out, err)."""
    with pytest.raises(SystemExit) as exited:
        main(["--data-dir", str(cli_folder), *arguments])
    captured = capsys.readouterr()
    return exited.value.code, captured.out, captured.err


def flat(text: str) -> str:
    """`text` with argparse's line wrapping undone."""
    return " ".join(text.split())


def test_lovebridge_help_is_spanish_when_preferences_say_so(cli_folder, capsys) -> None:
    choose(cli_folder, "es")
    code, out, _err = said(cli_folder, ["--help"], capsys)
    assert code == 0
    assert out.startswith("uso: lovebridge [-h] [--version] [--data-dir CARPETA] ORDEN ...")
    assert "\nargumentos posicionales:\n" in out and "\nopciones:\n" in out
    text = flat(out)
    assert "LoveBridge: notas, recuerdos y tiempo juntos, guardados en este portátil." in text
    assert "-h, --help muestra esta ayuda y termina" in text
    assert "--version muestra la versión del programa y termina" in text
    assert ("--data-dir CARPETA guarda todo (base de datos, fotos, ajustes, registros) en "
            "CARPETA en lugar del sitio habitual") in text
    assert "check comprueba la base de datos y resume lo que contiene" in text
    assert "usage" not in text and "options" not in text and "show this help" not in text


def test_sub_command_help_is_spanish(cli_folder, capsys) -> None:
    choose(cli_folder, "es")
    code, out, _err = said(cli_folder, ["backup", "--help"], capsys)
    assert code == 0
    assert out.startswith("uso: lovebridge backup [-h] ACCIÓN ...")
    assert "create escribe una copia de seguridad de todo en ARCHIVO" in flat(out)
    assert "restore comprueba ARCHIVO entero" in flat(out)

    code, out, _err = said(cli_folder, ["note", "render", "--help"], capsys)
    assert code == 0
    assert out.startswith("uso: lovebridge note render [-h] [--text TEXTO | --message ID] "
                          "[--layout FORMATO]")
    text = flat(out)
    assert "--text TEXTO el texto de la nota (usa \\n para cambiar de línea)" in text
    assert "--layout FORMATO nombre del formato (por omisión, card-a6)" in text
    assert "--out ARCHIVO ARCHIVO.pdf o ARCHIVO.png" in text


def test_argparse_complains_in_spanish(cli_folder, capsys) -> None:
    choose(cli_folder, "es")
    code, out, err = said(cli_folder, ["backup", "restore"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("uso: lovebridge backup restore [-h] ARCHIVO\n")
    assert err.endswith("lovebridge backup restore: error: faltan estos argumentos "
                        "obligatorios: ARCHIVO\n")

    code, _out, err = said(cli_folder, ["hand", "sheet", "--out", "hoja.pdf", "--paper", "a5"],
                           capsys)
    assert code == 2
    assert err.endswith("error: argumento --paper: 'a5' no es válido (elige entre 'a4', "
                        "'letter')\n")

    code, _out, err = said(cli_folder, ["sync", "setup", "--folder", "x"], capsys)
    assert code == 2
    assert err.endswith("error: hace falta uno de estos argumentos: --new --join\n")

    code, _out, err = said(cli_folder, ["note", "render", "--seed", "tres"], capsys)
    assert code == 2
    assert err.endswith("error: argumento --seed: valor int no válido: 'tres'\n")

    code, _out, err = said(cli_folder, ["check", "--soon"], capsys)
    assert code == 2
    assert err.endswith("lovebridge: error: argumentos no reconocidos: --soon\n")


def test_english_help_and_errors_are_as_they_were(cli_folder, capsys) -> None:
    choose(cli_folder, "es")
    said(cli_folder, ["--help"], capsys)  # Spanish first, in the same process
    assert argparse._ is gettext.gettext  # argparse's words are given back afterwards

    choose(cli_folder, "en")
    code, out, _err = said(cli_folder, ["--help"], capsys)
    assert code == 0
    assert out.startswith("usage: lovebridge [-h] [--version] [--data-dir DIR] COMMAND ...")
    assert "\npositional arguments:\n" in out and "\noptions:\n" in out
    text = flat(out)
    assert "LoveBridge: notes, memories and time together, kept on this laptop." in text
    assert "-h, --help show this help message and exit" in text
    assert "--version show program's version number and exit" in text
    assert ("--data-dir DIR keep everything (database, photos, settings, logs) in DIR instead "
            "of the usual place") in text

    code, _out, err = said(cli_folder, ["backup", "restore"], capsys)
    assert code == 2
    assert err == ("usage: lovebridge backup restore [-h] FILE\nlovebridge backup restore: "
                   "error: the following arguments are required: FILE\n")


def parsers(parser: argparse.ArgumentParser, path: str = "lovebridge"):  # noqa: ANN201
    """(command path, parser) for the whole command tree, the top first."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from parsers(sub, f"{path} {name}")


def every_help(cli_folder: Path, language: str) -> dict[str, str]:
    """Each command's --help in `language`, as the command line builds and shows it."""
    use_language(choose(cli_folder, language))
    with argparse_words():
        return {path: parser.format_help() for path, parser in parsers(build_parser())}


def english_sentences() -> set[str]:
    """Every help sentence the English command tree says (descriptions and help texts)."""
    use_language(None)
    with argparse_words():
        tree = build_parser()
    sentences = set()
    for _path, parser in parsers(tree):
        sentences.add(parser.description or "")
        for action in parser._actions:
            sentences.add(action.help or "")
            for choice in getattr(action, "_choices_actions", []):
                sentences.add(choice.help or "")
    sentences.discard("")
    return {flat(sentence) for sentence in sentences}


def test_no_help_is_left_in_english_in_spanish(cli_folder) -> None:
    english = every_help(cli_folder, "en")
    spanish = every_help(cli_folder, "es")
    sentences = english_sentences()
    assert len(english) == len(spanish) >= 30 and len(sentences) >= 75
    for path, text in spanish.items():
        assert text != english[path], path
        assert text.startswith("uso: ") and "\nopciones:\n" in text, path
        left = [sentence for sentence in sentences if sentence in flat(text)]
        assert not left, f"{path}: still English: {left}"


def test_argparse_messages_are_argparses_own_words() -> None:
    """The words listed for the catalogue are exactly this Python's argparse's."""
    tree = ast.parse(inspect.getsource(argparse))
    strings = {node.value for node in ast.walk(tree)
               if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    assert set(ARGPARSE_MESSAGES) <= strings, set(ARGPARSE_MESSAGES) - strings


def test_no_option_takes_a_fixed_count_of_values(cli_folder) -> None:
    """argparse's one plural message a person could meet, "expected %s arguments", is said only
    for an argument taking a fixed number (1 or more) of values; it stays English, so none may
    take one (flags take 0 and never meet it)."""
    for path, parser in parsers(build_parser()):
        for action in parser._actions:
            fixed = isinstance(action.nargs, int) and action.nargs > 0
            assert not fixed, (path, action.dest)


def test_a_translation_that_drops_an_argparse_placeholder_is_caught() -> None:
    sys.path.insert(0, str(REPO / "tools"))
    import cli_catalogue

    message = "%(prog)s: error: %(message)s\n"
    assert cli_catalogue.placeholders(message) == {"%(prog)s", "%(message)s"}
    assert cli_catalogue.placeholders("error: %(message)s\n") != cli_catalogue.placeholders(
        message)
    assert cli_catalogue.placeholders("50%% más: %s") == {"%%", "%s"}


def test_first_look_reads_the_data_folder_without_building_the_parser() -> None:
    assert first_look([]) == (True, None)
    assert first_look(["--data-dir", "here"]) == (True, "here")
    assert first_look(["--data-dir=here", "backup", "list"]) == (False, "here")
    assert first_look(["--help"]) == (False, None)
    assert first_look(["--data-dir"]) == (False, None)


def test_starting_the_window_builds_no_parser_and_chooses_no_cli_language(
    tmp_path, monkeypatch
) -> None:
    def not_on_the_window_path(*_args: object) -> None:
        raise AssertionError("the window's start-up built the command line")

    opened: list[str | None] = []
    monkeypatch.setattr(app, "build_parser", not_on_the_window_path)
    monkeypatch.setattr(cli_language, "use_language", not_on_the_window_path)
    monkeypatch.setattr(app, "run_gui", lambda data_dir: opened.append(data_dir) or 0)
    monkeypatch.setattr(app, "resume_garbage_collection", lambda: None)
    try:
        assert main(["--data-dir", str(tmp_path)]) == 0
    finally:
        import gc

        gc.enable()
    assert opened == [str(tmp_path)]
