"""winterwar.pages: a whole page kept with slots for its per-request values, filled by string joins."""

from winterwar import pages

HTML = (
    '<form><input type="hidden" name="csrfmiddlewaretoken" value="abc"><input type="hidden" name="next" '
    'value="/p?x=1"></form><a data-bs-toggle="dropdown" aria-expanded="false">Eva</a>'
    '<form><input type="hidden" name="csrfmiddlewaretoken" value="abc"><input type="hidden" name="token" value="7.2">'
)
VALUES = {"csrf": "abc", "token": "7.2", "name": "Eva", "next": "/p?x=1"}


def test_a_page_is_split_at_its_values_and_filled_with_others():
    kept = pages.split(HTML, VALUES)
    assert kept is not None and kept[1] == ("csrf", "next", "name", "csrf", "token")
    assert pages.fill(kept, VALUES) == HTML
    other = {"csrf": "zz9", "token": "7.3", "name": "Ana &amp; co", "next": "/q"}
    assert pages.fill(kept, other) == (
        HTML.replace('value="abc"', 'value="zz9"').replace("7.2", "7.3").replace(">Eva<", ">Ana &amp; co<")
    ).replace("/p?x=1", "/q")


def test_a_page_whose_values_are_not_where_expected_is_not_kept():
    assert pages.split(HTML.replace(">Eva<", ">Ana<"), VALUES) is None  # a value missing
    twice = HTML + '<input type="hidden" name="token" value="7.2">'
    assert pages.split(twice, VALUES) is None  # a value said once appears twice
    assert pages.split(HTML, {**VALUES, "name": "x"}) is None
    # The value alone elsewhere in the page (the name in a question's text) is not a slot: only with its markup.
    kept = pages.split(HTML + "<p>Eva</p>", VALUES)
    assert pages.fill(kept, {**VALUES, "name": "Ana"}).endswith("<p>Eva</p>")


def test_kept_pages_are_the_last_used():
    pages._kept.clear()
    for n in range(pages.MAX_PAGES + 1):
        assert pages.keep(("k", n), HTML, VALUES)
    assert pages.get(("k", 0)) is None and pages.get(("k", 1)) is not None
    assert pages.keep(("k", "new"), HTML, VALUES)
    assert pages.get(("k", 1)) is not None and pages.get(("k", 2)) is None  # 1 was used last: 2 was the oldest
    assert pages.get(None) is None and not pages.keep(("k", "bad"), "<p></p>", VALUES)
    pages._kept.clear()
