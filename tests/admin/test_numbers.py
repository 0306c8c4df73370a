"""Numbers in the admin: a DecimalField's input holds «50», not «50.00» (the browser shows it in its locale)."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from quizzes.admin.base import DecimalNumberInput
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("50.00"), "50"),
        (Decimal("62.50"), "62.5"),
        (Decimal("0.25"), "0.25"),
        (Decimal("100"), "100"),
        ("7.50", "7.50"),
        (None, None),
    ],
)
def test_decimal_input_drops_trailing_zeros(value, shown):
    assert DecimalNumberInput().format_value(value) == shown


def test_quiz_page_has_no_trailing_zeros(client, superuser):
    client.force_login(superuser)
    quiz = factories.make_quiz(n_questions=2)
    page = client.get(reverse("admin:quizzes_quiz_change", args=[quiz.pk])).content.decode()
    assert 'name="pass_mark" value="50"' in page
    assert 'name="items-0-points" value="1"' in page
    assert not re.search(r'value="\d+\.\d*0"', page)
