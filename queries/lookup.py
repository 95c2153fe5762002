"""Name lookups: case-insensitive, through aliases, tolerant of speech-recognition spellings."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from graph.ids import normalise_name
from graph.model import Concept, Person
from graph.store import GraphStore

FUZZY_PERSON = 88.0  # rapidfuzz WRatio needed to accept a misspelt person name


async def resolve_person(store: GraphStore, name: str) -> Person | None:
    """The person called ``name`` (or an alias); failing that, a close spelling.

    >>> import asyncio, tempfile, pathlib
    >>> from graph.embedded import EmbeddedStore
    >>> asyncio.run(resolve_person(EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "g"), "Ann")) is None
    True
    """
    exact = await store.find_person(name)
    if exact is not None or not normalise_name(name):
        return exact
    people = await store.people()
    choices = {p.id: normalise_name(p.name) for p in people}
    best = process.extractOne(normalise_name(name), choices, scorer=fuzz.WRatio)
    if best is None or best[1] < FUZZY_PERSON:
        return None
    return next(p for p in people if p.id == best[2])


async def resolve_concept(store: GraphStore, name: str) -> Concept | None:
    """The concept called ``name`` or having it as an alias."""
    return await store.find_concept(name)
