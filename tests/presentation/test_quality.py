"""Every quality check the generator can record has a sentence for the teacher (the admin shows no ids)."""

import inspect
import re

from quizzes.generation import quality
from quizzes.presentation.quality import FAILED


def test_every_check_the_generator_records_has_a_sentence():
    source = inspect.getsource(quality)
    recorded = (
        set(re.findall(r'results\["(\w+)"\]', source))
        | set(quality.WEIGHTS)
        | {"selected", "minor_fact", "long_to_publish"}
    )
    assert recorded - set(FAILED) == set()


def test_every_reason_the_publication_gate_gives_has_a_sentence():
    from quizzes.generation import ranking, standalone

    gate = set(re.findall(r'return "(\w+)"', inspect.getsource(ranking.publication_gate)))
    dependent = re.findall(r'return "(\w+)"', inspect.getsource(standalone.dependent_context))
    assert (gate | {f"not_{reason}" for reason in dependent}) - set(FAILED) == set()


def test_no_sentence_names_an_internal_id():
    for check, sentence in FAILED.items():
        assert check not in str(sentence) and "_" not in str(sentence).replace("_____", "")
