"""Helpers shared by the generation tests."""

from quizzes.generation.model import Fact
from quizzes.generation.standalone import Discourse
from quizzes.generation.text import Sentence


def discourse(*texts: str, names: dict[int, list[str]] | None = None, title: str = "") -> Discourse:
    """Return the discourse of a text made of these sentences (one space between them), as the generator builds it."""
    sentences, pos = [], 0
    for i, t in enumerate(texts):
        sentences.append(Sentence(index=i, text=t, start=pos, end=pos + len(t)))
        pos += len(t) + 1
    return Discourse(sentences=sentences, names=names or {}, title=title)


def answer_fact(answer: str, kind: str = "date", *, key: str = "f", sentence_index: int = 0) -> Fact:
    """Return a fact that is only its answer (key «f», sentence 0 unless given): what a publication-gate test needs."""
    return Fact(
        key=key,
        kind=kind,
        subtype="",
        sentence_index=sentence_index,
        sentence="",
        answer=answer,
        start=0,
        end=len(answer),
        local_start=0,
        local_end=len(answer),
    )


def sentence_fact(sentence: str, answer: str, kind: str = "date", subtype: str = "year", **fields) -> Fact:
    """Return the fact of `answer` where it first stands in `sentence` (sentence 3, key «f» unless given): what a test of
    a fact's weight or penalty needs."""
    at = sentence.index(answer)
    fields = {"key": "f", "sentence_index": 3, **fields}
    return Fact(
        kind=kind,
        subtype=subtype,
        sentence=sentence,
        answer=answer,
        start=at,
        end=at + len(answer),
        local_start=at,
        local_end=at + len(answer),
        **fields,
    )


def scanned_position(prompt: str, text: str) -> tuple[int, int] | None:
    """What confidence.source_position must return, found the slow way: every sentence compared with the prompt."""
    from quizzes.generation.confidence import _content, _sentences

    words = _content(prompt)
    best, where = 0.0, None
    for p, s, sentence in _sentences(text):
        if sentence and len(words & sentence) / len(words) > best:
            best, where = len(words & sentence) / len(words), (p, s)
    return where if best >= 0.4 else None
