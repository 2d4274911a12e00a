"""A cheaper "does this module use PySide6?" test for PySide6's import hook.

Once PySide6.QtCore is imported, PySide6 wraps `__import__` so that, after every later import
in the process, it records whether the new module uses PySide6 (for its opt-in
`from __feature__ import snake_case` switch). Its test is `inspect.getsource(module)` searched
for "PySide6": linecache, line splitting and joining for each of the ~470 modules that
start-up imports after Qt (SQLAlchemy, the models, the rooms). On the benchmark library that
was about a fifth of start-up's CPU time.

`use_cheap_feature_check` swaps in the same test done on the file's bytes: the same answer for
every module that has a source file, and False (as PySide6's own test gives) for one without
(the frozen app's modules, extensions). LoveBridge itself never selects a feature. When a
PySide6 release no longer has the hook, nothing is changed.
"""

from __future__ import annotations

import sys
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"  # where PySide6 keeps its import hook's helpers
HOOKED_NAME = "_mod_uses_pyside"


def module_uses_pyside(module: ModuleType) -> bool:
    """True when the module's source file names PySide6 (PySide6's own rule, read as bytes)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def use_cheap_feature_check() -> bool:
    """Install `module_uses_pyside` as PySide6's test; False when this PySide6 has no hook."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, HOOKED_NAME, None)):
        return False
    setattr(feature, HOOKED_NAME, module_uses_pyside)
    return True
