"""The document reader: the highlighted sentence comes from ?s=, and a sentence that is not there is a 404."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def test_the_sentence_in_the_link_is_highlighted_and_anything_else_is_404(student_client):
    document = factories.make_document()
    factories.make_sentence(document=document, index=3, text="Finlandia resistió.")
    url = reverse("quizzes:document_read", args=[document.pk])
    response = student_client.get(url, {"s": "3"})
    assert response.status_code == 200 and response.context["highlight"] == 3
    assert 'id="s3" class="sentence sentence-highlight"' in response.content.decode()
    assert student_client.get(url).context["highlight"] is None
    for raw in ("4", "abc", "-1", "9" * 30):
        assert student_client.get(url, {"s": raw}).status_code == 404, raw
