"""Concept extraction: variant keys, vocabulary, acronyms, ASR folding, salience, find_concepts."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from extract.align import join_lines
from extract.concepts.candidates import Candidate, defined_acronyms, phrase_candidates
from extract.concepts.find import Group, find_concepts
from extract.concepts.fuzzy import close, fold, model_name_close
from extract.concepts.normalise import acronym_matches, concept_key, is_acronym
from extract.concepts.salience import salience
from extract.concepts.vocabulary import Vocabulary, default_vocabulary
from extract.sentences import timed_sentences
from extract.speakers import Attribution, Speaker, SpeakerHints, SpeakerSpan
from extract.state import DocState
from extract.transcript import Line, Transcript

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "nlp"


def make_state(nlp: spacy.language.Language, lines: list[str], ads: set[int] = frozenset()) -> tuple:
    """A Doc and DocState over ``lines`` (one sentence-ish line each, two speakers alternating)."""
    t = Transcript(
        "t.txt", "whisper", tuple(Line(i + 1, 2.0 * i, 2.0 * i + 2, s) for i, s in enumerate(lines))
    )
    timed = join_lines(t)
    doc = nlp(timed.text)
    st = DocState(t, timed, SpeakerHints(names=("Ann Host",)))
    st.sentences = timed_sentences(doc, timed, t)
    spans = tuple(
        SpeakerSpan(sp.char_start, sp.char_end, i % 2, 1.0, i in ads) for i, sp in enumerate(timed.spans)
    )
    st.attribution = Attribution((Speaker("Ann Host", "host"), Speaker("Bo Guest", "guest")), spans)
    return doc, st


@pytest.fixture(scope="module")
def blank() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def test_variant_keys_fold_hyphens_spaces_plurals_and_inflections() -> None:
    assert concept_key("pre-training") == concept_key("pretraining") == concept_key("Pre-trained")
    assert concept_key("reward models") == concept_key("Reward Model")
    assert concept_key("fine tuning") == concept_key("fine-tunes")
    assert concept_key("loss") != concept_key("lo")


def test_acronyms() -> None:
    assert is_acronym("RLHF") and is_acronym("LLMs") and not is_acronym("I") and not is_acronym("Hello")
    assert acronym_matches("RLHF", "reinforcement learning from human feedback")
    assert not acronym_matches("RLHF", "reward learning")
    assert defined_acronyms("They used direct preference optimization (DPO) there.") == [
        ("DPO", "direct preference optimization")
    ]


def test_vocabulary_lookup_and_user_file(monkeypatch: pytest.MonkeyPatch) -> None:
    v = default_vocabulary()
    assert (
        v.lookup("RLHF") is not None
        and v.lookup("RLHF").name == v.lookup("reinforcement learning from human feedback").name
    )
    assert v.lookup("us") is None  # acronyms keep their case: the pronoun is not the country
    monkeypatch.setenv("PODGRAPH_VOCABULARY", str(FIXTURES / "user_vocabulary.tsv"))
    v2 = default_vocabulary()
    assert v2.lookup("wild yeast").name == "sourdough fermentation"
    assert v2.lookup("QL").kind == "organization"
    assert v2.lookup("RLHF") is not None  # the shipped file is still there


def test_vocabulary_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        Vocabulary.from_lines(["x\tanimal\t"])


def test_asr_folding_is_conservative() -> None:
    assert close(fold("Chat GBT"), fold("ChatGPT"))
    assert close("palantirr", "palantir")
    assert not close("inference", "interference")
    assert not close("gpt4", "gpt5")
    assert not close("sampling", "scaling")


def test_find_concepts_groups_acronym_expansion_and_variants(blank: spacy.language.Language) -> None:
    doc, st = make_state(
        blank,
        [
            "We trained it with RLHF last spring.",
            "Reinforcement learning from human feedback needs raters.",
            "Pre-training comes first, then pretraining data gets mixed.",
            "The model was pre-trained on text.",
        ],
    )
    found = {c.name: c for c in find_concepts(doc, st)}
    rlhf = found["reinforcement learning from human feedback"]
    assert "RLHF" in rlhf.aliases and len(rlhf.mentions) == 2
    pt = found["pre-training"]
    assert {"pre-training", "pretraining", "pre-trained"} <= {a.lower() for a in (*pt.aliases, pt.name)}
    assert "human feedback" not in found  # inside the longer known term
    assert pt.kind == "technique"


def test_find_concepts_folds_asr_mangling_into_known_term(blank: spacy.language.Language) -> None:
    doc, st = make_state(blank, ["People loved ChatGBT right away.", "Then ChatGBT got better."])
    found = find_concepts(doc, st)
    chat = next(c for c in found if c.name == "ChatGPT")
    assert "ChatGBT" in chat.aliases and len(chat.mentions) == 2


def test_find_concepts_without_vocabulary_uses_only_the_text(blank: spacy.language.Language) -> None:
    doc, st = make_state(blank, ["We trained it with RLHF and RLHF again."])
    found = find_concepts(doc, st, Vocabulary.empty())
    assert [c.name for c in found] == ["RLHF"]


def test_sponsor_reads_give_no_concepts(blank: spacy.language.Language) -> None:
    doc, st = make_state(blank, ["Try Zorbex GPUs today with code PODCAST.", "GPUs are scarce."], ads={0})
    found = find_concepts(doc, st)
    gpu = next(c for c in found if c.name == "GPU")
    assert len(gpu.mentions) == 1 and gpu.mentions[0][0] > len("Try Zorbex GPUs today with code PODCAST.")


def test_generic_phrases_never_become_concepts(model: spacy.language.Language) -> None:
    lines = [
        "There is a lot of stuff here, a lot of things.",
        "The thing is that a little bit of data helps the thing.",
        "Random forests beat neural networks on tabular data.",
        "So random forests are a lot faster, the thing is they are simple.",
        "A lot of people like random forests a little bit.",
        "A couple of teams tried random forests; from my perspective the couple was right.",
        "Each couple had a different perspective on neural networks.",
    ]
    doc, st = make_state(model, lines)
    names = {c.name.lower() for c in find_concepts(doc, st)}
    generic = {"a lot", "lot", "thing", "the thing", "little bit", "a little bit", "stuff", "couple", "perspective"}
    assert not names & generic
    assert "random forests" in names
    assert "neural network" in names


def test_model_names_with_numbers_fold_only_voicing_confusions() -> None:
    assert model_name_close("gpd4", "gpt4") and model_name_close("llamma3", "llamma3") is False
    assert not model_name_close("gpt4", "gpt5") and not model_name_close("gpt4", "gpt40")


def test_frequent_mangled_name_folds_into_known_term_not_into_itself(blank: spacy.language.Language) -> None:
    lines = ["ChatGTP is popular.", "I used ChatGTP daily.", "ChatGTP helps.", "Gemeni 2 and GBT 4 exist."]
    doc, st = make_state(blank, lines)
    found = {c.name: c for c in find_concepts(doc, st)}
    assert "ChatGTP" in found["ChatGPT"].aliases and len(found["ChatGPT"].mentions) == 3
    assert "ChatGTP" not in found


def test_phrases_keep_compound_hyphenated_and_participle_modifiers(model: spacy.language.Language) -> None:
    lines = [
        "We may hit the data wall soon.",
        "The data wall worries everyone, the data wall is close.",
        "Long-horizon tasks are hard, and long-horizon tasks need memory.",
        "Simulated social science is fun and simulated social science is cheap.",
        "The humans in the loop stay, with humans in the loop everywhere.",
    ]
    doc, st = make_state(model, lines)
    names = {c.name.lower() for c in find_concepts(doc, st)}
    assert {"data wall", "long-horizon tasks", "simulated social science"} <= names
    assert not names & {"wall", "horizon tasks", "loop"}


def test_background_frequency_tells_specific_words_from_everyday_ones() -> None:
    from extract.concepts.background import specificity

    assert specificity("thing") < 0.2 < 0.6 < specificity("tokenizer")


def test_last_word_of_a_name_said_alone_joins_the_name() -> None:
    from extract.concepts.find import Group, _merge_short_names

    ent, short = Group("zorblaxcharter"), Group("charter")
    ent.forms["Zorblax Charter"] += 1
    ent.kinds["product"] += 1
    short.forms["charter"] += 2
    groups = {"zorblaxcharter": ent, "charter": short}
    _merge_short_names(groups)
    assert list(groups) == ["zorblaxcharter"] and groups["zorblaxcharter"].forms["charter"] == 2


def test_model_names_split_by_the_transcriber_are_one_candidate(blank: spacy.language.Language) -> None:
    from extract.concepts.candidates import joined_name_candidates, model_name_candidates

    doc = blank("We moved from GPT three to GPT 3.5 and then Claude 2. Later we shipped web GPT.")
    assert [(c.text, c.keyed) for c in model_name_candidates(doc)] == [
        ("GPT three", "GPT-3"),
        ("GPT 3.5", "GPT-3.5"),
    ]
    # "web GPT": GPT is a model family here (said with a version), so "web GPT" is a name.
    assert [c.keyed for c in joined_name_candidates(doc)] == ["webGPT"]
    # An acronym that is no model family and has no written-together form stays alone.
    assert list(joined_name_candidates(blank("We did online RL all year."))) == []


def test_verb_forms_map_to_their_nominalisation() -> None:
    from extract.concepts.find import nominal_keys

    assert concept_key("coordination") in nominal_keys("coordinate")
    assert concept_key("alignment") in nominal_keys("aligned")
    assert concept_key("generalization") in nominal_keys("generalizing")
    assert concept_key("verbosity") in nominal_keys("verbose")
    assert concept_key("interpretability") in nominal_keys("interpretable")
    assert nominal_keys("do") == []


def test_generic_heads_fold_into_their_modifier_and_hyphenated_families_join() -> None:
    from extract.concepts.candidates import Candidate
    from extract.concepts.find import Group, _merge_families

    def group(key: str, *forms: str, at: int = 0) -> Group:
        g = Group(key)
        for i, f in enumerate(forms):
            g.add(Candidate(f, at + 10 * i, at + 10 * i + len(f), "phrase"))
        return g

    groups = {
        "posttrain": group("posttrain", "post-training", "post-training", at=0),
        "posttrainteam": group("posttrainteam", "post-training team", at=100),
        "airuncompany": group("airuncompany", "AI-run companies", at=200),
        "airunfirm": group("airunfirm", "AI-run firms", "AI-run firms", at=300),
        "languagmodel": group("languagmodel", "language model", at=400),
        "languag": group("languag", "language", at=500),
    }
    _merge_families(groups)
    assert "posttrainteam" not in groups and "post-training team" in groups["posttrain"].forms
    assert "airuncompany" not in groups and "AI-run companies" in groups["airunfirm"].forms
    # A plain word takes no phrases: "language model" is no "language".
    assert "languagmodel" in groups and "languag" in groups


def test_verb_mentions_count_for_a_concept_the_episode_names(model: spacy.language.Language) -> None:
    lines = [
        "I think coordination between the labs matters a lot here.",
        "The labs would need to coordinate on when to pause training runs.",
        "If they coordinated well, everyone would be better off in the end.",
        "Coordination is hard when there are many players in the race.",
    ]
    doc, st = make_state(model, lines)
    found = {c.name.lower(): c for c in find_concepts(doc, st, Vocabulary.empty())}
    assert "coordination" in found
    assert {"coordinate", "coordinated"} <= {a.lower() for a in found["coordination"].aliases}


def test_acronym_joins_an_expansion_only_when_spelled_out(blank: spacy.language.Language) -> None:
    from extract.concepts.candidates import Candidate
    from extract.concepts.find import group_candidates

    filler = " ".join(["word"] * 600)
    text = f"We set some reasonable rules. {filler} Then came RR. And RR again."
    cands = [
        Candidate("reasonable rules", 13, 29, "phrase"),
        Candidate("RR", text.index("RR"), text.index("RR") + 2, "acronym"),
        Candidate("RR", text.rindex("RR"), text.rindex("RR") + 2, "acronym"),
    ]
    groups = group_candidates(cands, Vocabulary.empty(), text)
    assert "#RR" in groups and "reasonablrul" in groups  # far apart, said once: no merge
    near = "We do reward learning (RL) and reward learning is great. RL works."
    cands = [
        Candidate("reward learning", 6, 21, "phrase"),
        Candidate("reward learning", 32, 47, "phrase"),
        Candidate("RL", near.rindex("RL"), near.rindex("RL") + 2, "acronym"),
    ]
    assert "#RL" not in group_candidates(cands, Vocabulary.empty(), near)


def test_concept_named_by_its_noun_not_its_verb_form(model: spacy.language.Language) -> None:
    lines = [
        "Labs would need to coordinate before they pause anything at all.",
        "If they coordinate well, that would be good for everybody here.",
        "They coordinated once before on a smaller question last spring.",
        "Coordination is hard. Real coordination takes a lot of trust.",
    ]
    doc, st = make_state(model, lines)
    names = [c.name.lower() for c in find_concepts(doc, st, Vocabulary.empty())]
    assert "coordination" in names and "coordinate" not in names


def test_everyday_adjective_phrases_rank_below_noun_compounds(model: spacy.language.Language) -> None:
    doc = model(
        "It was a useful thing. We saw a phase transition. They carry a higher tail risk. "
        "Excellent question. English grammar is odd."
    )
    by_text = {c.text: c.source for c in phrase_candidates(doc)}
    assert by_text.get("useful thing") == "described"
    # Capitalised only because it opens the sentence, the adjective still describes.
    assert by_text.get("Excellent question") == "described"
    assert by_text.get("phase transition") == "phrase"
    assert "tail risk" in by_text  # the compound core without its everyday adjective

    def group(source: str, form: str = "grid lattice") -> Group:
        g = Group("k")
        for i in range(2):
            g.add(Candidate(form, 100 * i, 100 * i + len(form), source))
        return g

    assert 0 < salience(group("described"), 1000) < salience(group("phrase"), 1000)
    # An everyday adjective before a generic head describes: "open question" is no concept.
    assert salience(group("described", "open question"), 1000) == 0.0


def test_a_rare_modifier_makes_a_concept_of_a_generic_head(model: spacy.language.Language) -> None:
    doc = model("They could carry out a whole coding project. It was a big project.")
    texts = {c.text for c in phrase_candidates(doc)}
    assert "coding project" in texts
    assert "big project" not in texts


def test_specific_gerund_modifiers_stay_with_their_head(model: spacy.language.Language) -> None:
    doc = model("They wrote better reasoning traces. They kept the existing models.")
    texts = {c.text for c in phrase_candidates(doc)}
    assert "reasoning traces" in texts
    assert "existing models" not in texts


def test_an_unknown_acronym_said_once_weighs_less_than_one_said_twice() -> None:
    once, twice = Group("#qzv"), Group("#qzv")
    once.add(Candidate("QZV", 0, 3, "acronym"))
    for i in range(2):
        twice.add(Candidate("QZV", 500 * i, 500 * i + 3, "acronym"))
    # Twice is more than twice as salient: one mention of an unknown acronym is weak evidence.
    assert salience(twice, 1000) > 2.5 * salience(once, 1000) > 0


def test_adjective_the_tagger_took_for_a_noun_counts_for_its_nominalisation(
    blank: spacy.language.Language,
) -> None:
    from extract.concepts.find import _add_verb_mentions

    doc = blank("Replies got verbose and then more verbose answers came, so verbosity grew.")
    for tok in doc:
        tok.pos_ = "NOUN" if tok.text in ("verbose", "answers", "verbosity") else "X"

    def group(key: str, form: str, at: int) -> Group:
        g = Group(key)
        g.add(Candidate(form, at, at + len(form), "phrase"))
        return g

    first = doc.text.index("verbose")
    groups = {
        concept_key("verbose"): group(concept_key("verbose"), "verbose", first),
        concept_key("verbosity"): group(concept_key("verbosity"), "verbosity", doc.text.index("verbosity")),
    }
    _add_verb_mentions(doc, groups, [])
    # The mis-tagged "verbose" group joins "verbosity", and both "verbose" tokens count.
    assert list(groups) == [concept_key("verbosity")]
    assert len(groups[concept_key("verbosity")].spans) == 3


def test_surname_alone_joins_the_person_and_inner_fragments_go() -> None:
    from extract.concepts.find import _drop_inner_groups, _merge_short_names

    full, short = Group("zorbaquill"), Group("quill")
    full.add(Candidate("Zorba Quill", 0, 11, "ent", "person"))
    short.add(Candidate("Quill", 50, 55, "ent", "organization"))  # the tagger's guess for a surname
    groups = {"zorbaquill": full, "quill": short}
    _merge_short_names(groups)
    assert list(groups) == ["zorbaquill"] and "Quill" in groups["zorbaquill"].forms

    # A first name said alone (more often than the full name, and tagged as something else)
    # joins the one person named in full with it, who keeps the full name and the kind.
    from extract.concepts.find import _name

    full, first, other = Group("zorbaquill"), Group("zorba"), Group("zorbamint")
    full.add(Candidate("Zorba Quill", 0, 11, "ent", "person"))
    for at in (40, 80, 120):
        first.add(Candidate("Zorba", at, at + 5, "ent", "organization"))
    groups = {"zorbaquill": full, "zorba": first}
    _merge_short_names(groups)
    assert list(groups) == ["zorbaquill"] and _name(groups["zorbaquill"]) == "Zorba Quill"
    assert groups["zorbaquill"].kinds.most_common(1)[0][0] == "person"
    # Two people with that first name: it could be either, so it stays apart.
    other.add(Candidate("Zorba Mint", 200, 210, "ent", "person"))
    first = Group("zorba")
    first.add(Candidate("Zorba", 40, 45, "ent", "person"))
    groups = {"zorbaquill": Group("zorbaquill"), "zorbamint": other, "zorba": first}
    groups["zorbaquill"].add(Candidate("Zorba Quill", 0, 11, "ent", "person"))
    _merge_short_names(groups)
    assert sorted(groups) == ["zorba", "zorbamint", "zorbaquill"]

    outer, inner, alone = Group("datacenterswitch"), Group("centerswitch"), Group("switch")
    for at in (0, 100):
        outer.add(Candidate("data center switch", at, at + 18, "phrase"))
        inner.add(Candidate("center switch", at + 5, at + 18, "phrase"))
    alone.add(Candidate("switch", 12, 18, "phrase"))
    alone.add(Candidate("switch", 300, 306, "phrase"))  # once outside: a concept of its own
    groups = {"datacenterswitch": outer, "centerswitch": inner, "switch": alone}
    _drop_inner_groups(groups)
    assert sorted(groups) == ["datacenterswitch", "switch"]


def test_junk_forms_never_become_candidates(model: spacy.language.Language) -> None:
    from extract.concepts.candidates import all_candidates

    doc = model("Mm-hmm. We moved to 200k tokens, and f(x was wrong. Noam Chomsky disagreed.")
    texts = {c.text for c in all_candidates(doc, Vocabulary.empty())}
    assert not texts & {"Mm-hmm", "200k", "f(x"}
    assert "Noam Chomsky" in texts


def test_a_misheard_word_in_a_known_phrase_folds_only_when_out_of_place() -> None:
    from extract.concepts.fuzzy import fuzzy_target

    vocab = Vocabulary.from_lines(["pre-training\ttechnique", "base model\ttechnique"])

    def group(key: str, form: str, n: int, term: str | None = None) -> Group:
        g = Group(key, vocab.lookup(term) if term else None)
        for i in range(n):
            g.add(Candidate(form, 100 * i, 100 * i + len(form), "vocab" if term else "phrase"))
        return g

    groups = {
        "v:pre-training": group("v:pre-training", "pre-training", 9, "pre-training"),
        "freetrain": group("freetrain", "free training", 2),  # a minority form of a frequent term
        "facemodel": group("facemodel", "face model", 2),  # sounds like "base model", never said
    }
    out = fuzzy_target(groups, vocab, [])
    assert out.get("freetrain") == "v:pre-training"
    assert "facemodel" not in out
