"""The generator's quality checks of a question, told as sentences a teacher understands.

``Question.checks`` keeps what the generator recorded (``{"passed": [...], "failed": [...], ...}`` with the ids of
``generation/quality.py``); the admin shows what to look at in a draft, never those ids or the JSON.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# A check that failed: what the teacher should look at.
FAILED = {
    "no_answer_in_prompt": _("La respuesta aparece en el propio enunciado."),
    "no_alias_in_prompt": _("El enunciado nombra la respuesta de otra manera (otro nombre o una sigla)."),
    "no_related_in_prompt": _("El enunciado contiene una palabra muy ligada a la respuesta, que da una pista."),
    "no_conversion_in_prompt": _("El enunciado incluye la misma cantidad en otras unidades, que delata la respuesta."),
    "no_computable_date": _("La respuesta se puede calcular con otras fechas o duraciones del enunciado."),
    "stem_length": _("El enunciado es largo: conviene acortarlo."),
    "has_blank": _("El enunciado no tiene hueco (_____) ni es una pregunta."),
    "enough_distractors": _("Faltan opciones incorrectas: añada alguna."),
    "distractors_distinct": _("Hay opciones repetidas, o una incorrecta coincide con la correcta."),
    "distractors_not_aliases": _("Una opción incorrecta es otro nombre de la respuesta correcta."),
    "distractors_reviewed": _(
        "Las opciones incorrectas son lugares o nombres que el generador no pudo clasificar: compruebe que ninguna "
        "es también correcta."
    ),
    "date_certain": _("El texto da esta fecha como aproximada o dudosa."),
    "swap_reviewed": _("La afirmación falsa se hizo cambiando un nombre por otro: compruebe que de verdad es falsa."),
    "well_formed": _(
        "El enunciado parece mal escrito (mayúscula inicial, signos de interrogación, espacios dobles o «de el»)."
    ),
    "stands_alone": _(
        "El enunciado no se entiende solo o quedó mal al recortar la oración: un pronombre, un conector o un "
        "nombre («la asamblea», «el cerco») sin su referente, un verbo sin sujeto, una enumeración cortada o un "
        "verbo en plural con un solo sujeto."
    ),
    "tf_paraphrased": _("La afirmación copia la oración del texto palabra por palabra."),
    "not_guessable_from_title": _("La respuesta se adivina por el título del documento."),
    "typable_answer": _("La respuesta es larga para escribirla: quizá funcione mejor como pregunta de opciones."),
    "no_outside_reference": _(
        "El enunciado remite a algo que no dice (un demostrativo, un pronombre, «al año siguiente», un posesivo "
        "sin dueño) o es un trozo de oración sin verbo principal."
    ),
    "no_answer_root_in_prompt": _("Una palabra del enunciado deriva de la respuesta y la delata."),
    "not_list_member": _("Pregunta por un elemento de una enumeración: sus compañeros dan pistas y rara vez importa."),
    "tf_plausible": _("La afirmación falsa lo es de forma evidente (un intervalo de años al revés)."),
    "tf_count_not_listed": _(
        "La afirmación cuenta cosas que la frase enumera tras dos puntos: la lista la delata o, sin ella, no dice nada."
    ),
    "tf_false_range": _(
        "La afirmación «falsa» solo ensancha el intervalo de años del texto: lo que dice sigue siendo cierto."
    ),
    "tf_false_not_contradicted": _(
        "La afirmación falsa cambia el año de una fecha pero deja el verdadero en otra parte de la frase."
    ),
    "specific_relation": _(
        "La respuesta es demasiado vaga (un nombre común suelto) o la pregunta no dice de qué habla."
    ),
    "distractors_same_type": _(
        "Una opción incorrecta no es de la misma clase que la respuesta (un lugar por una persona)."
    ),
    "not_one": _("La cantidad es uno: el singular del enunciado la delata."),
    "not_small_count": _(
        "La cantidad es un recuento pequeño (diez o menos): se adivina o la frase la delata, y rara vez merece la pena."
    ),
    "not_anniversary": _(
        "El año es el de un aniversario o un centenario: se calcula con otra fecha y es un acto secundario."
    ),
    "blank_outside_brackets": _("El hueco está dentro de un paréntesis, un inciso que no es lo que importa."),
    "answer_not_function_word": _("La respuesta es un artículo o una preposición suelta: el dato se leyó mal."),
    "blank_not_in_name": _("El hueco se lleva solo una parte de un nombre más largo del enunciado."),
    "not_range_end": _(
        "El hueco es un extremo de un intervalo y el otro extremo está al lado: se adivina (pregunte el intervalo "
        "entero)."
    ),
    "tf_rephrased": _(
        "La afirmación verdadera repite palabra por palabra un trozo de la oración del texto: conviene reformularla."
    ),
    "number_not_repeated": _("El mismo número aparece en otra parte del enunciado y delata la respuesta."),
    "whole_figure": _(
        "El hueco es solo la unidad menor de una cifra («8 minutos y _____ segundos»): pregunte la cifra entera."
    ),
    "count_not_listed": _("Tras el hueco el enunciado enumera lo que se cuenta: basta contarlo para acertar."),
    "one_sentence": _("El enunciado junta dos oraciones del texto: la segunda queda pegada a la primera."),
    "question_one_clause": _(
        "La pregunta acaba en el verbo de otra oración, que tiene su propio sujeto: no se entiende qué se pregunta."
    ),
    "full_name_answer": _("La respuesta es solo un nombre de pila: conviene el nombre completo de la persona."),
    "not_broad_answer": _(
        "La respuesta es un continente o el país o la región principal del texto: se adivina sin haberlo leído."
    ),
    "tf_not_evaluative": _(
        "La afirmación verdadera valora en lugar de informar (un superlativo, «símbolo», «célebre»): se adivina "
        "verdadera."
    ),
    "tf_not_title_definition": _(
        "La afirmación verdadera repite la definición del título del texto: no exige saber nada."
    ),
    "tf_anchored": _("La afirmación verdadera no da ninguna fecha ni cifra: se adivina verdadera o es discutible."),
    "whole_pair": _(
        "El enunciado corta un «entre A y B» y deja solo el primero: la pareja que pide el verbo queda incompleta "
        "(pregunte la pareja entera)."
    ),
    "no_foreign_aside": _(
        "El enunciado o la respuesta muestra un nombre en otra lengua o en otro alfabeto (un paréntesis «en "
        "japonés: …»): quítelo."
    ),
    "whole_stem": _(
        "El enunciado quedó roto al recortarlo o completarlo: una palabra repetida, un verbo con mayúscula en medio "
        "o una oración cortada antes de su verbo."
    ),
    "not_ordering": _(
        "Las preguntas de ordenar hechos no se publican solas: el orden suele deducirse por lógica o por otras "
        "preguntas. Revísela antes de publicarla."
    ),
    "not_rough_figure": _(
        "La cifra es aproximada («unos», «casi», «más de») y no está entre los datos principales del texto: suele "
        "ser un detalle."
    ),
    "not_list_answer": _(
        "La respuesta es una lista de nombres que el alumno tendría que escribir entera: mejor como pregunta de "
        "opciones."
    ),
    "not_span_year": _(
        "El año en blanco es un extremo de un periodo de menos de un año cuyo otro extremo da el enunciado: los meses "
        "lo delatan."
    ),
    "distractors_not_in_prompt": _(
        "El enunciado ya nombra una de las opciones incorrectas (o el apellido de una persona ofrecida): se descarta "
        "al leerlo. Cambie las opciones."
    ),
    "not_lone_sex_option": _(
        "La respuesta correcta es la única mujer entre hombres (o el único hombre entre mujeres): el enunciado la "
        "delata. Cambie las opciones."
    ),
    "not_year_beside_date": _(
        "El año en blanco sigue a un mes y el enunciado fecha otro hecho de la oración con su mes y un año muy "
        "cercano: los meses lo delatan."
    ),
    "options_alike": _(
        "La respuesta correcta es la única opción con artículo (o la única sin él): su forma la delata. Iguale las "
        "opciones."
    ),
    "not_century_of_praise": _(
        "El hueco es el siglo de una valoración («una de las más célebres del siglo XX»): se deduce de las fechas y no "
        "enseña nada."
    ),
    "anchored_question": _("La pregunta es corta y no dice de quién, cuándo ni dónde: depende de la oración anterior."),
    "not_subjectless": _(
        "El verbo principal del enunciado no tiene sujeto: quién o qué lo hace se dice en otra oración. Escriba el "
        "sujeto y publíquela."
    ),
    "not_dangling_pronoun": _(
        "Un pronombre del enunciado («lo», «la», «le», «él») no tiene antes ningún nombre al que referirse: remite a "
        "otra oración. Escriba a quién o a qué se refiere y publíquela."
    ),
    "not_elided_noun": _(
        "Falta el sustantivo («la más reciente»: ¿de qué?); se dice en otra oración. Escríbalo y publíquela."
    ),
    "not_relative_span": _(
        "El hueco cuenta un plazo desde una fecha que da otra oración («los _____ años siguientes»): diga desde "
        "cuándo y publíquela."
    ),
    "not_bare_clause": _(
        "Tras la fecha solo quedan un sustantivo común y su verbo («en 1991, las negociaciones comenzaron»): no "
        "dice de qué se habla. Escriba de qué y publíquela."
    ),
    "not_opening_adverb": _(
        "El enunciado empieza con «Además», «También», «Así» o «Incluso»: se lee como la continuación de otra frase."
    ),
    "not_open_comparison": _(
        "El hueco cierra una comparación («más salado que _____»): muchas respuestas la cumplen, no solo la del texto."
    ),
    "low_confidence": _(
        "No se publicó: por su forma (tipo de pregunta, respuesta, sujeto, lugar de su oración en el texto), las "
        "preguntas como esta rara vez se usan sin retocarlas. Revísela y publíquela si le sirve."
    ),
    "minor_fact": _(
        "No se publicó: el dato parece secundario en el texto (una cifra de pasada, un detalle). Publíquela si le "
        "interesa."
    ),
    "long_to_publish": _("No se publicó: el enunciado es demasiado largo para una pregunta. Acórtelo y publíquela."),
    "selected": _(
        "No se publicó para no repetir la misma oración ni las mismas opciones: se publica una pregunta por oración "
        "(dos en un texto corto)."
    ),
    "publication_failed": _(
        "No se publicó: la selección de las preguntas de este texto falló (el error quedó en el registro). Revísela "
        "y publíquela si le sirve."
    ),
}
UNKNOWN_FAILED = _("Otra comprobación del generador no se superó.")


@dataclass(frozen=True)
class QualitySummary:
    """What the admin shows for a question's checks: the problems as sentences and how many checks passed."""

    problems: tuple[str, ...]
    passed: int

    @property
    def is_empty(self) -> bool:
        return not self.problems and not self.passed


def quality_summary(checks) -> QualitySummary:
    """Read ``Question.checks`` (any shape: a hand-written question has ``{}``) into sentences."""
    checks = checks if isinstance(checks, dict) else {}
    failed = [c for c in checks.get("failed") or () if isinstance(c, str)]
    passed = [c for c in checks.get("passed") or () if isinstance(c, str) and c != "selected"]
    problems = tuple(dict.fromkeys(str(FAILED.get(c, UNKNOWN_FAILED)) for c in failed))
    return QualitySummary(problems=problems, passed=len(passed))
