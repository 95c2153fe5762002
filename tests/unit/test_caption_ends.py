"""Sentence ends and questions restored in captions (``extract.speakers.caption_ends``)."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from extract.speakers.caption_ends import N_FEATURES, EndModel, load, recut, restore
from extract.speakers.caption_train import marked_words, score, train, transcript_words
from extract.speakers.units import Unit

_QUESTIONS = [
    "how do you test a blade",
    "what does the tank measure",
    "why did the first one break",
    "where do you build them",
    "do you run the simulations yourself",
]
_ANSWERS = [
    "we use a flume tank first",
    "it measures the drag on the blade",
    "the bearings rusted after a week",
    "we build them in a shed by the harbour",
    "yes i run them every night",
]


def _words(text: str) -> list[str]:
    return text.split(" ")


def _marked(text: str) -> list[tuple[str, str, bool]]:
    return [(w, m, False) for w, m in marked_words(text)]


def _dialogue(seed: int, turns: int) -> str:
    rng = random.Random(seed)
    out = []
    for _ in range(turns):
        q, a = rng.randrange(len(_QUESTIONS)), rng.randrange(len(_ANSWERS))
        out.append(f"{_QUESTIONS[q].capitalize()}? {_ANSWERS[a].capitalize()}.")
    return " ".join(out)


def test_punctuation_gives_the_training_labels_and_abbreviations_are_not_ends() -> None:
    assert marked_words("We met Dr. Okafor, e.g. at sea. Really?! Yes…") == [
        ("we", ""),
        ("met", ""),
        ("dr", ""),
        ("okafor", ""),
        ("eg", ""),
        ("at", ""),
        ("sea", "."),
        ("really", "?"),
        ("yes", ""),
    ]


def test_labelled_files_are_read_from_their_first_label_and_end_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "ep.md"
    path.write_text("Show notes here.\n\n**Tom Reyes:** How do you test it?\n\n**Mara Quill:** In a tank\n")
    words = transcript_words(path)
    assert words[0] == ("how", "", False)
    assert ("it", "?", True) in words  # the speaker changes after it
    assert words[-1] == ("tank", ".", False)


def test_a_model_trained_on_dialogue_restores_its_ends_and_questions() -> None:
    docs = [_marked(_dialogue(seed, 40)) for seed in range(20)]
    model = train(docs)
    held_out = [_marked(_dialogue(99, 30))]
    figures = score(model, held_out)
    assert figures["precision"] > 0.9 and figures["recall"] > 0.9 and figures["mark"] > 0.9
    marks = restore(_words("how do you test a blade we use a flume tank first"), model)
    assert marks[5] == "?" and marks[-1] == "."
    assert not any(marks[:5]) and not any(marks[6:-1])


def test_recut_splits_units_at_restored_ends_and_keeps_their_spans() -> None:
    class Ends(EndModel):
        def end_logits(self, words: object) -> np.ndarray:
            return np.array([1.0 if w == "blade" else -9.0 for w in words])  # type: ignore[attr-defined]

        def question_logits(self, sentences: object) -> np.ndarray:
            return np.array([1.0 if s[0] == "how" else -1.0 for s in sentences])  # type: ignore[attr-defined]

    text = "how do you test a blade we use a tank"
    units = [Unit(10, 10 + len(text), text, 3, True, True), Unit(60, 64, "okay", 4, True)]
    pieces = recut(units, Ends(np.zeros(1), 0.0, np.zeros(1), 0.0))
    assert [p.text for p in pieces] == ["how do you test a blade?", "we use a tank", "okay."]
    assert [(p.char_start, p.char_end) for p in pieces] == [(10, 33), (34, 47), (60, 64)]
    assert [p.first_in_sentence for p in pieces] == [True, False, True]
    assert [p.sentence for p in pieces] == [3, 3, 4]


def test_the_shipped_model_cuts_a_caption_where_a_question_ends() -> None:
    words = _words("so how did you get started with turbines well i grew up by the sea and i loved boats")
    marks = restore(words, load())
    cut = [i for i, m in enumerate(marks[:-1]) if m]
    assert cut, "no end restored"
    assert "turbines" in words[: cut[0] + 1]
    assert marks[words.index("turbines")] == "?"


def test_recut_never_cuts_before_or_inside_a_name_the_opening_says() -> None:
    class Ends(EndModel):
        def end_logits(self, words: object) -> np.ndarray:
            return np.array([1.0 if w in ("cohost", "jane") else -9.0 for w in words])  # type: ignore[attr-defined]

    text = "joined by my cohost jane okafor who builds boats"
    unit = Unit(0, len(text), text)
    ends = Ends(np.zeros(1), 0.0, np.zeros(N_FEATURES), -9.0)
    assert [p.text for p in recut([unit], ends)] == ["joined by my cohost.", "jane.", "okafor who builds boats."]
    start = text.index("jane")
    protected = recut([unit], ends, names=[(start, start + len("jane okafor"))])
    assert [p.text for p in protected] == [text + "."]


def test_recut_keeps_a_title_of_up_to_three_words_with_the_full_name_after_it() -> None:
    class Ends(EndModel):
        def end_logits(self, words: object) -> np.ndarray:
            cuts = ("listening", "data", "hello", "dear")
            return np.array([1.0 if w in cuts else -9.0 for w in words])  # type: ignore[attr-defined]

    ends = Ends(np.zeros(1), 0.0, np.zeros(N_FEATURES), -9.0)
    text = "thanks for listening today we have our head of data science jane okafor with us"
    unit = Unit(0, len(text), text)
    start = text.index("jane")
    pieces = recut([unit], ends, names=[(start, start + len("jane okafor"))])
    # The cut inside the title goes; the one six words before the name stays.
    assert [p.text for p in pieces] == ["thanks for listening.", text[len("thanks for listening ") :] + "."]
    # A lone first name (a vocative) keeps the cuts before it.
    text = "hello dear old jane"
    lone = recut([Unit(0, len(text), text)], ends, names=[(text.index("jane"), len(text))])
    assert [p.text for p in lone] == ["hello.", "dear.", "old jane."]


def test_recut_keeps_a_lone_first_name_with_the_welcome_after_it() -> None:
    class Ends(EndModel):
        def end_logits(self, words: object) -> np.ndarray:
            return np.array([1.0 if w in ("jane", "show", "ravi") else -9.0 for w in words])  # type: ignore[attr-defined]

    ends = Ends(np.zeros(1), 0.0, np.zeros(N_FEATURES), -9.0)
    text = "jane welcome to the show ravi you build boats"
    unit = Unit(0, len(text), text)
    names = [(0, len("jane")), (text.index("ravi"), text.index("ravi") + len("ravi"))]
    # "jane" stays with its welcome; "ravi", followed by no welcome, keeps the cut after it.
    assert [p.text for p in recut([unit], ends, names=names)] == [
        "jane welcome to the show ravi.",
        "you build boats.",
    ]
    assert [p.text for p in recut([unit], ends)] == ["jane.", "welcome to the show.", "ravi.", "you build boats."]


def test_a_model_named_by_the_environment_is_the_one_in_use(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from extract.speakers.caption_ends import ENV, MODEL, model_path

    trained = train([_marked(_dialogue(seed, 40)) for seed in range(5)])
    path = tmp_path / "own.npz"
    trained.save(path)
    monkeypatch.setenv(ENV, "")
    assert model_path() == MODEL
    monkeypatch.setenv(ENV, str(path))
    assert model_path() == path
    in_use = load()
    assert in_use.end_bias == trained.end_bias and in_use.question_bias == trained.question_bias
    assert np.allclose(in_use.end, trained.end, atol=1e-2)
    assert load(MODEL).end_bias != trained.end_bias  # the shipped one is still there to ask for


def test_a_caption_model_that_cannot_be_read_is_a_config_error_naming_its_file(tmp_path: Path) -> None:
    import zipfile

    import pytest

    from graph.errors import ConfigError

    text = tmp_path / "notes.npz"
    text.write_text("not a model\n", encoding="utf-8")
    small = tmp_path / "small.npz"
    EndModel(np.zeros(8), 0.0, np.zeros(8), 0.0).save(small)
    broken = tmp_path / "broken.npz"
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("end.npy", b"not an array")
    cases = (
        (tmp_path / "absent.npz", "no such file"),
        (text, "not an .npz file"),
        (broken, "cannot be read"),
        (small, "8 features"),
    )
    for path, problem in cases:
        with pytest.raises(ConfigError) as err:
            load(path)
        assert str(path) in str(err.value) and problem in str(err.value)


def test_recut_ends_a_welcome_or_thanks_after_the_first_name_it_closes() -> None:
    class Ends(EndModel):
        def end_logits(self, words: object) -> np.ndarray:
            return np.array([1.0 if w in ("welcome", "you") else -9.0 for w in words])  # type: ignore[attr-defined]

    ends = Ends(np.zeros(1), 0.0, np.zeros(N_FEATURES), -9.0)
    text = "we have jane okafor welcome jane thank you tomas thanks for having me"
    unit = Unit(0, len(text), text)
    # The model cuts before each first name; the names are read from the opening.
    assert [p.text for p in recut([unit], ends)] == [
        "we have jane okafor welcome.",
        "jane thank you.",
        "tomas thanks for having me.",
    ]
    first = text.index("welcome jane") + len("welcome ")
    second = text.index("tomas")
    names = [(text.index("jane"), text.index("jane") + len("jane okafor")), (first, first + 4), (second, second + 5)]
    # Each first name ends the welcome or the thanks it closes, so the host's welcome and
    # the guest's thanks are two pieces, as punctuated text has them.
    assert [p.text for p in recut([unit], ends, names=names)] == [
        "we have jane okafor welcome jane.",
        "thank you tomas.",
        "thanks for having me.",
    ]
