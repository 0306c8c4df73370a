"""A null subject is given the subject said before only when nothing else may be meant (round 6).

A wrong subject makes a wrong fact: «¿En qué año obtuvo <the person said last> la cátedra…?» asked of what the
text's person did. These sentences were written for the test.
"""

from tests.generation.support import discourse


def test_a_cleft_names_its_own_subject_so_the_subject_before_it_does_not_run_on():
    disc = discourse(
        "El Tormenta, un vapor que pasaba cerca, no se detuvo.",
        "Fue el Alba, de la naviera Ribera, al mando del capitán Luis Roca, el que llegó al lugar hacia las cuatro de"
        " la madrugada, tras navegar durante tres horas.",
        "Recogió a unos 300 náufragos y los llevó a Vigo.",
    )
    # The parse finds the cleft's subject or none; either way the vapor that did not stop is not the subject.
    assert disc.previous_subject(2) in {"", "El Alba"}
    disc.use_parser, disc._subjects = False, {}  # the lexical rules alone see no subject in «Fue el Alba … el que»
    assert disc.subject(1) == ""
    assert disc.previous_subject(2) == ""


def test_without_a_cleft_a_verb_initial_sentence_keeps_the_subject_running():
    disc = discourse(
        "El Alba, un vapor de la naviera Ribera, acudió al aviso a medianoche.",
        "Navegó a toda máquina durante tres horas.",
        "Recogió a unos 300 náufragos y los llevó a Vigo.",
    )
    assert disc.previous_subject(2) == "El Alba"


def test_in_a_text_about_a_person_another_persons_subject_is_not_carried_over():
    disc = discourse(
        "Galileo Galilei (Pisa, 15 de febrero de 1564-Arcetri, 8 de enero de 1642) fue un astrónomo italiano.",
        "Viviani contó que dejó caer objetos desde la torre inclinada de la ciudad.",
        "En 1589 obtuvo la cátedra de matemáticas de Pisa.",
        title="Galileo Galilei",
    )
    assert disc.protagonist() == "Galileo Galilei"  # no list of first names has «Galileo»: the parse says PER
    assert disc.previous_subject(2) == ""


def test_in_a_text_about_a_person_the_persons_own_subject_is_carried_over():
    disc = discourse(
        "Galileo Galilei (Pisa, 15 de febrero de 1564-Arcetri, 8 de enero de 1642) fue un astrónomo italiano.",
        "Galileo estudió medicina en la Universidad de Pisa.",
        "En 1589 obtuvo la cátedra de matemáticas de Pisa.",
        title="Galileo Galilei",
    )
    assert disc.previous_subject(2) == "Galileo"


def test_a_text_about_a_thing_carries_the_named_subject_as_before():
    disc = discourse(
        "La batalla de Riberas fue un combate naval librado en 1702.",
        "Carlos Ruiz mandaba la flota del rey.",
        "En 1703 obtuvo el mando de la armada.",
        title="Batalla de Riberas",
    )
    assert disc.protagonist() == ""
    assert disc.previous_subject(2) == "Carlos Ruiz"
