"""No platform-specific date codes anywhere in LoveBridge: "%-d" raises ValueError on Windows
and "%#d" means nothing on Linux or macOS; the `.replace(" 0", " ")` workaround for leading zeros
hides the same problem. Dates go through lovebridge.ui.formatting or lovebridge.core.formatting."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "lovebridge"
PLATFORM_CODE = re.compile(r"%[-#][A-Za-z]")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def offenders(source: str) -> list[str]:
    """The platform codes and zero workarounds used in `source` (docstrings may name them)."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            found += PLATFORM_CODE.findall(node.value)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "replace" and len(node.args) == 2
                and all(isinstance(a, ast.Constant) for a in node.args)
                and [a.value for a in node.args] == [" 0", " "]):
            found.append('.replace(" 0", " ")')
    return found


def test_the_checker_finds_what_it_looks_for() -> None:
    assert offenders('day.strftime("%-d %B")') == ["%-d"]
    assert offenders("f'{when:%#d %B}'") == ["%#d"]
    assert offenders('day.strftime("%d %B").replace(" 0", " ")') == ['.replace(" 0", " ")']
    assert offenders('day.strftime("%Y%m%d-%H%M%S")') == []
    assert offenders('"""No "%-d" here: it fails on Windows."""') == []


def test_no_platform_strftime_codes_in_lovebridge() -> None:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        codes = offenders(path.read_text(encoding="utf-8"))
        if codes:
            found[str(path.relative_to(PACKAGE.parent))] = codes
    assert found == {}
