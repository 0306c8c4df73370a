"""Flashcards in a real browser: five cards reviewed with the keyboard alone, at phone and laptop widths."""

import pytest
from playwright.sync_api import expect

from quizzes.models import QuestionKind, Review
from quizzes.services.cards import cards_sync_for_document
from tests import factories
from tests.browser.conftest import login, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

SENTENCES = [
    "La Guerra de Invierno comenzó el 30 de noviembre de 1939.",
    "El mariscal Mannerheim dirigió la defensa finlandesa.",
    "La línea Mannerheim cruzaba el istmo de Carelia.",
    "El Tratado de Paz de Moscú se firmó el 12 de marzo de 1940.",
    "Finlandia cedió alrededor del 11 % de su territorio.",
    "Los soldados finlandeses usaban esquís en los bosques.",
]
ANSWERS = ["30 de noviembre de 1939", "Mannerheim", "istmo de Carelia", "12 de marzo de 1940", "11 %", "esquís"]


def winter_deck():
    text = " ".join(SENTENCES)
    document = factories.make_document(title="La Guerra de Invierno", text=text)
    start = 0
    for index, (sentence, answer) in enumerate(zip(SENTENCES, ANSWERS, strict=True)):
        s = factories.make_sentence(document=document, index=index, text=sentence, start=start)
        at = start + sentence.index(answer)
        fact = factories.make_fact(sentence=s, answer=answer, kind="term", start=at, end=at + len(answer))
        # A card asks a fact's published question (here a cloze, as the generator publishes many).
        factories.make_question(
            kind=QuestionKind.SHORT_ANSWER,
            prompt=sentence.replace(answer, "_____"),
            fact=fact,
            document=document,
            accepted=[answer],
        )
        start += len(sentence) + 1
    cards_sync_for_document(document=document)
    return document


@pytest.mark.parametrize("viewport", ["phone_page", "page"])
def test_review_five_cards_with_the_keyboard_alone(request, viewport):
    page = request.getfixturevalue(viewport)
    winter_deck()
    student = factories.make_student(username="ana", first_name="Ana", password="ana-demo-clave")
    login(page, "ana", "ana-demo-clave")
    page.goto(page.base_url + "/tarjetas/")
    expect(page.locator("#card-front")).to_be_visible()
    assert "_____" in page.locator("#card-front").inner_text()
    screenshot(page, f"cards-front-{viewport}")

    ratings = ["3", "3", "1", "4", "2"]
    for i, key in enumerate(ratings):
        front = page.locator("#card-front").inner_text()
        expect(page.locator("#card-answer")).not_to_be_visible()
        page.keyboard.press("Space")
        expect(page.locator("#card-answer")).to_be_visible()
        # Each button shows the interval it would give, as in Anki.
        assert page.locator(".btn-rate-good .rate-interval").inner_text().strip() != ""
        if i == 0:
            screenshot(page, f"cards-back-{viewport}")
        with page.expect_navigation():
            page.keyboard.press(key)
        if i < len(ratings) - 1:
            assert page.locator("#card-front").inner_text() != front
    assert Review.objects.filter(user=student).count() == 5
    assert sorted(Review.objects.filter(user=student).values_list("rating", flat=True)) == [1, 2, 3, 3, 4]
    # One new card is left: the progress bar has moved on.
    assert page.locator("progress").get_attribute("value") == "5"
    screenshot(page, f"cards-after-five-{viewport}")
    # Anki's three numbers, the same on the review page and on the home page; a card shown is always counted.
    counts = [page.get_by_test_id(f"count-{k}").inner_text() for k in ("new", "learning", "review")]
    assert counts[0] == "1 nueva" and counts[1] != "0 en aprendizaje"
    expect(page.locator("#card-front")).to_be_visible()

    page.goto(page.base_url + "/tarjetas/estadisticas/")
    expect(page.get_by_role("heading", name="Retención real")).to_be_visible()
    screenshot(page, f"cards-stats-{viewport}")
    page.goto(page.base_url + "/")
    expect(page.get_by_role("heading", name="Tarjetas de repaso")).to_be_visible()
    assert [page.get_by_test_id(f"count-{k}").inner_text() for k in ("new", "learning", "review")] == counts
    screenshot(page, f"cards-home-{viewport}")


def test_without_javascript_the_review_still_works(chromium, live_server):
    context = chromium.new_context(viewport={"width": 375, "height": 812}, java_script_enabled=False, locale="es-ES")
    page = context.new_page()
    page.base_url = live_server.url
    winter_deck()
    student = factories.make_student(username="bruno", password="bruno-demo-clave")
    login(page, "bruno", "bruno-demo-clave")
    page.goto(page.base_url + "/tarjetas/")
    page.get_by_role("link", name="Mostrar respuesta").click()
    expect(page.locator("#card-answer")).to_be_visible()
    page.get_by_role("button", name="Bien").click()
    assert Review.objects.filter(user=student).count() == 1
    expect(page.locator("#card-front")).to_be_visible()
    context.close()


def test_nothing_due_says_when_the_next_card_is(page):
    winter_deck()
    student = factories.make_student(username="carla", password="carla-demo-clave")
    student.daily_new_cards = 1
    student.save()
    login(page, "carla", "carla-demo-clave")
    page.goto(page.base_url + "/tarjetas/")
    page.keyboard.press("Space")
    with page.expect_navigation():
        page.keyboard.press("4")
    expect(page.get_by_text("La próxima tarjeta vence el")).to_be_visible()
    screenshot(page, "cards-done-page")


def test_card_pages_have_no_serious_accessibility_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    winter_deck()
    factories.make_student(username="dora", password="dora-demo-clave")
    login(page, "dora", "dora-demo-clave")
    axe = Axe()
    found = {}
    for path, reveal in [
        ("/tarjetas/", False),
        ("/tarjetas/", True),
        ("/tarjetas/estadisticas/", False),
        ("/tarjetas/ajustes/", False),
    ]:
        page.goto(page.base_url + path)
        if reveal:
            page.keyboard.press("Space")
        results = axe.run(page, context="#main")  # the shared navbar is checked by its owner
        serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        found[f"{path} {reveal}"] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in serious]
    assert found == {k: [] for k in found}
