"""Small invented fragments for the store conformance suite (names and text made up here)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from graph.ids import claim_id, concept_id, episode_id, person_id, segment_id
from graph.model import (
    Appearance,
    Claim,
    Concept,
    Episode,
    GraphFragment,
    Mention,
    Person,
    Role,
    Segment,
)


@dataclass
class Draft:
    """A fragment under construction: add speakers, turns, concepts and claims, then build."""

    title: str
    source: str
    sha: str
    show: str | None = "Orchard Radio"
    published: str | None = None
    people: dict[str, Person] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    segments: list[Segment] = field(default_factory=list)
    concepts: dict[str, Concept] = field(default_factory=dict)
    mentions: dict[str, Mention] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    chars: int = 0

    @property
    def id(self) -> str:
        return episode_id(self.sha)

    def person(self, name: str, role: Role = "guest", aliases: tuple[str, ...] = ()) -> str:
        pid = person_id(name, self.id)
        self.people[pid] = Person(pid, name, aliases)
        self.roles[pid] = role
        return pid

    def turn(self, speaker: str, start: float, end: float, text: str) -> str:
        sid = segment_id(self.id, start)
        seg = Segment(sid, self.id, len(self.segments), start, end, text, speaker,
                      self.chars, self.chars + len(text))
        self.chars += len(text) + 1
        self.segments.append(seg)
        return sid

    def concept(
        self, name: str, count: int, first_s: float, aliases: tuple[str, ...] = (), kind: str = "topic"
    ) -> str:
        cid = concept_id(name)
        self.concepts[cid] = Concept(cid, name, aliases, kind)
        self.mentions[cid] = Mention(cid, self.id, count, first_s)
        return cid

    def claim(
        self,
        seg_id: str,
        quote: str,
        type_: str,
        concepts: tuple[str, ...] = (),
        text: str | None = None,
        at: tuple[float, float] | None = None,
        horizon: str | None = None,
    ) -> str:
        seg = next(s for s in self.segments if s.id == seg_id)
        off = seg.text.find(quote)
        off = 0 if off < 0 else off
        start, end = at if at else (seg.start_s, seg.end_s)
        cid = claim_id(seg.id, seg.char_start + off, seg.char_start + off + len(quote))
        self.claims.append(Claim(
            cid, self.id, seg.id, seg.speaker_id, start, end, quote,
            quote if text is None else text, type_, 0.75,
            seg.char_start + off, seg.char_start + off + len(quote), horizon, concepts,
        ))
        return cid

    def build(self) -> GraphFragment:
        duration = max((s.end_s for s in self.segments), default=0.0)
        ep = Episode(self.id, self.title, self.show, self.published, self.source, duration, self.sha)
        return GraphFragment(
            episode=ep,
            people=tuple(self.people.values()),
            appearances=tuple(Appearance(p, self.id, r) for p, r in self.roles.items()),
            segments=tuple(self.segments),
            concepts=tuple(self.concepts.values()),
            mentions=tuple(self.mentions.values()),
            claims=tuple(self.claims),
        )


# Names used across the tests.
MARA = person_id("Mara Quill")
TOBIAS = person_id("Tobias Fenwick")
ODA = person_id("Oda Brightwater")
GARDEN = concept_id("Quantum Gardening")
MOSS = concept_id("Moss Protocol")
LICHEN = concept_id("Lichen Networks")
FERN = concept_id("Fern Ledger")
REINDEER = concept_id("Reindeer Lichen")
LICHEN_ONLY = concept_id("Lichen")
DYES = concept_id("Lichen Dyes")


def episode_one(sha: str = "a1" * 32, title: str = "Gardens at the Edge of Physics") -> Draft:
    """Mara hosts Tobias: quantum gardening and the moss protocol."""
    d = Draft(title, "shows/orchard/001.txt", sha, published="2024-03-05")
    mara = d.person("Mara Quill", "host")
    tob = d.person("Tobias Fenwick", "guest", ("Toby Fenwick",))
    s0 = d.turn(mara, 0.0, 12.5, "Welcome back, today we dig into quantum gardening with Tobias.")
    s1 = d.turn(tob, 12.5, 40.0, "Quantum gardening will replace greenhouses within ten years, I am sure.")
    d.turn(mara, 40.0, 55.25, "And the moss protocol, is it really that fast?")
    s3 = d.turn(tob, 55.25, 90.0, "The Moss Protocol routes water like packets, um, like packets on a network.")
    garden = d.concept("Quantum Gardening", 3, 7.5, ("quantum-gardening", "QGardening"), "technique")
    moss = d.concept("Moss Protocol", 2, 41.0, ("moss proto",), "product")
    d.concept("Fern Ledger", 1, 80.0, (), "organization")
    d.claim(s1, "Quantum gardening will replace greenhouses within ten years", "prediction",
            (garden,), at=(12.5, 30.0), horizon="ten years")
    d.claim(s3, "The Moss Protocol routes water like packets, um, like packets on a network",
            "explanation", (moss,), text="The Moss Protocol routes water like packets on a network",
            at=(60.0, 88.0))
    d.claim(s0, "today we dig into quantum gardening", "fact", (garden,), at=(2.0, 9.0))
    return d


def episode_two(sha: str = "b2" * 32) -> Draft:
    """Oda hosts; Tobias returns (another alias); the moss protocol again, and lichen networks."""
    d = Draft("Moss, Lichen and the Wet Internet", "shows/orchard/002.txt", sha, show="ORCHARD radio",
              published="2024-04-20")
    oda = d.person("Oda Brightwater", "host")
    tob = d.person("Tobias Fenwick", "guest", ("T. Fenwick",))
    s0 = d.turn(oda, 0.0, 20.0, "Lichen networks are the slow internet of the forest.")
    s1 = d.turn(tob, 20.0, 45.0, "I think the moss protocol is better than lichen networks for cities.")
    s2 = d.turn(oda, 45.0, 70.0, "You should try moss proto on a balcony first.")
    moss = d.concept("Moss Protocol", 4, 21.0, ("MossProto", "moss protocol"), "product")
    lichen = d.concept("Lichen Networks", 5, 0.5, ("lichen net",), "topic")
    d.concept("Reindeer Lichen", 7, 30.0)
    d.claim(s0, "Lichen networks are the slow internet of the forest", "opinion", (lichen,), at=(0.0, 18.0))
    d.claim(s1, "the moss protocol is better than lichen networks for cities", "opinion",
            (moss, lichen), at=(22.0, 44.0))
    d.claim(s2, "You should try moss proto on a balcony first", "recommendation", (moss,), at=(45.0, 69.0))
    return d


def episode_three(sha: str = "c3" * 32) -> Draft:
    """No date, no show: Mara alone on lichen networks."""
    d = Draft("Notes on Lichen", "notes/lichen.md", sha, show=None, published=None)
    mara = d.person("Mara Quill", "host", ("M. Quill",))
    s0 = d.turn(mara, 5.0, 30.0, "Lichen networks, explained: fungi and algae sharing a ledger.")
    lichen = d.concept("Lichen Networks", 2, 5.0, ("Lichen-Networks",), "topic")
    d.concept("Lichen", 1, 6.0)
    d.concept("Lichen Dyes", 9, 10.0, ("lichen dye",), "product")
    d.claim(s0, "Lichen networks, explained: fungi and algae sharing a ledger", "explanation", (lichen,),
            at=(5.0, 29.0))
    return d


_SYLLABLES = ("mo", "ra", "ki", "lu", "fen", "da", "quo", "zel", "ar", "ti", "ny", "bo")
_TYPES = ("prediction", "opinion", "explanation", "fact", "recommendation")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3)))


def random_world(seed: int, episodes: int = 6) -> list[GraphFragment]:
    """Seeded invented episodes sharing people and concepts, for differential checks."""
    rng = random.Random(seed)
    people = [f"{_word(rng).title()} {_word(rng).title()}" for _ in range(6)]
    concepts = [" ".join(_word(rng) for _ in range(rng.randint(1, 2))).title() for _ in range(10)]
    out: list[GraphFragment] = []
    for e in range(episodes):
        d = Draft(
            f"{_word(rng).title()} {_word(rng)} {e}",
            f"random/{seed}/{e}.txt",
            f"{seed:02x}{e:02x}" * 16,
            show=rng.choice(["Alpha Hour", "alpha hour", "Beta", None]),
            published=rng.choice([None, "2023-01-01", "2023-06-15", "2024-02-29"]),
        )
        cast_ = rng.sample(people, rng.randint(1, 3))
        pids = [d.person(n, rng.choice(["host", "guest"]),
                         tuple(rng.sample([n.upper(), n.split()[0], f"{n} Jr"], rng.randint(0, 2))))
                for n in cast_]
        t = 0.0
        segs = []
        for _ in range(rng.randint(2, 6)):
            dur = round(rng.uniform(2, 30), 2)
            text = " ".join(_word(rng) for _ in range(rng.randint(4, 12)))
            segs.append(d.turn(rng.choice(pids), t, t + dur, text))
            t = round(t + dur, 2)
        cids = []
        for name in rng.sample(concepts, rng.randint(1, 4)):
            aliases = tuple(rng.sample([name.lower(), name.replace(" ", "-"), _word(rng)], rng.randint(0, 2)))
            cids.append(d.concept(name, rng.randint(1, 9), round(rng.uniform(0, t), 2), aliases,
                                  rng.choice(["topic", "product", "technique"])))
        for sid in segs:
            if rng.random() < 0.7:
                seg = next(s for s in d.segments if s.id == sid)
                words = seg.text.split()
                quote = " ".join(words[: rng.randint(2, len(words))])
                d.claim(sid, quote, rng.choice(_TYPES), tuple(rng.sample(cids, rng.randint(0, len(cids)))),
                        at=(seg.start_s, seg.end_s))
        out.append(d.build())
    return out
