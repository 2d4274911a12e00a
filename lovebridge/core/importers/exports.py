"""Importing an export file: tell LoveBridge, Takeout, Day One and Journey apart, then plan."""

from __future__ import annotations

import json
from pathlib import Path

from lovebridge.core.context import AppContext
from lovebridge.core.importers.archive import ArchiveError, ExportSource, open_source
from lovebridge.core.importers.dayone import journal_files, plan_dayone
from lovebridge.core.importers.job import NO_CONTROL, JobControl
from lovebridge.core.importers.journey import entry_files, plan_journey
from lovebridge.core.importers.plan import ImportPlan
from lovebridge.core.importers.reopen import manifest_prefix, plan_reopen
from lovebridge.core.importers.takeout import is_takeout, plan_takeout

PRODUCTS = {"lovebridge": "LoveBridge", "takeout": "Google Photos (Takeout)",
            "dayone": "Day One", "journey": "Journey"}


def detect(source: ExportSource) -> str:
    """"takeout", "dayone" or "journey"; ArchiveError when it is none of them."""
    names = source.names()
    if manifest_prefix(names) is not None:
        return "lovebridge"
    if is_takeout(names):
        return "takeout"
    for name in list(dict.fromkeys(journal_files(names) + entry_files(names)))[:5]:
        try:
            data = json.loads(source.read_bytes(name))
        except (ArchiveError, ValueError):
            continue
        if isinstance(data, dict) and isinstance(data.get("entries"), list):
            return "dayone"
        if isinstance(data, dict) and "date_journal" in data:
            return "journey"
    raise ArchiveError("this is not a Google Takeout, Day One or Journey export")


def plan_export(ctx: AppContext, path: Path, staging: Path,
                control: JobControl = NO_CONTROL) -> ImportPlan:
    """Read an export (ZIP or unpacked folder) into proposed memories; nothing is written."""
    source = open_source(path)
    try:
        kind = detect(source)
        planner = {"lovebridge": plan_reopen, "takeout": plan_takeout, "dayone": plan_dayone,
                   "journey": plan_journey}[kind]
        plan = planner(ctx, source, staging, control)
        for name, reason in getattr(source, "refused", []):
            plan.refuse(name, reason)
        return plan
    finally:
        source.close()
