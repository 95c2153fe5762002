"""Sentence ends and questions restored in transcripts without punctuation (auto-captions).

A caption runs on ("how are you doing jane doing very well thanks"), so a unit of
attribution can hold both sides of a turn change, and a question, the strongest cue of
a host's turn, is no longer marked. Two linear models put the marks back:

- at each gap between words, whether a sentence ends there, from the words on either
  side (one to three of them, alone and in pairs and triples: "jane | doing", "right | so");
- for each sentence so found, whether it is a question, from its first and last words
  and the words it holds ("how are you doing jane").

The features are hashed (``sklearn``'s ``FeatureHasher``), so the model file holds
weights only, no words. It was trained on punctuated public transcripts with
``python -m extract.speakers.caption_train`` (see the README); the corpus and its
gold annotation were not among them. ``PODGRAPH_CAPTION_MODEL`` names another model
file written by that command (one trained on a show's own punctuated transcripts).
"""

from __future__ import annotations

import functools
import os
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import FeatureHasher

from extract.speakers.addressing import PLEASANTRIES
from extract.speakers.name_forms import closes_welcome
from extract.speakers.units import Unit
from graph.errors import ConfigError

MODEL = Path(__file__).resolve().parent.parent / "data" / "caption_ends.npz"
ENV = "PODGRAPH_CAPTION_MODEL"
N_FEATURES = 2**18
# Log-odds above which a sentence ends: below even odds, as an extra cut costs the
# decoder little and a missed one hides a turn change inside a unit.
END_THRESHOLD = -2.0
_DROP = re.compile(r"[^\w'%$-]")  # what captions leave out of a word


def caption_word(word: str) -> str:
    """A word as auto-captions write it: lower case, no punctuation.

    >>> caption_word("Really?"), caption_word("It’s"), caption_word("—")
    ('really', "it's", '')
    """
    return _DROP.sub("", word.lower().replace("’", "'"))


def _at(words: Sequence[str], k: int) -> str:
    return words[k] if 0 <= k < len(words) else ("<s>" if k < 0 else "</s>")


def gap_features(words: Sequence[str], i: int) -> list[str]:
    """Features of the gap after ``words[i]``: the two words before and after it, alone,
    in pairs and in triples across the gap.

    >>> gap_features(["so", "yeah", "right"], 1)[:4]
    ['p=yeah', 'n=right', 'pp=so', 'nn=</s>']
    """
    a, b, c, d = _at(words, i - 1), _at(words, i), _at(words, i + 1), _at(words, i + 2)
    return [
        f"p={b}",
        f"n={c}",
        f"pp={a}",
        f"nn={d}",
        f"p2={a}_{b}",
        f"x={b}_{c}",
        f"n2={c}_{d}",
        f"x3={a}_{b}_{c}",
        f"y3={b}_{c}_{d}",
        "bias",
    ]


def sentence_features(words: Sequence[str]) -> list[str]:
    """Features of one sentence for the question model: its first one to three words,
    its last one and two, the words it holds and its length.

    >>> sentence_features(["is", "that", "right"])[:3]
    ['f1=is', 'f2=is_that', 'f3=is_that_right']
    """
    n = len(words)
    return [
        f"f1={_at(words, 0)}",
        f"f2={_at(words, 0)}_{_at(words, 1)}",
        f"f3={_at(words, 0)}_{_at(words, 1)}_{_at(words, 2)}",
        f"l1={_at(words, n - 1)}",
        f"l2={_at(words, n - 2)}_{_at(words, n - 1)}",
        f"len={min(n, 30) // 3}",
        "bias",
        *(f"w={w}" for w in sorted(set(words))),
    ]


def hasher() -> FeatureHasher:
    """The feature hasher the models were trained with."""
    return FeatureHasher(n_features=N_FEATURES, input_type="string", alternate_sign=False)


@dataclass(frozen=True)
class EndModel:
    """Weights of the two linear models (log-odds of an end, of a question)."""

    end: np.ndarray
    end_bias: float
    question: np.ndarray
    question_bias: float

    def end_logits(self, words: Sequence[str]) -> np.ndarray:
        """Log-odds that a sentence ends after each word."""
        if not words:
            return np.zeros(0)
        x = hasher().transform(gap_features(words, i) for i in range(len(words)))
        return np.asarray(x @ self.end, dtype=float) + self.end_bias

    def question_logits(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """Log-odds that each sentence is a question."""
        if not sentences:
            return np.zeros(0)
        x = hasher().transform(sentence_features(s) for s in sentences)
        return np.asarray(x @ self.question, dtype=float) + self.question_bias

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            end=self.end.astype(np.float16),
            end_bias=self.end_bias,
            question=self.question.astype(np.float16),
            question_bias=self.question_bias,
        )


def model_path() -> Path:
    """The model file in use: ``PODGRAPH_CAPTION_MODEL`` if set, else the shipped one."""
    given = os.environ.get(ENV, "").strip()
    return Path(given).expanduser() if given else MODEL


def load(path: Path | None = None) -> EndModel:
    """The model at ``path``, by default the one in use (each file read once).

    Raises ``ConfigError`` naming the file when it is missing or is not such a model.
    """
    return _read(path or model_path())


@functools.cache
def _read(path: Path) -> EndModel:
    if not path.is_file():
        raise ConfigError(f"caption model {path}: no such file")
    if not zipfile.is_zipfile(path):
        raise ConfigError(f"caption model {path}: not an .npz file as caption_train writes")
    try:
        with np.load(path) as z:
            end, question = np.asarray(z["end"], dtype=float), np.asarray(z["question"], dtype=float)
            model = EndModel(end, float(z["end_bias"]), question, float(z["question_bias"]))
    except (OSError, ValueError, TypeError, KeyError, zipfile.BadZipFile) as err:
        raise ConfigError(f"caption model {path}: cannot be read as a model file ({err})") from err
    if end.shape != (N_FEATURES,) or question.shape != (N_FEATURES,):
        raise ConfigError(f"caption model {path}: weights for {end.size} features, not {N_FEATURES}")
    return model


def restore(words: Sequence[str], model: EndModel | None = None) -> list[str]:
    """The mark restored after each word: ``"."`` or ``"?"`` where a sentence ends, else
    ``""``; the last word always ends one.

    >>> restore([])
    []
    """
    if not words:
        return []
    model = model or load()
    norm = [caption_word(w) or w for w in words]
    ends = model.end_logits(norm) > END_THRESHOLD
    marks = [""] * len(words)
    starts = [0] + [i + 1 for i in np.flatnonzero(ends[:-1])]
    stops = [*starts[1:], len(words)]
    questions = model.question_logits([norm[s:e] for s, e in zip(starts, stops, strict=True)]) > 0
    for e, q in zip(stops, questions, strict=True):
        marks[e - 1] = "?" if q else "."
    return marks


_WORD = re.compile(r"\S+")
# Words before a full name the opening says that stay in its sentence: an introduction's
# title ("our head of data science jane okafor") is not cut from the name it introduces.
TITLE_WORDS = 3
# Words after a lone first name that make it a vocative: a welcome or a pleasantry
# ("jane welcome to the show", "hey jane great to be here").
_GREETING_AFTER = frozenset({"welcome", *PLEASANTRIES})


def _greets(units: Sequence[Unit], span: tuple[int, int, int]) -> bool:
    """Whether the word at ``span`` (unit, start, end) opens a welcome or a pleasantry."""
    k, s, e = span
    return caption_word(units[k].text[s:e]) in _GREETING_AFTER


def _welcomed(units: Sequence[Unit], spans: Sequence[tuple[int, int, int]], i: int) -> bool:
    """Whether the word at ``spans[i]`` closes a welcome or a thanks ("welcome jane")."""
    return closes_welcome([caption_word(units[k].text[s:e]) for k, s, e in spans[max(0, i - 2) : i]])


def recut(
    units: Sequence[Unit], model: EndModel | None = None, names: Sequence[tuple[int, int]] = ()
) -> list[Unit]:
    """The units cut again where a sentence ends, each piece's text closed with its
    restored mark (its span stays the transcript's words); never before or inside one
    of the ``names`` (character spans), so "joined by my co-host jane okafor" stays whole,
    nor in the ``TITLE_WORDS`` words before a full name, which are its title, nor between
    a lone first name and the welcome or pleasantry after it ("jane welcome to the show").

    >>> class Ends(EndModel):
    ...     def end_logits(self, words):
    ...         return np.array([1.0 if w in ("chris", "well") else -9.0 for w in words])
    ...     def question_logits(self, sentences):
    ...         return np.array([1.0 if s[0] == "how" else -1.0 for s in sentences])
    >>> ends = Ends(np.zeros(1), 0.0, np.zeros(1), 0.0)
    >>> [u.text for u in recut([Unit(0, 33, "how are you chris doing very well")], ends)]
    ['how are you chris?', 'doing very well.']
    """
    spans = [(k, m.start(), m.end()) for k, u in enumerate(units) for m in _WORD.finditer(u.text)]
    marks = restore([units[k].text[s:e] for k, s, e in spans], model)
    at = [units[k].char_start + s for k, s, _ in spans]
    for i in range(len(spans)):
        name = next(((a, b) for a, b in names if a <= at[i] < b), None)
        if name is None:
            continue
        lone = at[i] == name[0] and (i + 1 == len(spans) or at[i + 1] >= name[1])
        if lone and _welcomed(units, spans, i):
            # "welcome jane | thanks for having me": the name closes the welcome before it.
            marks[i] = marks[i] or marks[i - 1]
            marks[i - 1] = ""
            continue
        if i:
            marks[i - 1] = ""
        if at[i] != name[0] or i + 1 == len(spans):
            continue
        if at[i + 1] < name[1]:  # a full name begins: its title stays with it
            for j in range(max(0, i - 1 - TITLE_WORDS), i - 1):
                marks[j] = ""
        elif _greets(units, spans[i + 1]):
            marks[i] = ""  # a lone name stays with the welcome after it ("jane welcome to the show")
    out: list[Unit] = []
    start: int | None = None
    first = False
    for n, ((k, s, e), mark) in enumerate(zip(spans, marks, strict=True)):
        u = units[k]
        if start is None:  # a piece starts: the first of its unit opens the unit's sentence
            start, first = s, u.first_in_sentence and (n == 0 or spans[n - 1][0] != k)
        if mark or n + 1 == len(spans) or spans[n + 1][0] != k:
            text = u.text[start:e] + (mark if mark and u.text[e - 1] not in ".?!" else "")
            a, b = u.char_start + start, u.char_start + e
            out.append(replace(u, char_start=a, char_end=b, text=text, first_in_sentence=first))
            start = None
    return out
