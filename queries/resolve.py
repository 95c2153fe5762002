"""One person, one node: match an episode's people to the people already stored.

Before an episode is written its people are matched to stored ones by name or alias,
then by a close spelling of the same full name (speech recognition), then a lone first
name to the one stored full name it can mean. After writing, people known only by a
first name are folded into the full-name person they must be.
"""

from __future__ import annotations

from dataclasses import replace

from graph.ids import normalise_name, stand_in
from graph.model import ROLE_RANK, Appearance, GraphFragment, Person
from graph.names import same_person
from graph.store import GraphStore

MIN_FIRST_NAME = 4  # shorter first names are too ambiguous to resolve alone


def _first_name_owner(name: str, people: list[Person]) -> Person | None:
    """The single stored full-name person whose first name is ``name``."""
    token = normalise_name(name)
    if " " in token or len(token) < MIN_FIRST_NAME or stand_in(name):
        return None
    owners = [p for p in people if len(normalise_name(p.name).split()) >= 2
              and normalise_name(p.name).split()[0] == token]
    return owners[0] if len(owners) == 1 else None


async def match_person(store: GraphStore, name: str, people: list[Person]) -> Person | None:
    """The stored person ``name`` refers to, if any."""
    exact = await store.find_person(name)
    if exact is not None:
        return exact
    close = [p for p in people if same_person(name, p.name)]
    if len(close) == 1:
        return close[0]
    return _first_name_owner(name, people)


async def resolve_people(store: GraphStore, fragment: GraphFragment) -> GraphFragment:
    """The fragment with its people renamed to the stored people they are."""
    stored = await store.people()
    mapping: dict[str, Person] = {}
    for p in fragment.people:
        if stand_in(p.name):
            continue  # an unnamed voice is its episode's own ("Host")
        found = await match_person(store, p.name, stored)
        if found is not None and found.id != p.id:
            aliases = tuple(sorted({*found.aliases, *p.aliases, p.name} - {found.name}))
            mapping[p.id] = Person(found.id, found.name, aliases)
    if not mapping:
        return fragment

    def pid(x: str) -> str:
        return mapping[x].id if x in mapping else x

    people = {pid(p.id): mapping.get(p.id, p) for p in fragment.people}
    roles: dict[str, Appearance] = {}
    for a in fragment.appearances:
        moved = Appearance(pid(a.person_id), a.episode_id, a.role)
        old = roles.get(moved.person_id)
        if old is None or ROLE_RANK[moved.role] < ROLE_RANK[old.role]:
            roles[moved.person_id] = moved
    return replace(
        fragment,
        people=tuple(people.values()),
        appearances=tuple(roles.values()),
        segments=tuple(replace(s, speaker_id=pid(s.speaker_id)) for s in fragment.segments),
        claims=tuple(replace(c, speaker_id=pid(c.speaker_id)) for c in fragment.claims),
    )


async def fold_first_names(store: GraphStore) -> list[tuple[str, str]]:
    """Fold people known by a first name alone into the one full-name person it means.

    Returns the (kept, dropped) name pairs.
    """
    people = await store.people()
    folded: list[tuple[str, str]] = []
    for p in people:
        owner = _first_name_owner(p.name, people)
        if owner is not None and owner.id != p.id and await store.merge_person(owner.id, p.id):
            folded.append((owner.name, p.name))
    return folded
