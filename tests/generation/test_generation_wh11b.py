"""Round 11, second pass: a list of subjects («Francia, Austria y Rusia firmaron…») goes whole after the verb."""

import pytest

from quizzes.generation.model import Fact
from quizzes.generation.wh import MARK, wh_prompt

YEAR_FACT = Fact("k", "date", "year", 0, "s", "a", 0, 1, 0, 1, value={"year": 1})


@pytest.mark.parametrize(
    ("clause_with_mark", "question"),
    [
        (
            f"Francia, Austria, Rusia y Prusia firmaron la paz en {MARK}.",
            "¿En qué año firmaron Francia, Austria, Rusia y Prusia la paz?",
        ),
        (
            f"En {MARK}, Pizarro, Almagro y Luque firmaron un contrato de compañía.",
            "¿En qué año firmaron Pizarro, Almagro y Luque un contrato de compañía?",
        ),
        # members with their articles; a clitic before the verb
        (
            f"El rey, su hermano y el obispo se reunieron en León en {MARK}.",
            "¿En qué año se reunieron el rey, su hermano y el obispo en León?",
        ),
        # a named object goes before the list, as before a two-name subject
        (
            f"Holanda, Suecia e Inglaterra invadieron Dinamarca en {MARK}.",
            "¿En qué año invadieron Dinamarca Holanda, Suecia e Inglaterra?",
        ),
    ],
)
def test_a_list_of_subjects_goes_whole_after_the_verb(clause_with_mark, question):
    assert wh_prompt(YEAR_FACT, clause_with_mark, None) == question


@pytest.mark.parametrize(
    "clause_with_mark",
    [
        # a phrase between commas, then a singular verb: an apposition, no list
        f"Roma, capital del imperio y sede del papa, fue saqueada en {MARK}.",
        # no comma after the last member but a singular verb: not a list of subjects
        f"Roma, capital del imperio y sede del papa fue saqueada en {MARK}.",
        # a relative clause, a figure or a connective among the «members»
        f"El rey, que tenía tres hijos y dos hijas, murió en {MARK}.",
        f"El conde, con 3000 hombres y su flota, tomaron la plaza en {MARK}.",
        f"Prusia, sin embargo y Austria firmaron la paz en {MARK}.",
        # a verb inside a «member»: two clauses
        f"El rey, la reina huyó y los nobles se dispersaron en {MARK}.",
    ],
)
def test_no_list_of_subjects_where_the_words_do_not_make_one(clause_with_mark):
    q = wh_prompt(YEAR_FACT, clause_with_mark, None)
    assert q == "" or ("Roma, capital" not in q and "huyó" not in q and "3000" not in q and "sin embargo" not in q)
