"""The template library: built-in templates from resources/templates/*.toml, and own ones."""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lovebridge.core.content_translations import translated
from lovebridge.resources import resource_path

logger = logging.getLogger(__name__)

TONES = ("tender", "playful", "serious", "warm", "hopeful")
LENGTHS = ("short", "medium", "long")
LENGTH_LIMITS = {"short": 160, "medium": 500}
PLACEHOLDERS = (
    "partner", "me", "years_together", "days_together", "memory", "place", "inside_joke",
    "next_date", "memory_title", "memory_place", "plan_title", "plan_place", "city",
)
_PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")
_KEY_RE = re.compile(r"^[a-z_]+-\d{2,}$")


class TemplateFormatError(ValueError):
    """A template file or entry that does not follow the schema."""


@dataclass(frozen=True)
class Category:
    """A kind of message: its key, label, description and words that help matching."""

    key: str
    label: str
    description: str = ""
    occasions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    """One template; `custom_uuid` is set for the couple's own templates."""

    key: str
    category: str
    tone: str
    length: str
    text: str
    custom_uuid: str | None = None

    @property
    def is_custom(self) -> bool:
        return self.custom_uuid is not None

    def placeholders(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(_PLACEHOLDER_RE.findall(self.text)))


@dataclass(frozen=True)
class TemplateLibrary:
    """All categories and templates; `problems` names files that could not be read."""

    categories: tuple[Category, ...] = ()
    templates: tuple[Template, ...] = ()
    problems: tuple[str, ...] = ()
    _by_key: dict[str, Template] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_key.update({t.key: t for t in self.templates})

    def get(self, key: str | None) -> Template | None:
        return self._by_key.get(key) if key else None

    def category(self, key: str | None) -> Category | None:
        return next((c for c in self.categories if c.key == key), None)

    def label_of(self, key: str | None) -> str:
        found = self.category(key)
        return found.label if found else (key or "").replace("_", " ").capitalize()

    def in_category(self, key: str) -> tuple[Template, ...]:
        return tuple(t for t in self.templates if t.category == key)

    def with_templates(self, extra: Iterable[Template]) -> TemplateLibrary:
        """This library plus `extra` (the couple's own templates)."""
        return TemplateLibrary(self.categories, self.templates + tuple(extra), self.problems)


def length_class(text: str) -> str:
    """short (fits one text), medium (a few lines) or long (a letter)."""
    size = len(text)
    if size <= LENGTH_LIMITS["short"]:
        return "short"
    return "medium" if size <= LENGTH_LIMITS["medium"] else "long"


def check_placeholders(text: str) -> list[str]:
    """Placeholders in `text` that are not in the allowed list."""
    return [name for name in _PLACEHOLDER_RE.findall(text) if name not in PLACEHOLDERS]


TEMPLATE_TABLE = "\n[[template]]"  # where a category file's templates begin


def parse_category_file(source: str, stem: str) -> tuple[Category, list[Template]]:
    """Parse one category file's TOML text; raises TemplateFormatError with a clear reason."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateFormatError(f"{stem}.toml is not valid TOML: {exc}") from exc
    category = _category_of(data, stem)
    templates = [_parse_entry(entry, stem, n) for n, entry in enumerate(data.get("template", []))]
    return category, templates


def _category_of(data: dict[str, Any], stem: str) -> Category:
    key = data.get("category", stem)
    if key != stem:
        raise TemplateFormatError(f"{stem}.toml says category {key!r}; it must match the file")
    label = data.get("label")
    if not isinstance(label, str) or not label.strip():
        raise TemplateFormatError(f"{stem}.toml needs a label")
    occasions = data.get("occasions", [])
    if not isinstance(occasions, list) or not all(isinstance(o, str) for o in occasions):
        raise TemplateFormatError(f"{stem}.toml: occasions must be a list of text")
    return Category(key, label.strip(), str(data.get("description", "")), tuple(occasions))


def load_categories(
    folder: Path | None = None, language: str | None = None
) -> tuple[Category, ...]:
    """The kinds of note alone, read from the head of each category file (its templates are
    not parsed): what the Write home shows before any note is opened. A file whose head cannot
    be read is left out, as `load_library` leaves it out."""
    folder = folder or resource_path("templates")
    if not folder.is_dir():
        return ()
    categories: list[Category] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            head = path.read_text(encoding="utf-8").split(TEMPLATE_TABLE, 1)[0]
            categories.append(in_language(_category_of(tomllib.loads(head), path.stem), language))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, TemplateFormatError):
            continue  # named in `problems` when the whole library is read
    return tuple(categories)


def _parse_entry(entry: object, stem: str, number: int) -> Template:
    where = f"{stem}.toml template #{number + 1}"
    if not isinstance(entry, dict):
        raise TemplateFormatError(f"{where} is not a table")
    key, tone, length, text = (entry.get(name) for name in ("key", "tone", "length", "text"))
    if not isinstance(key, str) or not _KEY_RE.match(key) or not key.startswith(stem + "-"):
        raise TemplateFormatError(f"{where}: key {key!r} must look like {stem}-01")
    if tone not in TONES:
        raise TemplateFormatError(f"{where} ({key}): tone {tone!r} is not one of {TONES}")
    if length not in LENGTHS:
        raise TemplateFormatError(f"{where} ({key}): length {length!r} is not one of {LENGTHS}")
    if not isinstance(text, str) or not text.strip():
        raise TemplateFormatError(f"{where} ({key}): text is empty")
    unknown = check_placeholders(text)
    if unknown:
        raise TemplateFormatError(f"{where} ({key}): unknown placeholders {unknown}")
    return Template(key, stem, tone, length, text.strip())


def in_language(item: Category | Template, language: str | None) -> Any:
    """`item` with the words its translated content set gives it in `language`."""
    if isinstance(item, Category):
        return replace(
            item,
            label=translated(language, "kinds", item.key, "label", item.label),
            description=translated(language, "kinds", item.key, "description", item.description),
        )
    text = translated(language, "templates", item.key, "text", item.text)
    return replace(item, text=text) if not check_placeholders(text) else item


def load_library(folder: Path | None = None, language: str | None = None) -> TemplateLibrary:
    """Read every category file; a broken file is skipped and named in `problems`.

    With a `language`, kinds and templates that its translated content set covers read in that
    language (lovebridge.core.content_translations); the rest stay English.
    """
    folder = folder or resource_path("templates")
    categories: list[Category] = []
    templates: list[Template] = []
    problems: list[str] = []
    seen: set[str] = set()
    if not folder.is_dir():
        return TemplateLibrary()
    for path in sorted(folder.glob("*.toml")):
        try:
            category, entries = parse_category_file(path.read_text(encoding="utf-8"), path.stem)
        except (OSError, UnicodeDecodeError, TemplateFormatError) as exc:
            logger.warning("template file skipped: %s", path.name)
            problems.append(str(exc) if isinstance(exc, TemplateFormatError) else path.name)
            continue
        categories.append(in_language(category, language))
        for template in (in_language(entry, language) for entry in entries):
            if template.key in seen:
                problems.append(f"{path.name}: duplicate key {template.key}")
                continue
            seen.add(template.key)
            templates.append(template)
    return TemplateLibrary(tuple(categories), tuple(templates), tuple(problems))
