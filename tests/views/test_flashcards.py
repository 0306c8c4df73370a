"""Flashcard pages: review session (GET/POST, PRG, bad input), statistics, settings, home panel, query budgets."""

from datetime import datetime, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from quizzes.models import CardState, Review, StudentCard, User
from tests import factories

pytestmark = pytest.mark.django_db

REVIEW_URL = reverse("quizzes:cards_review")
STATS_URL = reverse("quizzes:cards_stats")
SETTINGS_URL = reverse("quizzes:cards_settings")


TYPED_URL = REVIEW_URL + "?modo=escribir"


def check(client, row, typed, **extra):
    """The typed mode's «Comprobar»: the typed answer posted (never in the URL)."""
    return client.post(TYPED_URL, {"card": row.pk, "respuesta": typed}, **extra)


def post(client, row, rating=3, *, token="a" * 32, reps=None, **extra):
    data = {"card": row.pk, "rating": rating, "token": token, "reps": row.reps if reps is None else reps}
    data.update(extra)
    return client.post(REVIEW_URL, data)


@pytest.fixture
def deck(student):
    document = factories.make_document(title="La Guerra de Invierno")
    sentence = factories.make_sentence(document=document, index=2, text="Helsinki es la capital.")
    return [
        factories.make_flashcard(
            document=document,
            front=f"_____ es la capital ({i}).",
            back="Helsinki",
            context=sentence.text,
            sentence=sentence,
        )
        for i in range(3)
    ]


@pytest.mark.parametrize("url", [REVIEW_URL, STATS_URL, SETTINGS_URL])
def test_anonymous_users_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/cuentas/login/" in response["Location"]


def test_review_page_shows_the_front_then_the_answer_with_four_intervals(student_client, student, deck):
    response = student_client.get(REVIEW_URL)
    assertContains(response, "_____ es la capital (0).")
    assertContains(response, "Mostrar respuesta")
    row = StudentCard.objects.get(user=student, card=deck[0])
    assert row.state == CardState.NEW
    assertContains(response, f'href="{REVIEW_URL}?mostrar={row.pk}"')
    # Without JavaScript: the link reveals the back on the server.
    response = student_client.get(REVIEW_URL, {"mostrar": row.pk})
    body = response.content.decode()
    assert 'class="flashcard-back js-back" hidden' not in body
    for label, interval in [("Otra vez", "1 min"), ("Difícil", "6 min"), ("Bien", "10 min")]:
        assert label in body and interval in body
    assertContains(response, "?s=2#s2")  # link to the sentence in the reader
    assertContains(response, '<progress class="w-100" value="0" max="3"', html=False)


def test_rating_redirects_to_the_next_card_and_logs_one_review(student_client, student, deck):
    student_client.get(REVIEW_URL)
    row = StudentCard.objects.get(user=student, card=deck[0])
    response = post(student_client, row, 3, shown=int(timezone.now().timestamp() * 1000) - 4000)
    assertRedirects(response, REVIEW_URL, fetch_redirect_response=False)
    review = Review.objects.get()
    assert review.rating == 3 and review.duration_ms >= 4000
    response = student_client.get(REVIEW_URL)
    assertContains(response, "_____ es la capital (1).")
    # 1 reviewed, 2 new and the first card back in learning (due within the learn-ahead window): 4 today.
    assertContains(response, '<progress class="w-100" value="1" max="4"', html=False)


def test_the_same_post_twice_logs_one_review_and_says_so(student_client, student, deck):
    student_client.get(REVIEW_URL)
    row = StudentCard.objects.get(user=student, card=deck[0])
    post(student_client, row, 3, token="b" * 32)
    response = post(student_client, row, 3, token="b" * 32, reps=0)  # the browser replays the same form
    assert response.status_code == 302
    assert Review.objects.count() == 1
    response = student_client.get(REVIEW_URL)
    assertContains(response, "Esa valoración ya estaba registrada.")


def test_two_tabs_the_second_rating_is_refused_with_a_message(student_client, student, deck):
    student_client.get(REVIEW_URL)
    row = StudentCard.objects.get(user=student, card=deck[0])
    post(student_client, row, 3, token="c" * 32, reps=0)
    response = post(student_client, row, 1, token="d" * 32, reps=0)
    assert response.status_code == 302
    assert Review.objects.count() == 1
    row.refresh_from_db()
    assert row.reps == 1 and row.step == 1
    assertContains(student_client.get(REVIEW_URL), "otra pestaña")


def test_a_card_not_due_is_a_no_op_with_a_message(student_client, student, deck):
    row = factories.make_student_card(
        user=student, card=deck[0], due=timezone.now() + timedelta(days=3), state=CardState.REVIEW,
        stability=5, difficulty=5, last_review=timezone.now() - timedelta(days=2), reps=3,
    )  # fmt: skip
    response = post(student_client, row, 1)
    assert response.status_code == 302
    assert Review.objects.count() == 0
    assertContains(student_client.get(REVIEW_URL), "todavía no toca")


def test_another_students_card_is_a_404(student_client, other_student, deck):
    row = factories.make_student_card(user=other_student, card=deck[0])
    before = StudentCard.objects.filter(pk=row.pk).values().get()
    assertContains(post(student_client, row, 3), UNKNOWN_CARD, status_code=404)
    assertContains(post(student_client, row, 3), UNKNOWN_CARD, status_code=404)  # the same POST replayed
    assert Review.objects.count() == 0
    assert StudentCard.objects.filter(pk=row.pk).values().get() == before  # the hand-written UPDATE never ran


UNKNOWN_CARD = "Esa tarjeta no existe o no es suya; se muestra la que le toca."


@pytest.mark.parametrize("endpoint", ["rating", "check"])
@pytest.mark.parametrize(
    ("card", "status"),
    [("0", 400), ("2147483648", 400), ("9" * 40, 400), ("abc", 400), ("3.5", 400), ("", 400), ("other", 404)],
)
def test_a_card_that_is_not_a_students_own_is_refused_in_spanish(
    student_client, student, other_student, deck, endpoint, card, status
):
    """Zero, past the id column's range, not a number, missing or another student's: the student is told, over the
    card they do have (never a bare error page, never a 500), and nothing is written."""
    student_client.get(REVIEW_URL)
    if card == "other":
        card = str(factories.make_student_card(user=other_student, card=deck[1]).pk)
    before = list(StudentCard.objects.values())
    if endpoint == "rating":
        response = student_client.post(REVIEW_URL, {"card": card, "rating": "3", "token": "a" * 32, "reps": "0"})
    else:
        response = student_client.post(TYPED_URL, {"card": card, "respuesta": "Helsinki"})
    assertContains(response, UNKNOWN_CARD, status_code=status)
    assertContains(response, "_____ es la capital (0).", status_code=status)  # the card that is due
    assertNotContains(response, "¡Correcto!", status_code=status)
    assert Review.objects.count() == 0
    assert list(StudentCard.objects.values()) == before


def test_the_refusal_reads_in_english_too(student_client, deck):
    response = student_client.post(TYPED_URL, {"card": "0", "respuesta": "x"}, headers={"accept-language": "en"})
    assertContains(response, "That card does not exist or is not yours", status_code=400)


@pytest.mark.parametrize("rating", ["0", "5", "-1", "", "x", "3.5", "9" * 40, "Bien"])
def test_ratings_outside_one_to_four_are_a_400_with_a_message(student_client, student, deck, rating):
    student_client.get(REVIEW_URL)
    row = StudentCard.objects.get(user=student, card=deck[0])
    response = post(student_client, row, rating)
    assert response.status_code == 400
    assertContains(response, "Elija una valoración entre 1 y 4.", status_code=400)
    assert Review.objects.count() == 0


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"card": "abc", "rating": "3", "token": "a" * 32, "reps": "0"},
        {"card": "1" * 30, "rating": "3", "token": "a" * 32, "reps": "0"},
        {"card": "1", "rating": "3", "token": "a" * 500, "reps": "0"},
        {"card": "1", "rating": "3", "token": "short", "reps": "0"},
        {"card": "1", "rating": "3", "token": "a" * 32, "reps": "-4"},
        {"card": "1", "rating": "3", "token": "a" * 32, "reps": "0", "shown": "soon"},
    ],
)
def test_malformed_posts_never_500(student_client, deck, data):
    response = student_client.post(REVIEW_URL, data)
    assert response.status_code in (400, 404)
    assert Review.objects.count() == 0


def test_get_is_safe_with_junk_parameters(student_client, deck):
    for params in [
        {"mostrar": "x"},
        {"mostrar": "9" * 50},
        {"modo": "escribir", "mostrar": "1", "respuesta": "x" * 5000},
    ]:
        assert student_client.get(REVIEW_URL, params).status_code == 200


def test_typed_answer_mode_uses_the_quiz_normalisation(student_client, student, deck):
    student_client.get(REVIEW_URL)
    row = StudentCard.objects.get(user=student, card=deck[0])
    response = student_client.get(REVIEW_URL, {"modo": "escribir"})
    assertContains(response, 'name="respuesta"')
    response = check(student_client, row, "  HELSINKI. ")
    assertContains(response, "¡Correcto!")
    assertContains(response, "btn-rate-good btn-suggested")
    response = check(student_client, row, "Oslo")
    assertContains(response, "Escribió «Oslo».")
    assertContains(response, "btn-rate-again btn-suggested")
    response = post(student_client, row, 1, modo="escribir")
    assert response["Location"] == REVIEW_URL + "?modo=escribir"


@pytest.mark.parametrize("typed", ["", "   ", "\t \n"])
def test_an_empty_or_blank_typed_answer_reads_as_a_dash_and_suggests_again(student_client, student, deck, typed):
    student_client.get(REVIEW_URL)
    row = StudentCard.objects.get(user=student, card=deck[0])
    response = check(student_client, row, typed)
    assertContains(response, "Escribió «—».")
    assertContains(response, "btn-rate-again btn-suggested")


def test_the_typed_answer_is_posted_with_csrf_and_stays_out_of_the_url(client, student, deck):
    client.force_login(student)
    client.handler.enforce_csrf_checks = True
    page = client.get(TYPED_URL).content.decode()
    row = StudentCard.objects.get(user=student, card=deck[0])
    form = page[page.index('<form method="post" action="/tarjetas/?modo=escribir" class="typed-form">') :]
    form = form[: form.index("</form>")]
    assert 'name="csrfmiddlewaretoken"' in form and f'name="card" value="{row.pk}"' in form
    assert 'name="respuesta"' in form and "mostrar" not in form
    assert check(client, row, "Helsinki").status_code == 403  # no CSRF token: refused
    token = client.cookies["csrftoken"].value
    response = check(client, row, "Helsinki", headers={"x-csrftoken": token})
    assertContains(response, "¡Correcto!")
    assert "Helsinki" not in response.wsgi_request.get_full_path()


def test_a_check_posted_again_writes_nothing_and_shows_the_same_check(student_client, student, deck):
    student_client.get(TYPED_URL)
    row = StudentCard.objects.get(user=student, card=deck[0])
    before = StudentCard.objects.filter(pk=row.pk).values().get()
    for _post in range(2):  # a double click, a reload that posts again
        response = check(student_client, row, "Oslo")
        assertContains(response, "Escribió «Oslo».")
        assertContains(response, "btn-rate-again btn-suggested")
    assert Review.objects.count() == 0
    assert StudentCard.objects.filter(pk=row.pk).values().get() == before
    post(student_client, row, 1, token="e" * 32, modo="escribir")
    response = check(student_client, row, "Oslo")  # replayed after the rating: the next card, unrevealed
    assertContains(response, "_____ es la capital (1).")
    assertNotContains(response, "Escribió")
    assert Review.objects.count() == 1


def test_when_nothing_is_due_the_page_says_when_the_next_card_is(student_client, student):
    document = factories.make_document()
    card = factories.make_flashcard(document=document)
    factories.make_student_card(
        user=student, card=card, due=timezone.now() + timedelta(days=2), state=CardState.REVIEW,
        stability=3, difficulty=5, last_review=timezone.now() - timedelta(days=1), reps=2,
    )  # fmt: skip
    response = student_client.get(REVIEW_URL)
    assertContains(response, "La próxima tarjeta vence el")
    assertNotContains(response, "Mostrar respuesta")


def test_daily_new_card_limit_is_editable_and_respected(student_client, student, deck):
    response = student_client.post(SETTINGS_URL, {"daily_new_cards": "1"})
    assertRedirects(response, REVIEW_URL, fetch_redirect_response=False)
    student.refresh_from_db()
    assert student.daily_new_cards == 1
    student_client.get(REVIEW_URL)
    row = StudentCard.objects.get(user=student, card=deck[0])
    post(student_client, row, 4)  # Easy: graduates at once
    response = student_client.get(REVIEW_URL)
    assertContains(response, "Ya ha visto las tarjetas nuevas de hoy")


@pytest.mark.parametrize("value", ["", "-1", "1001", "abc", "9" * 30])
def test_bad_daily_limits_are_form_errors(student_client, student, value):
    response = student_client.post(SETTINGS_URL, {"daily_new_cards": value})
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    student.refresh_from_db()
    assert student.daily_new_cards == 20


@pytest.fixture
def madrid_clock(request, time_machine):
    """Set the clock to a fixed day at the given Madrid time (it keeps ticking)."""
    hour, minute = request.param
    time_machine.move_to(datetime(2026, 3, 10, hour, minute, tzinfo=ZoneInfo("Europe/Madrid")), tick=True)


@pytest.mark.parametrize(
    ("madrid_clock", "today", "tomorrow"),
    [((12, 0), 3, 0), ((23, 53), 0, 3)],  # at 23:53 a card due in 10 minutes is due tomorrow
    indirect=["madrid_clock"],
)
def test_statistics_page(madrid_clock, today, tomorrow, student_client, student, deck):
    student_client.get(REVIEW_URL)
    for i, card in enumerate(deck):
        post(student_client, StudentCard.objects.get(user=student, card=card), 3, token=f"{i}" * 20)
    response = student_client.get(STATS_URL)
    assertContains(response, "Retención real")
    assertContains(response, "<svg", count=2)
    assertContains(response, 'class="ww-bar"', count=2)  # today's bar and one retrievability bucket
    assertContains(response, "Helsinki")
    due = response.context["stats"].due
    assert (due.today, due.tomorrow, due.week) == (today, tomorrow, 3)


def test_home_panel_counts_due_and_new_cards(student_client, deck):
    response = student_client.get(reverse("quizzes:home"))
    assertContains(response, "Tarjetas de repaso")
    assertContains(response, "3 nuevas")
    assertContains(response, reverse("quizzes:cards_review"))


def test_teachers_do_not_get_the_panel(teacher_client, deck):
    assertNotContains(teacher_client.get(reverse("quizzes:home")), "Tarjetas de repaso")


# ---------------------------------------------------------------- query budgets


def _student_with_cards(n: int) -> tuple[User, StudentCard]:
    user = factories.make_student()
    document = factories.make_document()
    now = timezone.now()
    from quizzes.models import Flashcard

    cards = Flashcard.objects.bulk_create(
        [Flashcard(document=document, front=f"Pregunta {i} _____", back=f"R{i}") for i in range(n)], batch_size=2000
    )
    StudentCard.objects.bulk_create(
        [
            StudentCard(
                user=user, card=c, state=CardState.REVIEW, stability=4.0, difficulty=5.0, reps=3,
                due=now - timedelta(hours=1 + i % 500), last_review=now - timedelta(days=5),
            )
            for i, c in enumerate(cards)
        ],
        batch_size=2000,
    )  # fmt: skip
    return user, StudentCard.objects.filter(user=user).order_by("due").first()


@pytest.mark.parametrize("n", [10, 10_000])
def test_a_review_post_runs_the_same_queries_for_10_and_10000_cards(client, django_assert_num_queries, n):
    """The rating path must not grow with the deck: lock the row, check the token, save, log (pinned at 10).

    6 on PostgreSQL: no savepoint, and the card stored and the review logged in one statement that also checks the
    token (services.cards.card_review).
    """
    user, row = _student_with_cards(n)
    client.force_login(user)
    with django_assert_num_queries(6 if connection.vendor == "postgresql" else 10):
        response = post(client, row, 3, token=f"n{n}".ljust(20, "x"))
    assert response.status_code == 302
    assert Review.objects.filter(user=user).count() == 1


@pytest.mark.parametrize("n", [10, 10_000])
def test_the_review_page_runs_the_same_queries_for_10_and_10000_cards(client, django_assert_num_queries, n):
    """Counting due cards and picking the next one are single indexed queries whatever the deck size."""
    user, _row = _student_with_cards(n)
    client.force_login(user)
    with django_assert_num_queries(7):
        response = client.get(REVIEW_URL)
    assert response.status_code == 200
    assert response.context["counts"].due == n


@pytest.mark.parametrize("role", ["student", "other_student", "teacher", "superuser"])
@pytest.mark.parametrize("url", [REVIEW_URL, STATS_URL, SETTINGS_URL])
def test_every_signed_in_role_gets_its_own_pages(client, request, role, url, deck):
    """Cards are personal: anyone signed in studies their own; nobody sees another's (checked by id above)."""
    client.force_login(request.getfixturevalue(role))
    assert client.get(url).status_code == 200


def test_a_student_only_sees_their_own_statistics(client, student, other_student, deck):
    client.force_login(student)
    client.get(REVIEW_URL)
    post(client, StudentCard.objects.get(user=student, card=deck[0]), 3)
    client.force_login(other_student)
    response = client.get(STATS_URL)
    assert response.context["stats"].total_cards == 3  # their own three new cards
    assert response.context["retention"][-1][1].count == 0
    assert sum(b.reviews for b in response.context["stats"].per_day) == 0


def test_the_home_and_the_review_page_show_the_same_three_numbers(client, student):
    """Anki's new · learning · to review, counted once: a learning card due within the learn-ahead window counts as
    «en aprendizaje» on both pages (it used to make the home say «1 pendiente» and the review page «Pendientes: 0»
    while showing it)."""
    document = factories.make_document(is_published=True)
    facts = [factories.make_fact(sentence=factories.make_sentence(document=document, index=i)) for i in range(3)]
    now = timezone.now()
    ahead = factories.make_card(user=student, fact=facts[0], state=CardState.LEARNING, due=now + timedelta(minutes=5))
    factories.make_card(user=student, fact=facts[1], state=CardState.REVIEW, due=now - timedelta(hours=1))
    factories.make_card(user=student, fact=facts[2], state=CardState.REVIEW, due=now + timedelta(days=3))
    client.force_login(student)
    home = client.get(reverse("quizzes:home"))
    review = client.get(REVIEW_URL)
    for response in (home, review):
        assertContains(response, "0 nuevas")
        assertContains(response, "1 en aprendizaje")
        assertContains(response, "1 para repasar")
    panel, counts = home.context["home"].cards, review.context["counts"]
    assert (
        (panel.new, panel.learning, panel.review) == (counts.new_available, counts.learning, counts.review) == (0, 1, 1)
    )
    assert review.context["row"] is not None and review.context["row"].pk != ahead.pk  # the due review card first


def test_a_learning_card_shown_ahead_of_time_is_counted(client, student):
    document = factories.make_document(is_published=True)
    ahead = factories.make_card(
        user=student, document=document, state=CardState.LEARNING, due=timezone.now() + timedelta(minutes=5)
    )
    client.force_login(student)
    review = client.get(REVIEW_URL)
    assert review.context["row"].pk == ahead.pk
    assertContains(review, "1 en aprendizaje")
    assert review.context["counts"].remaining == 1
    assertContains(client.get(reverse("quizzes:home")), "1 en aprendizaje")


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize(("reviewed", "new", "learning", "review"), [(0, 0, 0, 0), (1, 1, 1, 1), (2, 3, 1234, 5)])
def test_the_review_pages_counts_are_what_the_templates_wrote(language, reviewed, new, learning, review):
    """cards.queue_counts_html writes what the page's {% blocktranslate %} and _queue_counts.html wrote."""
    from django.template import engines
    from django.utils import translation

    from quizzes.presentation.cards import queue_counts_html
    from quizzes.selectors.cards import QueueCounts

    counts = QueueCounts(
        due=0, learning_ahead=0, new_available=new, reviewed_today=reviewed, new_today=0, review=review,
        learning=learning,
    )  # fmt: skip
    template = engines["django"].from_string(
        "{% load i18n %}<span>{% blocktranslate count n=counts.reviewed_today %}{{ n }} repasada hoy{% plural %}"
        "{{ n }} repasadas hoy{% endblocktranslate %}</span>\n      "
        '{% include "quizzes/cards/_queue_counts.html" with new=counts.new_available learning=counts.learning '
        "review=counts.review %}"
    )
    with translation.override(language):
        assert queue_counts_html(counts) == template.render({"counts": counts})


def test_rating_forms_share_their_fields_and_keep_their_own_data_and_errors():
    """The rating form's fields are not copied per form (never rendered nor changed): each form's data is its own."""
    from django.http import QueryDict

    from quizzes.forms.cards import RatingForm

    good = RatingForm(QueryDict("card=31&rating=1&reps=5&token=perfabcdef12345&shown=17&modo=escrito"))
    bad = RatingForm(QueryDict("card=x&rating=9&reps=-1"))
    assert good.fields is bad.fields is RatingForm.base_fields
    assert not bad.is_valid() and good.is_valid()
    assert good.cleaned_data == {
        "card": 31,
        "rating": 1,
        "token": "perfabcdef12345",
        "reps": 5,
        "shown": 17,
        "modo": "escrito",
    }
    assert set(bad.errors) == {"card", "rating", "token", "reps"} and not good.errors


def test_the_review_pages_kept_body_is_the_template_for_every_state(student_client, student, deck, monkeypatch):
    """review.html keeps its body per card, state and counts (views.flashcards.CardReviewView._body_key): each state's
    page, in both languages, is the page rendered without keeping anything; the page's token and time are live."""
    import re

    from winterwar import fragments

    student_client.get(REVIEW_URL)
    row = StudentCard.objects.get(user=student, card=deck[0])
    states = [{}, {"mostrar": row.pk}, {"modo": "escribir"}]
    states += [{"modo": "escribir", "respuesta": typed} for typed in ("Helsinki", "<b>Oslo</b>")]
    pages = [(i, lang) for i in range(len(states)) for lang in ("es", "en")]

    def render_all(order):
        shown, live = {}, {}
        for i, lang in order:
            response = look(student_client, row, states[i], lang)
            html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
            live[i, lang] = re.findall(r'name="(?:token|shown)" value="([^"]+)"', html)
            shown[i, lang] = re.sub(r'name="(token|shown)" value="[^"]+"', "", html)
        return shown, live

    fragments._recent.clear()
    (kept, first_live), (kept_again, again_live) = render_all(pages), render_all(pages[::-1])
    assert len(fragments._recent) == len(pages)
    with monkeypatch.context() as patched:
        patched.setattr(fragments, "recent", lambda name, key: fragments.Recent(None, None))
        plain, _live = render_all(pages)
    assert kept == plain and kept_again == plain
    assert "&lt;b&gt;Oslo&lt;/b&gt;" in plain[4, "es"] and "Correct" in plain[3, "en"]
    revealed = [page for page in pages if {"mostrar", "respuesta"} & set(states[page[0]])]
    assert all(first_live[page][0] != again_live[page][0] for page in revealed)  # a new token on every look


def test_the_review_pages_kept_body_gives_way_to_a_rating_and_a_teachers_edit(student_client, student, deck):
    from winterwar import fragments

    fragments._recent.clear()
    student_client.get(REVIEW_URL)
    row = StudentCard.objects.get(user=student, card=deck[0])
    student_client.get(REVIEW_URL, {"mostrar": row.pk})
    assert "(0)" in student_client.get(REVIEW_URL, {"mostrar": row.pk}).content.decode()
    deck[0].back = "Helsingfors"
    deck[0].save()
    assertContains(student_client.get(REVIEW_URL, {"mostrar": row.pk}), "Helsingfors")
    assert post(student_client, row, rating=3, token="b" * 32).status_code == 302
    after = student_client.get(REVIEW_URL).content.decode()
    assert "(1)." in after and "(0)." not in after  # the next card


def look(client, row, state: dict, lang: str):
    """The review page in ``state``: its query string, and a typed answer («respuesta») posted to be checked."""
    query = {k: v for k, v in state.items() if k != "respuesta"}
    if "respuesta" not in state:
        return client.get(REVIEW_URL, query, headers={"accept-language": lang})
    url = f"{REVIEW_URL}?{urlencode(query)}"
    return client.post(url, {"card": row.pk, "respuesta": state["respuesta"]}, headers={"accept-language": lang})


def _masked(html: str) -> str:
    import re

    return re.sub(r'name="(csrfmiddlewaretoken|token|shown)" value="[^"]+"', "", html)


def test_the_review_page_kept_whole_is_the_templates_page(student_client, student, deck, monkeypatch):
    """On a third look at the same card and state the whole page comes from winterwar.pages, no template rendered:
    the page the templates render (CSRF token, the page's token and time aside), in every state and both languages,
    with a query string to escape in the language form's ``next``; its CSRF token is valid for the session, its token
    and time are this request's."""
    import re

    from django.middleware.csrf import _unmask_cipher_token

    from winterwar import fragments, pages

    student_client.get(REVIEW_URL)
    row = StudentCard.objects.get(user=student, card=deck[0])
    states = [{}, {"mostrar": row.pk}, {"modo": "escribir"}]
    states += [{"modo": "escribir", "respuesta": typed} for typed in ("Helsinki", "<b>Oslo</b>")]
    views = [(i, lang) for i in range(len(states)) for lang in ("es", "en")]
    fragments._recent.clear()
    pages._kept.clear()
    whole, tokens = {}, []
    for i, lang in views:
        query = {**states[i], "x": '<b>"&amp;'}
        for _look in range(2):
            assert look(student_client, row, query, lang).context is not None
        third = look(student_client, row, query, lang)
        html = third.content.decode()
        assert third.context is None and "csrftoken" in third.cookies  # no template; the cookie renewed
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        assert _unmask_cipher_token(csrf) == student_client.cookies["csrftoken"].value
        if "mostrar" in states[i] or "respuesta" in states[i]:
            token, shown = re.search(r'name="token" value="([0-9a-f]{32})">\s*<input type="hidden" name="shown" '
                                     r'value="(\d+)">', html).groups()  # fmt: skip
            assert abs(int(shown) - timezone.now().timestamp() * 1000) < 60_000
            tokens.append(token)
        whole[i, lang] = _masked(html)
    assert len(pages._kept) == len(views)
    assert len(set(tokens)) == len(tokens)  # a new token on every page
    with monkeypatch.context() as patched:
        patched.setattr(fragments.FragmentNode, "render", lambda self, context: self.nodelist.render(context))
        patched.setattr(fragments, "recent", lambda name, key: fragments.Recent(None, None))
        for i, lang in views:
            query = {**states[i], "x": '<b>"&amp;'}
            plain = look(student_client, row, query, lang)
            assert plain.context is not None
            assert whole[i, lang] == _masked(plain.content.decode())
    assert "x=%3Cb%3E%22%26amp%3B" in whole[0, "es"] and "&lt;b&gt;Oslo&lt;/b&gt;" in whole[4, "es"]


def test_the_review_page_kept_whole_gives_way(student_client, student, deck):
    """A rating, a teacher's edit, a renamed user, a message to show and a staff flag each give the page they
    should: the kept page is never shown for another card, state or menu."""
    from winterwar import fragments, pages

    fragments._recent.clear()
    pages._kept.clear()
    student_client.get(REVIEW_URL)
    row = StudentCard.objects.get(user=student, card=deck[0])
    for _look in range(2):
        student_client.get(REVIEW_URL, {"mostrar": row.pk})
    kept = student_client.get(REVIEW_URL, {"mostrar": row.pk})
    assert kept.context is None and "(0)" in kept.content.decode()
    student.first_name = "Evita <b>"
    student.save()
    renamed = student_client.get(REVIEW_URL, {"mostrar": row.pk})
    assert renamed.context is None and "Evita &lt;b&gt;</a>" in renamed.content.decode()
    deck[0].back = "Helsingfors"
    deck[0].save()
    assertContains(student_client.get(REVIEW_URL, {"mostrar": row.pk}), "Helsingfors")
    assert post(student_client, row, rating=3, token="b" * 32).status_code == 302
    after = student_client.get(REVIEW_URL).content.decode()
    assert "(1)." in after and "(0)." not in after  # the next card
    assert post(student_client, row, rating=3, token="b" * 32).status_code == 302  # the same post: a message waits
    with_message = student_client.get(REVIEW_URL)
    assert with_message.context is not None and 'role="alert"' in with_message.content.decode()
    student_client.get(REVIEW_URL)
    assert student_client.get(REVIEW_URL).context is None  # the message shown: the kept page again
    student.is_staff = True
    student.save()
    staff = student_client.get(REVIEW_URL)
    assert staff.context is not None and reverse("admin:index") in staff.content.decode()
