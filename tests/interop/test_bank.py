"""The Winter War bank itself goes to Moodle and Anki and comes back: the 'done when' of the interop issue."""

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from django.core.management import call_command

from quizzes.interop import gift, moodle_xml
from quizzes.interop.schema import validate
from quizzes.models import Document, Flashcard, Question
from quizzes.services import cards as card_services
from quizzes.services import interop as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank():
    call_command("loaddata", "fixtures/winterwar_bank.json", verbosity=0)
    return Document.objects.get()


def comparable(items):
    return [
        (
            i.kind,
            i.prompt,
            i.explanation,
            [(c.text, c.is_correct) for c in i.choices],
            i.accepted,
            i.correct_bool,
            i.numeric_value,
            i.numeric_tolerance or 0,
            i.unit,
            i.document,
        )
        for i in items
    ]


@pytest.mark.parametrize("module", [gift, moodle_xml], ids=["gift", "moodle_xml"])
def test_the_whole_bank_round_trips_through_moodle_formats(bank, module):
    items = services.questions_to_data(questions=Question.objects.all())
    assert len(items) >= 20
    assert {i.kind for i in items} >= {"single_choice", "true_false", "numeric"}
    result = module.loads(module.dumps(items))
    assert result.errors == []
    assert [validate(i) for i in result.items] == [[] for _ in result.items]
    assert comparable(result.items) == comparable(items)


def test_the_banks_cards_open_in_anki(bank, tmp_path):
    card_services.cards_sync_for_document(document=bank)
    n_cards = Flashcard.objects.filter(is_active=True).count()
    # One card per fact with a published question, or a draft left out only by the quiz's selection, that makes a
    # front (docs/flashcards.md): 8 on today's bank, 4 of them from its published items.
    sources = {q.fact_id for q in Question.objects.exclude(fact=None) if card_services.makes_card(q)}
    published = set(Question.objects.published().exclude(fact=None).values_list("fact", flat=True))
    assert len(published) < n_cards <= len(sources)
    export = services.export_flashcards(cards=Flashcard.objects.all(), basename="banco")
    (tmp_path / "perfil").mkdir()
    collection = Collection(str(tmp_path / "perfil" / "collection.anki2"))
    try:
        package = tmp_path / "banco.apkg"
        package.write_bytes(export.content)
        log = collection.import_anki_package(
            ImportAnkiPackageRequest(package_path=str(package), options=ImportAnkiPackageOptions())
        ).log
        assert len(log.new) == n_cards
        texts = [collection.get_note(n)["Texto"] for n in collection.find_notes("")]
    finally:
        collection.close()
    assert all("{{c1::" in text for text in texts)
