"""All LoveBridge tables. Importing this package registers every model on `Base.metadata`."""

from lovebridge.store.base import Base
from lovebridge.store.models.dictionary import DictionaryWord
from lovebridge.store.models.handwriting import Handwriting
from lovebridge.store.models.imports import ImportLedger, MemoryPlace
from lovebridge.store.models.memories import Memory, MemoryPhoto, Photo, Tag, memory_tags
from lovebridge.store.models.messages import CustomTemplate, DismissedHint, Message
from lovebridge.store.models.plans import (
    CheckIn,
    CustomIdea,
    Plan,
    PlanOccurrence,
    ReminderShown,
)
from lovebridge.store.models.profile import InsideJoke, Profile, SpecialDate
from lovebridge.store.models.sync import (
    SyncChange,
    SyncField,
    SyncNote,
    SyncSeen,
    SyncState,
    SyncVersion,
)

__all__ = [
    "Base",
    "CheckIn",
    "CustomIdea",
    "CustomTemplate",
    "DictionaryWord",
    "DismissedHint",
    "Handwriting",
    "ImportLedger",
    "InsideJoke",
    "Memory",
    "MemoryPhoto",
    "MemoryPlace",
    "Message",
    "Photo",
    "Plan",
    "PlanOccurrence",
    "Profile",
    "ReminderShown",
    "SpecialDate",
    "SyncChange",
    "SyncField",
    "SyncNote",
    "SyncSeen",
    "SyncState",
    "SyncVersion",
    "Tag",
    "memory_tags",
]
