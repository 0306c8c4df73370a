"""A flashcard's front from a published question: the question's own words, or the cloze of its statement.

Pure: plain strings in, plain strings out (the service in quizzes/services/cards.py reads the rows). A true/false item
states something; its card asks for the piece of that statement the item is about, blanked:
«Verdadero o falso: el 13 de marzo de 1940, la guerra terminó…» → «El _____, la guerra terminó…» (back «13 de marzo de
1940»). A false statement is blanked where the generator swapped the true value for a wrong one (its note «Afirmación
falsa: «X» en lugar de «Y».»), so the card asks for the true value and never shows the false one.
"""

from __future__ import annotations

import re

BLANK = "_____"
# How the generator (quizzes/generation/questions.py, true_false_prompt) and teachers open a true/false prompt.
_TRUE_FALSE_OPENING = re.compile(r"^\s*¿?\s*verdadero\s+o\s+falso\s*(?:\?\s*[:.,—–-]?|[:.,—–-])\s*", re.IGNORECASE)
# The generator's note on a false statement: «Afirmación falsa: «X» en lugar de «Y».»
_SWAP_NOTE = re.compile(r"«(?P<said>[^«»]+)»\s+en lugar de\s+«(?P<true>[^«»]+)»")


def statement_of(prompt: str) -> str:
    """Return a true/false prompt's statement, without its «Verdadero o falso:» opening and with a capital."""
    statement = _TRUE_FALSE_OPENING.sub("", prompt or "", count=1).strip()
    return statement[:1].upper() + statement[1:]


def blank_out(text: str, span: str) -> tuple[str, str] | None:
    """Blank the first whole-word occurrence of ``span`` in ``text`` (case aside); return (cloze, the text blanked).

    None when ``span`` is empty, not in ``text``, or only inside a longer word or number («1939» in «19390»).
    """
    span = (span or "").strip()
    if not span or not text:
        return None
    folded, target = text.casefold(), span.casefold()
    if len(folded) != len(text):  # a character whose case fold changes its length: offsets would not match
        return None
    start = folded.find(target)
    while start >= 0:
        end = start + len(target)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return f"{text[:start]}{BLANK}{text[end:]}".strip(), text[start:end]
        start = folded.find(target, start + 1)
    return None


def swapped_values(notes: list) -> list[tuple[str, str]]:
    """Return the (false value said, true value) pairs of a false statement's notes."""
    pairs = []
    for note in notes or []:
        if isinstance(note, str):
            pairs += [(m["said"].strip(), m["true"].strip()) for m in _SWAP_NOTE.finditer(note)]
    return pairs


def statement_cloze(
    *, prompt: str, is_true: bool, answers: list[str], notes: list | None = None
) -> tuple[str, str] | None:
    """Return (front, back) for a true/false item about a fact with these answers (the fact's answer, its aliases).

    A true statement: the first of ``answers`` found in it is blanked; the back is that answer as the statement words
    it, but with the answer's own lower-case initial where only the statement's capital changed it («el Tratado…» at
    the start). A false one: the wrong value the generator put in place of the true one is blanked and the back is the
    true value. None when neither can be placed (a statement a teacher rewrote, a paraphrase that words the answer
    differently), when the front would still show the back (the answer named twice; a false statement naming the true
    value elsewhere), or when the wrong value occurs more than once (which one was swapped?): no card is better than a
    wrong one.
    """
    statement = statement_of(prompt)
    if not statement:
        return None
    answers = [a.strip() for a in answers if isinstance(a, str) and a.strip()]
    if is_true:
        for answer in answers:
            found = blank_out(statement, answer)
            if found is None:
                continue
            front, back = found
            if blank_out(front, back) is not None:  # named again: the front would give the answer away
                return None
            if front.startswith(BLANK) and answer[:1].islower():  # statement_of's capital, not the answer's
                back = back[:1].lower() + back[1:]
            return front, back
        return None
    folded_answers = {a.casefold() for a in answers}
    for said, true in swapped_values(notes or []):
        if true.casefold() not in folded_answers:
            continue
        found = blank_out(statement, said)
        if found is None:
            continue
        front = found[0]
        if blank_out(front, said) is not None or blank_out(front, true) is not None:
            return None
        return front, true
    return None
