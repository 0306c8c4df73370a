"""/favicon.ico: browsers ask for it on pages that link no icon (the admin's); it must not be a 404."""

from django.templatetags.static import static


def test_favicon_redirects_to_the_apps_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == static("quizzes/favicon.svg")
    assert client.get(response["Location"]).status_code == 200


def test_favicon_refuses_a_post(client, db):
    assert client.post("/favicon.ico").status_code in (301, 405)
