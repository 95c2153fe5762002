"""The speaker evaluation's scores on a hand-made five-word exchange."""

import numpy as np

from eval.speakers import score
from extract.speakers.caption_ends import N_FEATURES


def _chars(text: str, words: list[str]) -> list[str | None]:
    """One label per character: each word's label over the word and the space after it."""
    out: list[str | None] = []
    for w, lab in zip(text.split(" "), words, strict=True):
        out += [lab] * (len(w) + 1)
    return out[: len(text)]


def test_predicted_turns_count_whole_wrong_turns_apart_from_edges() -> None:
    from eval.speakers import predicted_turns, wrong_turn_words

    text = "why ask yes it is so"
    gold = _chars(text, ["Ann", "Ann", "Bo", "Bo", "Bo", "Bo"])
    pred = _chars(text, ["Ann", "Ann", "Ann", "Ann", "Bo", "Bo"])
    turns = predicted_turns(text, gold, pred, [0.5] * len(text), opening=2)
    assert [(t.first_word, t.words, t.predicted, t.majority, t.right, t.opening) for t in turns] == [
        (0, 4, "Ann", "Ann", 2, "why ask"),
        (4, 2, "Bo", "Bo", 2, "is so"),
    ]
    # Two words wrong, both at the edge of a turn whose majority is right.
    assert wrong_turn_words(turns) == (2, 0, 0)
    flipped = predicted_turns(text, gold, ["Bo"] * len(text), [0.5] * len(text))
    assert wrong_turn_words(flipped, long=3) == (2, 0, 0)
    swapped = predicted_turns(text, gold, _chars(text, ["Bo"] * 2 + ["Ann"] * 4), [0.5] * len(text))
    # Both turns go to the wrong speaker; only the four-word one is longer than three words.
    assert wrong_turn_words(swapped, long=3) == (6, 6, 4)


def test_score_separates_turn_edges_from_wrong_turns() -> None:
    text = "why ask yes it is"
    gold = _chars(text, ["Ann", "Ann", "Bo", "Bo", "Bo"])
    # The change is placed one word late, and the last word starts a turn of the wrong speaker.
    pred = _chars(text, ["Ann", "Ann", "Ann", "Bo", "Ann"])
    sc = score(text, gold, pred)
    assert sc.words == 5
    assert sc.accuracy == 3 / 5
    assert (sc.gold_changes, sc.pred_changes) == (1, 2)
    # Given its majority gold speaker, the first predicted turn (Ann Ann Bo) keeps its one
    # edge error; the one-word turns are right: 4 of 5 words.
    assert sc.turn_bound == 4 / 5


def test_strip_labels_scores_a_given_file_and_can_be_told_the_speaker_count(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from eval.strip_labels import main

    turns = [
        ("Ann Moss", "Welcome to the show. Today I'm speaking with Bo Lind, who builds boats. What got you started?"),
        ("Bo Lind", "Thanks for having me. I started as a kid, fixing old dinghies with my father every summer."),
        ("Ann Moss", "And what changed when you began selling them?"),
        ("Bo Lind", "Well, a hobby turns into deadlines. I learned to plan the work and to say no to some orders."),
        ("Cy Park", "Sorry to cut in. Do you still sail the ones you build?"),
        ("Bo Lind", "Yes, every one of them goes out on the lake before a buyer sees it."),
    ]
    path = tmp_path / "episode.md"
    path.write_text("\n\n".join(f"**{name}:** {text}" for name, text in turns) + "\n", encoding="utf-8")
    assert main([str(path)]) == 0
    two = capsys.readouterr().out
    assert main([str(path), "--count"]) == 0
    three = capsys.readouterr().out
    # With --turns, each predicted turn is written against its labels; the rows cover every word.
    assert main([str(path), "--turns", str(tmp_path / "turns")]) == 0
    assert "wrong words" in capsys.readouterr().out
    rows = (tmp_path / "turns" / "episode.md.turns.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t")[:4] == ["first_word", "words", "predicted", "gold_majority"]
    cells = [r.split("\t") for r in rows[1:]]
    assert sum(int(c[1]) for c in cells) == sum(len(t.split()) for _, t in turns)
    assert [int(c[0]) for c in cells] == [sum(int(c[1]) for c in cells[:i]) for i in range(len(cells))]
    assert all(0 <= int(c[4]) <= int(c[1]) for c in cells)
    assert "episode.md (stripped)" in two and "word accuracy" in two
    assert "gold speakers: Ann Moss, Bo Lind, Cy Park" in two
    # Told that the labels have three speakers, the attribution decodes three.
    assert two.count("(guest)") + two.count("(host)") == 2
    assert three.count("(guest)") + three.count("(host)") + three.count("(speaker)") == 3


def test_strip_labels_restores_captions_with_the_caption_model_it_is_given(tmp_path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from eval.strip_labels import main
    from extract.speakers.caption_ends import ENV, EndModel, load
    from graph.errors import ConfigError

    monkeypatch.setenv(ENV, "")  # restored after the test, whatever main sets
    path = tmp_path / "episode.md"
    path.write_text(
        "**Ann Moss:** Welcome back. What did the storm do to the pier?\n\n"
        "**Bo Lind:** It took two planks and the lamp. We fixed it by noon.\n",
        encoding="utf-8",
    )
    # A model that cuts after every word: its own bias, not the shipped model's.
    model = tmp_path / "every-word.npz"
    EndModel(np.zeros(N_FEATURES), 9.0, np.zeros(N_FEATURES), -9.0).save(model)
    assert main([str(path), "--captions", "--caption-model", str(model)]) == 0
    assert "word accuracy" in capsys.readouterr().out
    assert load().end_bias == 9.0
    bad = tmp_path / "bad.npz"
    bad.write_text("weights\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.npz"):
        main([str(path), "--captions", "--caption-model", str(bad)])


def test_strip_labels_learns_voices_from_other_labelled_episodes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from eval.strip_labels import learn_voices

    one, two = tmp_path / "one.md", tmp_path / "two.md"
    one.write_text(
        "**Ann Moss:** Honestly, boats are honest work on the lake every day.\n\n"
        "**Bo Lind:** Basically, yes, we row the boats out every day.\n\n" * 10
    )
    two.write_text(
        "**Ann Moss:** Honestly, sails tear less often than people fear they might.\n\n"
        "**Bo Lind:** Basically, ropes.\n\n" * 10
    )
    both = learn_voices([one, two])
    assert both["Ann Moss"]["honestly"] == 20 and both["Bo Lind"]["basically"] == 20
    # The episode being scored is left out of what is known: here only "two" counts, and
    # Bo Lind's words there are too few to make a voice.
    alone = learn_voices([one, two], leave_out=one)
    assert alone["Ann Moss"]["honestly"] == 10 and "boats" not in alone["Ann Moss"]
    assert "Bo Lind" not in alone


def test_strip_leaves_out_show_notes_before_the_first_label() -> None:
    from eval.strip_labels import strip
    from extract.transcript import Line, Transcript

    t = Transcript(
        "x",
        "labelled",
        (Line(1, 0.0, 1.0, "Notes: tides."), Line(2, 1.0, 2.0, "Hi there.", "Ann"), Line(3, 2.0, 3.0, "Yo.", "Bo")),
    )
    stripped, labels = strip(t)
    assert " ".join(ln.text for ln in stripped.lines) == "Hi there. Yo."
    assert labels == ["Ann", "Ann", "Bo"]


def test_sponsor_reads_are_scored_against_the_files_ad_flags(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from eval.strip_labels import ad_agreement
    from extract.speakers import Attribution, Speaker, SpeakerSpan

    path = tmp_path / "ep.json"
    rows = [
        {"start": 0, "end": 1, "text": "Buy it", "speaker": "Ann", "ad": True},
        {"start": 1, "end": 2, "text": "now. So tides?", "speaker": "Ann"},
    ]
    path.write_text(json.dumps(rows))
    text = "Buy it now. So tides?"
    # The attribution marks "Buy it now." as a read: two flagged words found, one more marked.
    att = Attribution((Speaker("Ann", "host"),), (SpeakerSpan(0, 11, 0, 1.0, True), SpeakerSpan(12, 21, 0, 1.0)))
    assert ad_agreement(path, text, att) == (2 / 3, 1.0, 2)
    rows[0]["ad"] = False
    path.write_text(json.dumps(rows))
    assert ad_agreement(path, text, att) is None


def test_strip_labels_skips_a_file_without_labels_and_merges_first_name_labels(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from eval.strip_labels import main, one_label_per_person

    plain = tmp_path / "plain.txt"
    plain.write_text("Just a paragraph of notes with nobody named.\n", encoding="utf-8")
    assert main([str(plain)]) == 0
    assert "skipped plain.txt: no speaker labels to score" in capsys.readouterr().out
    # A file the parser refuses is skipped with the parser's reason; the others are scored.
    broken = tmp_path / "broken.md"
    broken.write_text("Ann: 00:02:00\n\nHello.\n\nBo: 00:01:00\n\nHi.\n", encoding="utf-8")
    assert main([str(broken), str(plain)]) == 0
    out = capsys.readouterr().out
    assert "skipped broken.md:" in out and "broken.md:7: timestamp goes backwards" in out
    assert "skipped plain.txt" in out
    assert one_label_per_person(["Ann", "Ann Moss", "Bo"]) == ["Ann Moss", "Ann Moss", "Bo"]


def test_show_store_scores_an_episode_ingested_after_the_shows_others(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from eval.show_store import main

    # The host never says her own name in the second episode: only the store, which holds
    # the first (labelled) episode of the show, can give it.
    first = [
        ("Ann Moss", "Welcome to Harbour Talk, I'm Ann Moss. Today I'm speaking with Cy Park. Why ferries?"),
        ("Cy Park", "Thanks for having me. I grew up on an island, so ferries were how we got anywhere."),
        ("Ann Moss", "What makes a ferry timetable hard to keep?"),
        ("Cy Park", "Tides, mostly, and the wind. Crews matter too, but the sea decides the day."),
    ]
    second = [
        ("Ann Moss", "Welcome back to the show. Today I'm speaking with Bo Lind, who builds boats. What got you started?"),
        ("Bo Lind", "Thanks for having me. I started as a kid, fixing old dinghies with my father every summer."),
        ("Ann Moss", "And what changed when you began selling them?"),
        ("Bo Lind", "Well, a hobby turns into deadlines. I learned to plan the work and to say no to some orders."),
    ]
    paths = []
    for name, turns in (("first.md", first), ("second.md", second)):
        path = tmp_path / name
        path.write_text("\n\n".join(f"**{who}:** {text}" for who, text in turns) + "\n", encoding="utf-8")
        paths.append(str(path))
    assert main([*paths, "--show", "Harbour Talk"]) == 0
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if ln.startswith("second.md"))
    assert "the show's 1 other episodes in the store" in line
    accuracy = float(line.split("word accuracy ")[1].split()[0])
    mapped = float(line.split("best speaker mapping ")[1].rstrip(")"))
    # Both names right: the host from the store, the guest from the introduction.
    assert accuracy == mapped > 0.5
    stored = out.splitlines()[out.splitlines().index(line) + 1]
    assert stored.startswith("  stored speakers: ") and "Ann Moss" in stored and "Bo Lind" in stored
    assert "2 files: mean word accuracy" in out
