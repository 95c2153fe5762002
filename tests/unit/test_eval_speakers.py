"""The speaker evaluation's scores on a hand-made five-word exchange."""

from eval.speakers import score


def _chars(text: str, words: list[str]) -> list[str | None]:
    """One label per character: each word's label over the word and the space after it."""
    out: list[str | None] = []
    for w, lab in zip(text.split(" "), words, strict=True):
        out += [lab] * (len(w) + 1)
    return out[: len(text)]


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
