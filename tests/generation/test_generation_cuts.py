"""Grammar after a cut: the stem is re-read once a clause, a duration or a list member is taken out.

Texts invented for these tests (not from the seed or the corpus).
"""

from quizzes.generation import generate_bank
from quizzes.generation.model import Fact
from quizzes.generation.questions import _number_mismatch, tidy
from quizzes.generation.text import clause_spans


def clauses(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in clause_spans(text)]


def test_a_list_is_not_cut_before_its_last_member():
    s = "Los últimos en llegar, en 1820, fueron el cobre, el estaño, el plomo y el cinc, que cerraron la serie."
    assert len(clauses(s)) == 1


def test_a_coordinated_subject_is_not_a_clause_boundary():
    assert len(clauses("En ella, el agua y el carbono se combinan para formar azúcares.")) == 1
    assert len(clauses("Castilla, Aragón y el emperador firmaron en 1701 una alianza.")) == 1


def test_two_verbs_sharing_an_object_stay_together():
    assert len(clauses("En 1532 los capitanes de la reina derrotaron y capturaron a Gonzalo.")) == 1


def test_a_new_subject_with_its_verb_is_still_a_boundary():
    assert clauses("La ciudad resistió y la reputación del general sufrió mucho.") == [
        "La ciudad resistió",
        "y la reputación del general sufrió mucho.",
    ]


def test_a_value_with_its_article_after_de_or_a_is_contracted():
    assert tidy("el atraso de el Reino Unido frente a el Imperio ruso") == (
        "El atraso del Reino Unido frente al Imperio ruso."
    )
    assert tidy("la embajada de El Salvador") == "La embajada de El Salvador."  # part of the name


def _place(answer: str, article: str = "el") -> Fact:
    return Fact("k", "place", "natural", 0, "s", answer, 0, len(answer), 0, len(answer), article=article)


def test_a_plural_se_verb_left_with_one_subject_is_caught():
    fact = _place("lago Titicaca")
    assert _number_mismatch("En la meseta se encuentran _____, a 3812 m de altura.", fact)
    assert _number_mismatch("En la meseta se encuentran el lago Titicaca, a 3812 m de altura.", fact)
    assert not _number_mismatch("En la meseta se encuentran _____ y el salar de Uyuni.", fact)
    assert not _number_mismatch("En la meseta se encuentran _____.", _place("Andes", "los"))


def test_no_comma_is_left_after_the_verb_when_a_duration_is_cut():
    text = "El sitio de Tarifa se prolongó casi un año, de octubre de 1811 a septiembre de 1812. " * 1
    bank = generate_bank("El sitio de Tarifa\n\n" + text + "La plaza resistió hasta el final.")
    prompts = [q.prompt for q in bank.questions if "se prolongó" in q.prompt and "1812" in q.prompt]
    assert prompts
    assert not any("prolongó," in p for p in prompts)


def test_a_country_whose_article_is_optional_is_offered_without_it_after_de():
    text = (
        "El río Marañón nace en la cordillera de los Andes, en el sur del Perú. "
        "Atraviesa Colombia, Venezuela y la Argentina antes de llegar al mar. "
        "Chile, Bolivia, el Ecuador y el Brasil comparten su cuenca. "
        "Colombia y Venezuela lo exploraron en 1900."
    )
    for q in generate_bank(text).questions:
        if q.kind == "single_choice" and "de _____" in q.prompt:
            assert not any(o.startswith("el Perú") for o in q.correct + q.distractors), q


def test_a_series_cut_before_its_last_member_is_caught():
    from quizzes.generation.questions import _list_cut_short

    assert _list_cut_short(
        "Los últimos en llegar, en _____, fueron el cobre, el estaño, el plomo.",
        "Los últimos en llegar, en 1820, fueron el cobre, el estaño, el plomo y el cinc, que cerraron la serie.",
    )
    assert _list_cut_short(
        "En 1536, _____ se rebeló, reunió un gran ejército.",
        "En 1536, Manco Inca se rebeló, reunió un gran ejército y sitió Cuzco durante un año.",
    )
    # A clause cut before «y» and a new subject, or before a second verb of a clause: nothing is missing.
    assert not _list_cut_short(
        "La ciudad, fundada en 1500, resistió.", "La ciudad, fundada en 1500, resistió y la reputación sufrió."
    )
    assert not _list_cut_short(
        "En enero de 1855, el Reino, gobernado por Benso, conde de _____, se unió a los aliados.",
        "En enero de 1855, el Reino, gobernado por Benso, conde de Cavour, se unió a los aliados y envió soldados.",
    )


def test_a_restatement_keeps_the_subject_that_follows_a_fronted_phrase():
    from quizzes.generation.questions import paraphrase

    s = "En honor de Lavoisier, el elemento 120, obtenido en 2030 en Berkeley, recibió el nombre de lavoisio."
    assert "el elemento 120" in paraphrase(s, "Lavoisier")
    assert paraphrase("La guerra terminó con Finlandia, la más pequeña, en 1940.", "1940") == (
        "En 1940, la guerra terminó con Finlandia."
    )


def test_a_series_of_verbs_cut_before_its_last_member_gets_its_y_back():
    from quizzes.generation.questions import _join_cut_series

    sentence = (
        "En el año 55 el general hizo construir un puente sobre el río, lo cruzó con sus legiones y regresó pronto."
    )
    stem = "En el año _____ el general hizo construir un puente sobre el río, lo cruzó con sus legiones."
    assert _join_cut_series(stem, sentence) == (
        "En el año _____ el general hizo construir un puente sobre el río y lo cruzó con sus legiones."
    )
    # An apposition is no member of a series of verbs.
    assert _join_cut_series(
        "_____ llegó a Lima, la capital.", "Pizarro llegó a Lima, la capital, y fundó una ciudad."
    ) == ("_____ llegó a Lima, la capital.")


def test_a_list_announced_by_a_colon_and_cut_to_one_member_is_held():
    from quizzes.generation.questions import _colon_list_cut

    sentence = "En 1898 anunciaron dos nuevos elementos: el polonio, llamado así por Polonia, y el radio."
    assert _colon_list_cut("En _____ anunciaron dos nuevos elementos: el polonio, llamado así por Polonia.", sentence)
    assert not _colon_list_cut(
        "En 1898 anunciaron dos nuevos elementos: el polonio, llamado así por Polonia, y el _____.", sentence
    )


def test_an_ordering_label_left_with_the_words_of_its_removed_dates_is_not_used():
    from quizzes.generation.questions import _LABEL_HOLE

    assert _LABEL_HOLE.search("Del al, la Unión Soviética cortó los accesos a la ciudad.")
    assert not _LABEL_HOLE.search("La Unión Soviética cortó los accesos del sector al oeste de la ciudad.")
