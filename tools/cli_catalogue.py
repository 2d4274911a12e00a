"""The command line's catalogues (Python gettext, no Qt): resources/translations/cli/<lang>.po,
made from the messages marked `_("…")` or `N_("…")` in lovebridge/cli/ (with the store's
sentences the command line passes on and argparse's own words), and compiled into the
<lang>.mo that lovebridge.cli.language loads. Used by tools/translations.py (update, compile,
check); written in plain Python so no gettext tools are needed on any platform.
"""

from __future__ import annotations

import ast
import re
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations" / "cli"
MARKERS = ("_", "N_")
HEADER = "Content-Type: text/plain; charset=UTF-8\n"


def extract() -> list[str]:
    """Every message the command line says, in the order the code first says it."""
    found: dict[str, None] = {}
    for module in sorted((ROOT / "lovebridge" / "cli").rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in MARKERS and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value)
    sys.path.insert(0, str(ROOT))
    from lovebridge.cli.language import ARGPARSE_MESSAGES, SHARED_MESSAGES

    for message in (*SHARED_MESSAGES, *ARGPARSE_MESSAGES):
        found.setdefault(message)
    return list(found)


def catalogues() -> list[Path]:
    return sorted(FOLDER.glob("*.po"))


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def read_po(path: Path) -> dict[str, str]:
    """msgid -> msgstr of a .po file (single forms, no contexts: all the command line uses)."""
    entries: dict[str, str] = {}
    msgid: list[str] | None = None
    msgstr: list[str] | None = None
    current: list[str] | None = None

    def close() -> None:
        if msgid is not None and msgstr is not None and "".join(msgid):
            entries["".join(msgid)] = "".join(msgstr)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("msgid "):
            close()
            msgid, msgstr = [ast.literal_eval(line[6:])], None
            current = msgid
        elif line.startswith("msgstr "):
            msgstr = [ast.literal_eval(line[7:])]
            current = msgstr
        elif line.startswith('"') and current is not None:
            current.append(ast.literal_eval(line))
    close()
    return entries


def write_po(path: Path, messages: list[str], translations: dict[str, str]) -> None:
    language = path.stem
    lines = [
        f"# LoveBridge's command line in {language}. Made by tools/translations.py update;",
        "# translate each msgstr, then run tools/translations.py compile.",
        'msgid ""',
        'msgstr ""',
        _quoted(HEADER),
        f'"Language: {language}\\n"',
        "",
    ]
    for message in messages:
        lines += [f"msgid {_quoted(message)}", f"msgstr {_quoted(translations.get(message, ''))}",
                  ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def mo_bytes(translations: dict[str, str], language: str) -> bytes:
    """A GNU .mo catalogue of the translated messages (what Python's gettext reads)."""
    entries = {"": HEADER + f"Language: {language}\n"}
    entries.update({k: v for k, v in translations.items() if v})
    keys = sorted(entries)
    ids = strs = b""
    offsets = []
    for key in keys:
        key_bytes, value_bytes = key.encode("utf-8"), entries[key].encode("utf-8")
        offsets.append((len(ids), len(key_bytes), len(strs), len(value_bytes)))
        ids += key_bytes + b"\0"
        strs += value_bytes + b"\0"
    key_start = 7 * 4 + 16 * len(keys)
    value_start = key_start + len(ids)
    key_table, value_table = [], []
    for id_offset, id_length, str_offset, str_length in offsets:
        key_table += [id_length, id_offset + key_start]
        value_table += [str_length, str_offset + value_start]
    header = struct.pack("<7I", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + 8 * len(keys), 0, 0)
    return header + struct.pack(f"<{len(key_table) * 2}I", *key_table, *value_table) + ids + strs


def placeholders(text: str) -> set[str]:
    """The {names} a message fills in with str.format, and the %-places argparse fills in
    (%(prog)s, %s, %r; a literal %% in help, which argparse %-formats)."""
    return set(re.findall(r"\{\w*\}|%(?:\(\w+\))?[a-z%]", text))


def update() -> None:
    messages = extract()
    for po in catalogues():
        write_po(po, messages, read_po(po))
        missing = [m for m in messages if not read_po(po).get(m)]
        print(f"cli/{po.name}: {len(missing)} string(s) to translate")


def compile_all() -> None:
    for po in catalogues():
        po.with_suffix(".mo").write_bytes(mo_bytes(read_po(po), po.stem))


def check() -> list[str]:
    problems = []
    messages = extract()
    for po in catalogues():
        translations = read_po(po)
        for message in messages:
            if not translations.get(message):
                problems.append(f"cli/{po.name}: not translated: {message!r}")
            elif placeholders(translations[message]) != placeholders(message):
                problems.append(f"cli/{po.name}: other placeholders than in {message!r}")
        for message in set(translations) - set(messages):
            problems.append(f"cli/{po.name}: no longer said: {message!r}; run update")
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != mo_bytes(translations, po.stem):
            problems.append(f"cli/{mo.name}: out of date; run tools/translations.py compile")
    return problems
