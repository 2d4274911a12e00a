"""Rows known by what they say travel too: the couple's own dictionary words, each partner's
handwriting and a memory's places. Made on both laptops, they are one row, never a clash."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from lovebridge.core.hand.model import Hand
from lovebridge.core.hand.service import HandwritingService
from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.core.write.dictionary import PersonalDictionary
from lovebridge.store.models import DictionaryWord, Memory, MemoryPlace
from tests.sync.helpers import paired_laptops


@pytest.fixture
def paired(tmp_path: Path):
    with paired_laptops(tmp_path) as (_shared, maya, jonah):
        yield maya, jonah


def exchange(*laptops) -> None:
    for _ in range(2):
        for laptop in laptops:
            laptop.engine.sync_now()


def words(laptop) -> list[str]:
    with laptop.ctx.store.session_scope() as s:
        return sorted(s.scalars(select(DictionaryWord.word)))


def places(laptop) -> list[tuple[str, str, str]]:
    with laptop.ctx.store.session_scope() as s:
        return sorted(s.execute(select(Memory.title, MemoryPlace.name, MemoryPlace.country)
                                .join(Memory, Memory.id == MemoryPlace.memory_id)).all())


def test_the_same_word_added_on_both_laptops_is_one_word(paired) -> None:
    maya, jonah = paired
    PersonalDictionary(maya.ctx.store).add("Mochi")
    PersonalDictionary(jonah.ctx.store).add("mochi")
    PersonalDictionary(jonah.ctx.store).add("Tavira")
    exchange(maya, jonah)
    assert words(maya) == words(jonah) == ["mochi", "tavira"]


def test_a_word_removed_on_one_laptop_goes_on_both_until_added_again(paired) -> None:
    maya, jonah = paired
    PersonalDictionary(maya.ctx.store).add("mochi")
    exchange(maya, jonah)
    with jonah.ctx.store.session_scope() as s:
        s.delete(s.scalars(select(DictionaryWord)).one())
    maya.clock[0] += 1000
    jonah.clock[0] += 1000
    exchange(jonah, maya)
    assert words(maya) == words(jonah) == []
    maya.clock[0] += 1000
    PersonalDictionary(maya.ctx.store).add("mochi")  # added again, later than the removal
    exchange(maya, jonah)
    assert words(maya) == words(jonah) == ["mochi"]


def test_each_partner_has_one_hand_and_the_later_capture_wins(paired) -> None:
    maya, jonah = paired
    HandwritingService(maya.ctx.store).save("a", Hand("Maya's first try"))
    HandwritingService(jonah.ctx.store).save("b", Hand("Jonah"))
    maya.clock[0] += 1000
    jonah.clock[0] += 5000  # Maya's hand captured again on Jonah's laptop, later
    HandwritingService(jonah.ctx.store).save("a", Hand("Maya, neater"))
    exchange(maya, jonah)
    for laptop in (maya, jonah):
        hands = {h.partner: h.name for h in HandwritingService(laptop.ctx.store).list()}
        assert hands == {"a": "Maya, neater", "b": "Jonah"}


def test_a_place_added_to_a_memory_on_both_laptops_is_one_place(paired) -> None:
    maya, jonah = paired
    memory = MemoryService(maya.ctx).save(MemoryDraft("Harbour walk", MemoryDate(2024, 6)))
    exchange(maya, jonah)
    for laptop, name in ((maya, "Lisbon"), (jonah, "lisbon")):
        with laptop.ctx.store.session_scope() as s:
            row = s.scalars(select(Memory).where(Memory.uuid == memory.uuid)).one()
            s.add(MemoryPlace(memory_id=row.id, name=name, country="Portugal"))
    with jonah.ctx.store.session_scope() as s:
        row = s.scalars(select(Memory).where(Memory.uuid == memory.uuid)).one()
        s.add(MemoryPlace(memory_id=row.id, name="Belém", country="Portugal", position=1))
    exchange(maya, jonah)
    assert len(places(maya)) == 2
    assert places(maya) == places(jonah)
    assert {p[1].casefold() for p in places(jonah)} == {"lisbon", "belém"}


def test_the_places_of_a_private_memory_stay(paired) -> None:
    maya, jonah = paired
    MemoryService(maya.ctx).save(MemoryDraft("Ours", MemoryDate(2024)))
    with maya.ctx.store.session_scope() as s:
        secret = Memory(title="Mine alone", date_year=2024, private=True)
        s.add(secret)
        s.flush()
        s.add(MemoryPlace(memory_id=secret.id, name="Porto"))
    exchange(maya, jonah)
    assert places(jonah) == []


def test_a_word_with_letters_that_fold_differently_arrives_as_it_was_written(paired) -> None:
    maya, jonah = paired
    PersonalDictionary(maya.ctx.store).add("Straße")
    exchange(maya, jonah)
    PersonalDictionary(jonah.ctx.store).add("straße")  # already there: nothing new
    exchange(jonah, maya)
    assert words(maya) == words(jonah) == ["straße"]
