// The explorer's only way to the data: GraphQL over fetch (POST /graphql).

const ENDPOINT = "/graphql";

/** Run a GraphQL query; resolve to its `data`, reject with the first error message. */
export async function gql(query, variables = {}) {
  const response = await fetch(ENDPOINT, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors && body.errors.length) {
    throw new Error(body.errors[0].message);
  }
  return body.data;
}

const CLAIM_FIELDS = `
  id quote text start end type certainty horizon mediaUrl
  speaker { id name }
  episode { id title }`;

/** Suggestions for the search box: concepts, people, episodes and claims. */
export async function search(text, limit = 12) {
  const data = await gql(
    `query Search($text: String!, $limit: Int!) {
       search(text: $text, limit: $limit) { kind id label score }
     }`,
    { text, limit },
  );
  return data.search;
}

/** The neighbourhood of a node id (or a concept or person name). */
export async function subgraph(center, depth = 1, limit = 100) {
  const data = await gql(
    `query Subgraph($center: String!, $depth: Int!, $limit: Int!) {
       subgraph(center: $center, depth: $depth, limit: $limit) {
         nodes { id kind label size props }
         edges { source target kind weight }
       }
     }`,
    { center, depth, limit },
  );
  return data.subgraph;
}

/**
 * Claims about a subject, narrowed by the filters.
 * subject: {kind, id, label, props}; filters: {episode, speaker, type} (ids/names or "").
 */
export async function claimsFor(subject, filters, offset = 0, limit = 100) {
  const vars = {
    speaker: filters.speaker || null,
    episode: filters.episode || null,
    type: filters.type || null,
    concept: null,
    from: null,
    to: null,
    offset,
    limit,
  };
  if (subject.kind === "Concept") vars.concept = subject.label;
  if (subject.kind === "Person") vars.speaker = subject.label;
  if (subject.kind === "Episode") vars.episode = subject.id;
  if (subject.kind === "Claim") {
    const at = Number(subject.props.start_s);
    Object.assign(vars, { episode: subject.props.episode_id, from: at, to: at });
  }
  const data = await gql(
    `query Claims($speaker: String, $concept: String, $episode: ID, $type: String,
                  $from: Float, $to: Float, $offset: Int!, $limit: Int!) {
       claims(speaker: $speaker, concept: $concept, episode: $episode, type: $type,
              from: $from, to: $to, offset: $offset, limit: $limit) { ${CLAIM_FIELDS} }
     }`,
    vars,
  );
  const claims = data.claims;
  return subject.kind === "Claim" ? claims.filter((c) => c.id === subject.id) : claims;
}

/** The episodes and speakers a subject's claims can be filtered by. */
export async function facetsFor(subject) {
  if (subject.kind === "Concept") {
    const { concept } = await gql(
      `query ConceptFacets($name: String!) {
         concept(name: $name) {
           episodes { episode { id title } }
           speakers { person { id name } }
         }
       }`,
      { name: subject.label },
    );
    return {
      episodes: concept ? concept.episodes.map((m) => m.episode) : [],
      speakers: concept ? concept.speakers.map((s) => s.person) : [],
    };
  }
  if (subject.kind === "Person") {
    const { person } = await gql(
      `query PersonFacets($name: String!) {
         person(name: $name) { id name episodes { episode { id title } } }
       }`,
      { name: subject.label },
    );
    return {
      episodes: person ? person.episodes.map((r) => r.episode) : [],
      speakers: person ? [{ id: person.id, name: person.name }] : [],
    };
  }
  if (subject.kind === "Episode") {
    const { episode } = await gql(
      `query EpisodeFacets($id: ID!) {
         episode(id: $id) { id title speakers { person { id name } } }
       }`,
      { id: subject.id },
    );
    return {
      episodes: episode ? [{ id: episode.id, title: episode.title }] : [],
      speakers: episode ? episode.speakers.map((r) => r.person) : [],
    };
  }
  return { episodes: [], speakers: [] };
}
