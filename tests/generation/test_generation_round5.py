"""Round 5 (gen5): wrong options the stem rules out, options that ask the month, list examples, and items whose
wrong option is another published item's answer.

Every sentence here is written for the test, on topics in neither corpus set; the rules are general.
"""

from quizzes.generation import generate_bank


def _choices(bank, answer):
    return [q for q in bank.questions if q.kind == "single_choice" and q.correct[-1].endswith(answer)]


def test_a_wrong_year_stays_on_the_answers_side_of_the_stems_other_years():
    bank = generate_bank(
        "El puente colgante de Lisboa se empezó en 1962 y se inauguró en 1966. "
        "La catedral de Colonia se consagró en 1880, completada en 1881 por la torre sur del arquitecto Zwirner. "
        "La línea de tranvía de Oporto se electrificó en 1895. El museo de la ciudad abrió en 1890."
    )
    # «consagró en 1880, completada en _____»: 1878 would be wrong by the stem alone, and so on the other side.
    for answer, later in (("1881", True), ("1880", False)):
        items = _choices(bank, answer)
        assert items, answer
        for q in items:
            other = 1880 if later else 1881
            assert all((int(d) > other) == later for d in q.distractors), (answer, q.distractors)


def test_a_month_of_a_year_gets_at_most_one_option_of_that_year():
    bank = generate_bank(
        "En marzo de 1821 los griegos se alzaron contra el Imperio otomano en el Peloponeso. "
        "En enero de 1822 la asamblea de Epidauro proclamó la independencia de Grecia. "
        "En octubre de 1827 la flota aliada destruyó la escuadra turco-egipcia en Navarino. "
        "En julio de 1822 el ejército otomano invadió la Grecia central. "
        "En abril de 1826 cayó la ciudad de Missolonghi tras un largo asedio. "
        "En septiembre de 1829 el Tratado de Adrianópolis puso fin a la guerra ruso-turca."
    )
    items = _choices(bank, "enero de 1822")
    assert items
    for q in items:
        assert sum(d.endswith("1822") for d in q.distractors) <= 1, q.distractors


def test_an_example_of_an_open_list_is_never_asked():
    from quizzes.generation.ranking import list_example

    bank = generate_bank(
        "Los puertos nórdicos, como Bergen, crecieron con el comercio del bacalao. "
        "La Liga Hanseática abrió una oficina en Bergen en 1360. "
        "Los comerciantes alemanes dominaron el puerto durante casi dos siglos."
    )
    asked = [q for q in bank.questions if q.status == "published" and "como _____" in q.prompt]
    assert not asked, [q.prompt for q in asked]
    examples = [f for f in bank.facts if f.answer == "Bergen" and list_example(f)]
    assert examples
    # A name after a participle («conocido como») or «así como» is no example of a list.
    for text in (
        "El puerto de Bergen, conocido como Bjørgvin en la Edad Media, exportaba bacalao.",
        "La Liga abrió oficinas en Londres, así como Brujas y Nóvgorod.",
    ):
        assert not any(list_example(f) for f in generate_bank(text).facts), text


def _choice_item(key, prompt, answer, options, spare):
    from quizzes.generation.model import Question

    return Question(key, "single_choice", prompt, [key], [answer], options, "", [0], spare=spare)


def test_two_items_never_offer_each_others_answer():
    from quizzes.generation.ranking import _free_answers

    dam = _choice_item(
        "a", "La presa de Asuán se inauguró el _____.", "15 de enero de 1971",
        ["15 de enero de 1970", "21 de julio de 1969", "3 de marzo de 1972"], ["15 de enero de 1973"],
    )  # fmt: skip
    moon = _choice_item(
        "b", "El primer hombre pisó la Luna el _____.", "21 de julio de 1969",
        ["21 de julio de 1968", "15 de enero de 1971", "21 de julio de 1970"], ["21 de marzo de 1969"],
    )  # fmt: skip
    # The better item (first by score) keeps its options; the other takes a spare one.
    _free_answers([dam, moon], {"a", "b"}, score=lambda q: q.key)
    assert dam.distractors == ["15 de enero de 1970", "21 de julio de 1969", "3 de marzo de 1972"]
    assert "15 de enero de 1971" not in moon.distractors and "21 de marzo de 1969" in moon.distractors
    # One item offering another's answer alone is the text's own date of another event: it stays.
    lone = _choice_item("c", "El canal se abrió el _____.", "9 de mayo de 1975", ["15 de enero de 1971"], ["1"])
    _free_answers([dam, lone], {"a", "c"}, score=lambda q: q.key)
    assert lone.distractors == ["15 de enero de 1971"]


def test_a_range_in_one_prompt_gives_away_the_year_of_its_ends():
    from quizzes.generation.model import Question
    from quizzes.generation.ranking import _same_dates

    def item(key, kind, prompt, answer):
        return Question(key, kind, prompt, [key], [answer], [], "", [0])

    war = item("a", "short_answer", "La guerra de los Ochenta Años, librada entre 1568 y 1648, enfrentó a _____ con "
               "la monarquía hispánica.", "las Provincias Unidas")  # fmt: skip
    end = item("b", "numeric", "La Paz de Münster puso fin a la guerra en _____.", "1648")
    other = item("c", "numeric", "En _____ los Estados Generales depusieron al rey.", "1581")
    statement = item("d", "true_false", "Verdadero o falso: la tregua duró de 1609 a 1581.", "Falso")
    together = _same_dates([war, end, other, statement])
    assert "b" in together.get("a", set()) and "a" in together.get("b", set())
    assert "c" not in together.get("a", set())
    # A false statement's range may be the wrong one: it gives nothing away.
    assert "c" not in together.get("d", set())


def test_a_year_of_a_period_gets_no_option_next_to_it():
    bank = generate_bank(
        "Durante la hambruna de 1846, miles de irlandeses emigraron a Boston y Nueva York. "
        "En 1845 un hongo destruyó la cosecha de patata de Irlanda. "
        "En 1849 el gobierno británico suprimió las cocinas públicas. "
        "En 1847 el Parlamento aprobó una ley de socorro. En 1851 el censo contó dos millones de habitantes menos."
    )
    items = _choices(bank, "1846")
    assert items
    for q in items:
        assert all(abs(int(d) - 1846) >= 2 for d in q.distractors), q.distractors


def test_the_date_of_a_participle_aside_beside_the_main_date_is_minor():
    from quizzes.generation.ranking import minor_date

    bank = generate_bank(
        "Rodas, asediada desde junio de 1522, se rindió el 21 de diciembre de 1522 a las tropas de Solimán. "
        "La orden de San Juan, fundada hacia 1099 en Jerusalén, se instaló en Malta en 1530."
    )
    facts = {f.answer: f for f in bank.facts if f.kind == "date"}
    assert minor_date(facts["junio de 1522"]) == "aside"
    assert not minor_date(facts["21 de diciembre de 1522"])
