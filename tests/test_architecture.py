"""Layering rules from DESIGN.md, enforced: core/ and store/ import no Qt; render/ no widgets."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lovebridge"


def imported_modules(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[str(path.relative_to(PACKAGE))] = names
    return found


@pytest.mark.parametrize("layer", ["core", "store"])
def test_domain_layers_import_no_qt(layer: str) -> None:
    offenders = {
        path: sorted(name for name in names if name.startswith(("PySide6", "shiboken6")))
        for path, names in imported_modules(PACKAGE / layer).items()
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_domain_layers_import_nothing_from_ui() -> None:
    for layer in ("core", "store", "render"):
        for path, names in imported_modules(PACKAGE / layer).items():
            assert not any(name.startswith("lovebridge.ui") for name in names), path


def test_render_uses_no_widgets() -> None:
    for path, names in imported_modules(PACKAGE / "render").items():
        assert "PySide6.QtWidgets" not in names, path


def test_importing_core_and_store_loads_no_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, importlib, pkgutil, lovebridge.core, lovebridge.store\n"
        "for pkg in (lovebridge.core, lovebridge.store):\n"
        "    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if '.migrations' not in info.name: importlib.import_module(info.name)\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=PACKAGE.parent,
    )
    assert out.stdout.strip() == "[]"
