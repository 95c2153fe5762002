"""The GraphQL schema. Resolvers only call functions in ``queries/``."""

from typing import Annotated, Optional, cast

import strawberry
from strawberry.extensions import MaskErrors, QueryDepthLimiter
from strawberry.scalars import JSON
from strawberry.types import Info

from api.context import Context
from graph import model
from graph.errors import PodgraphError
from queries import across, entities
from queries.claims import ClaimQuery, find_claims
from queries.lookup import resolve_concept, resolve_person
from queries.subgraph import subgraph as query_subgraph

MAX_DEPTH = 10


def _ctx(info: Info) -> Context:
    ctx: Context = info.context["ctx"]
    return ctx


def _media_link(url: str | None, seconds: float) -> str | None:
    if not url:
        return None
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}t={int(seconds)}"


@strawberry.type(description="A speaker turn, verbatim.")
class Utterance:
    id: strawberry.ID
    index: int
    start: float
    end: float
    text: str
    confidence: float
    ad: bool
    speaker_id: strawberry.Private[str]

    @strawberry.field
    async def speaker(self, info: Info) -> Optional["Person"]:
        p = await _ctx(info).people.load(self.speaker_id)
        return Person.of(p) if p else None


@strawberry.type(description="What a speaker asserts, predicts, explains or recommends.")
class Claim:
    id: strawberry.ID
    quote: str = strawberry.field(description="The verbatim transcript text.")
    text: str = strawberry.field(description="Clean text: fillers and stutters removed.")
    start: float
    end: float
    type: str
    certainty: float
    horizon: str | None
    episode_id: strawberry.ID
    speaker_id: strawberry.Private[str]
    concept_ids: strawberry.Private[tuple[str, ...]]

    @classmethod
    def of(cls, c: model.Claim) -> "Claim":
        return cls(
            id=strawberry.ID(c.id), quote=c.quote, text=c.text, start=c.start_s, end=c.end_s,
            type=c.type, certainty=c.certainty, horizon=c.horizon,
            episode_id=strawberry.ID(c.episode_id), speaker_id=c.speaker_id, concept_ids=c.concept_ids,
        )

    @strawberry.field
    async def speaker(self, info: Info) -> Optional["Person"]:
        p = await _ctx(info).people.load(self.speaker_id)
        return Person.of(p) if p else None

    @strawberry.field
    async def episode(self, info: Info) -> Optional["Episode"]:
        e = await _ctx(info).episodes.load(self.episode_id)
        return Episode.of(e) if e else None

    @strawberry.field
    async def concepts(self, info: Info) -> list["Concept"]:
        found = await _ctx(info).concepts.load_many(list(self.concept_ids))
        return [Concept.of(c) for c in found if c is not None]

    @strawberry.field(description="Claims in other episodes linked to this one (SIMILAR_TO).")
    async def similar(self, info: Info, limit: int = 10) -> list["LinkedClaim"]:
        ctx = _ctx(info)
        rows = await ctx.store.similar(self.id, ctx.page(limit))
        return [LinkedClaim(claim=Claim.of(c), weight=w, stance=st) for c, w, st in rows]

    @strawberry.field(description="Link to this moment of the episode's media, when it has one.")
    async def media_url(self, info: Info) -> str | None:
        e = await _ctx(info).episodes.load(self.episode_id)
        return _media_link(e.media_url if e else None, self.start)


@strawberry.type
class SpeakerRole:
    person: "Person"
    role: str


@strawberry.type
class EpisodeRole:
    episode: "Episode"
    role: str


@strawberry.type
class ConceptCount:
    concept: "Concept"
    count: int


@strawberry.type
class ConceptMention:
    concept: "Concept"
    count: int
    first: float


@strawberry.type
class EpisodeMention:
    episode: "Episode"
    count: int
    first: float


@strawberry.type
class SpeakerCount:
    person: "Person"
    count: int


@strawberry.type
class RelatedConcept:
    concept: "Concept"
    weight: float


def _claim_query(
    speaker: str | None = None, concept: str | None = None, episode: str | None = None,
    type: str | None = None, from_s: float | None = None, to_s: float | None = None,
    text: str | None = None, offset: int = 0, limit: int = 20,
) -> ClaimQuery:
    return ClaimQuery(speaker, concept, episode, type, from_s, to_s, text, max(0, offset), limit)


@strawberry.type(description="One transcript: an episode of a show.")
class Episode:
    id: strawberry.ID
    title: str
    show: str | None
    published: str | None
    source: str
    duration_s: float
    media_url: str | None

    @classmethod
    def of(cls, e: model.Episode) -> "Episode":
        return cls(
            id=strawberry.ID(e.id), title=e.title, show=e.show, published=e.published,
            source=e.source, duration_s=e.duration_s, media_url=e.media_url,
        )

    @strawberry.field
    async def speakers(self, info: Info) -> list[SpeakerRole]:
        pairs = await entities.episode_speakers(_ctx(info).store, self.id)
        return [SpeakerRole(person=Person.of(p), role=r) for p, r in pairs]

    @strawberry.field
    async def concepts(self, info: Info, limit: int = 20) -> list[ConceptMention]:
        ctx = _ctx(info)
        pairs = await entities.episode_concepts(ctx.store, self.id, ctx.page(limit))
        return [ConceptMention(concept=Concept.of(c), count=m.count, first=m.first_s) for c, m in pairs]

    @strawberry.field
    async def claims(
        self, info: Info, speaker: str | None = None, concept: str | None = None,
        type: str | None = None, offset: int = 0, limit: int = 20,
    ) -> list[Claim]:
        ctx = _ctx(info)
        q = _claim_query(speaker, concept, self.id, type, offset=offset, limit=ctx.page(limit))
        return [Claim.of(c) for c in await find_claims(ctx.store, q)]

    @strawberry.field(description="Speaker turns overlapping the time window [from, to] (seconds).")
    async def utterances(
        self, info: Info,
        from_s: Annotated[float | None, strawberry.argument(name="from")] = None,
        to_s: Annotated[float | None, strawberry.argument(name="to")] = None,
        limit: int = 20,
    ) -> list[Utterance]:
        ctx = _ctx(info)
        segs = await ctx.store.segments(self.id, from_s, to_s, ctx.page(limit))
        return [
            Utterance(id=strawberry.ID(s.id), index=s.index, start=s.start_s, end=s.end_s, text=s.text,
                      confidence=s.confidence, ad=s.ad, speaker_id=s.speaker_id)
            for s in segs
        ]


@strawberry.type(description="Somebody who speaks in, or is talked about in, episodes.")
class Person:
    id: strawberry.ID
    name: str
    aliases: list[str]

    @classmethod
    def of(cls, p: model.Person) -> "Person":
        return cls(id=strawberry.ID(p.id), name=p.name, aliases=list(p.aliases))

    @strawberry.field
    async def episodes(self, info: Info) -> list[EpisodeRole]:
        pairs = await entities.person_episodes(_ctx(info).store, self.id)
        return [EpisodeRole(episode=Episode.of(e), role=r) for e, r in pairs]

    @strawberry.field
    async def claims(
        self, info: Info, concept: str | None = None, type: str | None = None,
        episode: str | None = None, offset: int = 0, limit: int = 20,
    ) -> list[Claim]:
        ctx = _ctx(info)
        q = _claim_query(self.name, concept, episode, type, offset=offset, limit=ctx.page(limit))
        return [Claim.of(c) for c in await find_claims(ctx.store, q)]

    @strawberry.field(description="The concepts this person's claims are most often about.")
    async def top_concepts(self, info: Info, limit: int = 10) -> list[ConceptCount]:
        ctx = _ctx(info)
        pairs = await entities.person_top_concepts(ctx.store, self.id, ctx.page(limit))
        return [ConceptCount(concept=Concept.of(c), count=n) for c, n in pairs]


@strawberry.type(description="One canonical idea, with the ways it was said.")
class Concept:
    id: strawberry.ID
    name: str
    aliases: list[str]
    kind: str

    @classmethod
    def of(cls, c: model.Concept) -> "Concept":
        return cls(id=strawberry.ID(c.id), name=c.name, aliases=list(c.aliases), kind=c.kind)

    @strawberry.field
    async def episodes(self, info: Info) -> list[EpisodeMention]:
        pairs = await entities.concept_episodes(_ctx(info).store, self.id)
        return [EpisodeMention(episode=Episode.of(e), count=m.count, first=m.first_s) for e, m in pairs]

    @strawberry.field(description="Who made claims about this concept, with how many.")
    async def speakers(self, info: Info) -> list[SpeakerCount]:
        pairs = await entities.concept_speakers(_ctx(info).store, self.id)
        return [SpeakerCount(person=Person.of(p), count=n) for p, n in pairs]

    @strawberry.field
    async def claims(
        self, info: Info, speaker: str | None = None, type: str | None = None,
        episode: str | None = None, offset: int = 0, limit: int = 20,
    ) -> list[Claim]:
        ctx = _ctx(info)
        q = _claim_query(speaker, self.name, episode, type, offset=offset, limit=ctx.page(limit))
        return [Claim.of(c) for c in await find_claims(ctx.store, q)]

    @strawberry.field
    async def related(self, info: Info, limit: int = 10) -> list[RelatedConcept]:
        ctx = _ctx(info)
        pairs = await ctx.store.related(self.id, ctx.page(limit))
        return [RelatedConcept(concept=Concept.of(c), weight=w) for c, w in pairs]


@strawberry.type
class GraphNode:
    id: strawberry.ID
    kind: str
    label: str
    size: float
    props: JSON


@strawberry.type
class GraphEdge:
    source: strawberry.ID
    target: strawberry.ID
    kind: str
    weight: float


@strawberry.type(description="Nodes and edges ready for a visualisation.")
class Subgraph:
    nodes: list[GraphNode]
    edges: list[GraphEdge]


@strawberry.type
class SearchHit:
    kind: str
    id: strawberry.ID
    label: str
    score: float


@strawberry.type
class Count:
    kind: str
    count: int


@strawberry.type
class Stats:
    nodes: list[Count]
    edges: list[Count]


@strawberry.type(description="One episode's claims, in a timeline across episodes.")
class EpisodeClaims:
    episode: Episode
    claims: list[Claim]


@strawberry.type(description="One speaker's claims on a concept, for side-by-side comparison.")
class SpeakerClaims:
    person: Person
    claims: list[Claim]


@strawberry.type(description="A claim linked to another across episodes.")
class LinkedClaim:
    claim: Claim
    weight: float = strawberry.field(description="TF-IDF cosine similarity; 0 for 'same topic'.")
    stance: str = strawberry.field(description="agree | disagree | related | same topic")


@strawberry.type(description="A shortest path between two nodes, with its claims as evidence.")
class Connection:
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    evidence: list[Claim]


@strawberry.type(description="A community of concepts that are discussed together.")
class Topic:
    id: int
    concepts: list[Concept]


async def _timeline(ctx: Context, concept: str, speaker: str | None) -> list[EpisodeClaims]:
    rows = await across.timeline(ctx.store, concept, speaker)
    cap = ctx.settings.max_page
    return [EpisodeClaims(episode=Episode.of(r.episode), claims=[Claim.of(c) for c in r.claims[:cap]])
            for r in rows[:cap]]


def _graph_node(n: model.GraphNode) -> GraphNode:
    return GraphNode(id=strawberry.ID(n.id), kind=n.kind, label=n.label, size=n.size,
                     props=cast(JSON, dict(n.props)))


def _graph_edge(e: model.GraphEdge) -> GraphEdge:
    return GraphEdge(source=strawberry.ID(e.source), target=strawberry.ID(e.target), kind=e.kind,
                     weight=e.weight)


@strawberry.type
class Query:
    @strawberry.field(description="Episodes, filtered by show, person or concept.")
    async def episodes(
        self, info: Info, show: str | None = None, person: str | None = None,
        concept: str | None = None, offset: int = 0, limit: int = 20,
    ) -> list[Episode]:
        ctx = _ctx(info)
        eps = await entities.list_episodes(ctx.store, show, person, concept, max(0, offset), ctx.page(limit))
        return [Episode.of(e) for e in eps]

    @strawberry.field
    async def episode(self, info: Info, id: strawberry.ID) -> Episode | None:
        e = await _ctx(info).store.episode(str(id))
        return Episode.of(e) if e else None

    @strawberry.field
    async def people(self, info: Info, offset: int = 0, limit: int = 20) -> list[Person]:
        ctx = _ctx(info)
        people = await ctx.store.people()
        return [Person.of(p) for p in people[max(0, offset) : max(0, offset) + ctx.page(limit)]]

    @strawberry.field(description="A person by name or alias, case-insensitive.")
    async def person(self, info: Info, name: str) -> Person | None:
        p = await resolve_person(_ctx(info).store, name)
        return Person.of(p) if p else None

    @strawberry.field(description="Concepts whose name or alias contains the search text.")
    async def concepts(self, info: Info, search: str | None = None, limit: int = 20) -> list[Concept]:
        ctx = _ctx(info)
        return [Concept.of(c) for c in await ctx.store.concepts(search=search, limit=ctx.page(limit))]

    @strawberry.field(description="A concept by name or alias, case-insensitive.")
    async def concept(self, info: Info, name: str) -> Concept | None:
        c = await resolve_concept(_ctx(info).store, name)
        return Concept.of(c) if c else None

    @strawberry.field(description="Claims filtered by speaker, concept, episode, type, time and text.")
    async def claims(
        self, info: Info, speaker: str | None = None, concept: str | None = None,
        episode: strawberry.ID | None = None, type: str | None = None,
        from_s: Annotated[float | None, strawberry.argument(name="from")] = None,
        to_s: Annotated[float | None, strawberry.argument(name="to")] = None,
        text: str | None = None, offset: int = 0, limit: int = 20,
    ) -> list[Claim]:
        ctx = _ctx(info)
        q = _claim_query(speaker, concept, str(episode) if episode else None, type, from_s, to_s,
                         text, offset, ctx.page(limit))
        return [Claim.of(c) for c in await find_claims(ctx.store, q)]

    @strawberry.field(description="The neighbourhood of a node (an id, or a concept or person name).")
    async def subgraph(self, info: Info, center: str, depth: int = 1, limit: int = 100) -> Subgraph:
        ctx = _ctx(info)
        center_id = center
        if not await ctx.store.nodes([center]):
            found = await resolve_concept(ctx.store, center) or await resolve_person(
                ctx.store, center
            )
            center_id = found.id if found else center
        sg = await query_subgraph(ctx.store, center_id, min(max(depth, 0), 3), min(max(limit, 1), 2000))
        return Subgraph(nodes=[_graph_node(n) for n in sg.nodes], edges=[_graph_edge(e) for e in sg.edges])

    @strawberry.field(description="Free-text search over concepts, people, episodes and claims.")
    async def search(self, info: Info, text: str, limit: int = 20) -> list[SearchHit]:
        ctx = _ctx(info)
        hits = await ctx.store.search(text, ctx.page(limit))
        return [SearchHit(kind=h.kind, id=strawberry.ID(h.id), label=h.label, score=h.score) for h in hits]

    @strawberry.field
    async def claim(self, info: Info, id: strawberry.ID) -> Claim | None:
        c = await _ctx(info).store.claim(str(id))
        return Claim.of(c) if c else None

    @strawberry.field(description="A concept's claims across episodes, by publication date and time.")
    async def concept_timeline(
        self, info: Info, concept: str, speaker: str | None = None
    ) -> list[EpisodeClaims]:
        return await _timeline(_ctx(info), concept, speaker)

    @strawberry.field(description="Speakers' claims on a concept side by side (all speakers by default).")
    async def compare_speakers(
        self, info: Info, concept: str, speakers: list[str] | None = None, limit: int = 20
    ) -> list[SpeakerClaims]:
        ctx = _ctx(info)
        rows = await across.compare(ctx.store, concept, speakers, ctx.page(limit))
        return [SpeakerClaims(person=Person.of(p), claims=[Claim.of(c) for c in cs])
                for p, cs in rows[: ctx.settings.max_page]]

    @strawberry.field(description="A person's statements on a concept over time.")
    async def statements(self, info: Info, person: str, concept: str) -> list[EpisodeClaims]:
        return await _timeline(_ctx(info), concept, person)

    @strawberry.field(description="Shortest paths between two concepts or people via claims and episodes.")
    async def connections(
        self, info: Info, source: str, target: str, max_length: int = 4, limit: int = 5
    ) -> list[Connection]:
        ctx = _ctx(info)
        found = await across.connections(ctx.store, source, target, min(max(max_length, 1), 6),
                                         min(ctx.page(limit), 20))
        out = []
        for path in found:
            nodes = {n.id: n for n in await ctx.store.nodes(list(path.node_ids))}
            out.append(Connection(
                nodes=[_graph_node(nodes[i]) for i in path.node_ids if i in nodes],
                edges=[_graph_edge(e) for e in path.edges],
                evidence=[Claim.of(c) for c in path.evidence],
            ))
        return out

    @strawberry.field(description="Where else a claim's subject was discussed: similar claims first.")
    async def where_else(self, info: Info, claim: strawberry.ID, limit: int = 10) -> list[LinkedClaim]:
        ctx = _ctx(info)
        rows = await across.where_else(ctx.store, str(claim), ctx.page(limit))
        return [LinkedClaim(claim=Claim.of(c), weight=w, stance=st) for c, w, st in rows]

    @strawberry.field(description="Topic communities of concepts (Louvain over shared claims).")
    async def topics(self, info: Info, limit: int = 20) -> list[Topic]:
        ctx = _ctx(info)
        groups = await across.topics(ctx.store)
        cap = ctx.page(limit)
        return [Topic(id=i, concepts=[Concept.of(c) for c in g[: ctx.settings.max_page]])
                for i, g in enumerate(groups[:cap])]

    @strawberry.field
    async def stats(self, info: Info) -> Stats:
        st = await _ctx(info).store.stats()
        return Stats(
            nodes=[Count(kind=k, count=v) for k, v in st.nodes.items()],
            edges=[Count(kind=k, count=v) for k, v in st.edges.items()],
        )


def _should_mask(error: Exception) -> bool:
    original = getattr(error, "original_error", None)
    return original is not None and not isinstance(original, PodgraphError)


schema = strawberry.Schema(
    query=Query,
    extensions=[
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaskErrors(should_mask_error=_should_mask, error_message="Internal server error"),
    ],
)
