"""PySide6's after-import test, made cheap: the same answers as PySide6's own, far less work."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_the_cheap_check_answers_as_pysides_own_for_every_loaded_module() -> None:
    """Across every module this test process has loaded (LoveBridge's, SQLAlchemy's, the
    standard library's, PySide6's), the file-bytes check and PySide6's `inspect.getsource`
    check agree, and the swap reaches the hook PySide6 actually calls. (What it saves is
    measured by tests/perf/bench.py's start-up rows.)"""
    script = textwrap.dedent("""
        import json, sys
        import PySide6.QtWidgets
        import sqlalchemy.orm
        import lovebridge.ui.shell.window, lovebridge.store
        from lovebridge.ui import pyside_imports

        feature = sys.modules[pyside_imports.FEATURE_MODULE]
        pysides_own = getattr(feature, pyside_imports.HOOKED_NAME)
        modules = [m for m in list(sys.modules.values()) if m is not None]
        theirs = [pysides_own(m) for m in modules]
        ours = [pyside_imports.module_uses_pyside(m) for m in modules]
        differ = [m.__name__ for m, a, b in zip(modules, theirs, ours) if a != b]
        assert pyside_imports.use_cheap_feature_check()
        assert getattr(feature, pyside_imports.HOOKED_NAME) is pyside_imports.module_uses_pyside
        print(json.dumps({"count": len(modules), "using": sum(ours), "differ": differ}))
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                          text=True, timeout=120, check=False,
                          env={"PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen",
                               "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["count"] > 300 and found["using"] > 10  # LoveBridge's Qt modules say PySide6
    assert found["differ"] == []


def test_with_no_such_hook_nothing_is_changed(monkeypatch) -> None:
    from lovebridge.ui import pyside_imports

    monkeypatch.delitem(sys.modules, pyside_imports.FEATURE_MODULE, raising=False)
    assert pyside_imports.use_cheap_feature_check() is False
