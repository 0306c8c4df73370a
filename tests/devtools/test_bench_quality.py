"""The quality benchmark (devtools/quality.py, manage.py bench_quality) on a small part of the corpus."""

import io
import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from devtools import quality

SMALL = ["paz-de-westfalia", "las-meninas"]


@pytest.fixture(scope="module")
def dev_small():
    return quality.measure_set("dev", only=SMALL, lint=None)


def test_every_corpus_text_has_a_gold_list_whose_sentences_and_answers_are_in_the_text():
    for name in quality.SETS:
        texts = quality.texts_of(name)
        assert texts
        for txt in texts:
            text = txt.read_text(encoding="utf-8")
            gold = json.loads(txt.with_name(txt.stem + ".facts.json").read_text(encoding="utf-8"))
            assert 8 <= len(gold) <= 25, txt.stem
            for fact in gold:
                assert fact["sentence"] in text and fact["answer"] in fact["sentence"], (txt.stem, fact["answer"])
                assert fact["type"] in {"date", "number", "person", "place", "organization", "event", "other"}


def test_figures_are_sane(dev_small):
    assert [t.slug for t in dev_small.texts] == sorted(SMALL)
    for t in dev_small.texts:
        assert 0 <= t.covered_published <= t.covered <= t.gold
        assert 0.0 <= t.recall <= 1.0
        assert 0 < t.published <= t.questions
        assert 0 < t.sentences_with_items <= t.sentences
        assert t.max_per_sentence >= 1 and t.per_sentence <= t.max_per_sentence
        assert t.tf_true + t.tf_false <= t.published
        assert t.sampled == min(quality.SAMPLE_SIZE, t.published)
        assert t.judged + len(t.unjudged) == t.sampled
    assert dev_small.total("gold") == sum(t.gold for t in dev_small.texts)
    assert 0.0 <= dev_small.recall_published <= dev_small.recall <= 1.0
    rates = dev_small.rates()
    assert rates["N"] == rates["U"] + rates["E"] + rates["R"]
    table = quality.format_set(dev_small)
    assert "TOTAL dev: 2 textos" in table and "sin veredicto" in table


def test_the_sample_is_fixed_and_published_only(dev_small):
    txt = quality.texts_of("dev", only=["las-meninas"])[0]
    _, bank = quality.measure_text(txt, "dev")
    first, second = quality.sample(bank), quality.sample(bank)
    assert first == second
    assert all(q["status"] == "published" for q in first)
    # Another item added to the bank moves at most one item out of the sample.
    extra = {**first[0], "prompt": "Otra pregunta _____.", "key": "x"}
    again = quality.sample({**bank, "questions": [*bank["questions"], extra]})
    assert (
        len(
            {quality.item_answer(q) + q["prompt"] for q in again}
            ^ {quality.item_answer(q) + q["prompt"] for q in first}
        )
        <= 2
    )


def test_verdicts_are_matched_and_stale_or_missing_ones_show(tmp_path):
    src = quality.texts_of("dev", only=["simon-bolivar"])[0]
    folder = tmp_path / "dev"
    folder.mkdir()
    for suffix in (".txt", ".facts.json"):
        shutil.copy(src.with_name(src.stem + suffix), folder / (src.stem + suffix))
    _, bank = quality.measure_text(folder / "simon-bolivar.txt", "dev")
    template = quality.sample_template(bank, [])
    assert len(template) == quality.SAMPLE_SIZE and all(v["verdict"] == "" for v in template)
    template[0].update(verdict="U")
    template[1].update(verdict="E", reason="aceptar el apellido")
    template[2].update(verdict="R", reason="trivial, contexto: una cifra y «entonces» sin referente")
    template[3]["prompt"] = "  " + template[3]["prompt"].upper()  # spacing and case do not matter
    template[3].update(verdict="U")
    template[4].update(verdict="R", reason="trivial")
    template[5].update(verdict="U", kind="otro")  # a verdict on another kind of item does not count
    template.append(
        {"prompt": "Un ítem que ya no existe _____.", "answer": "x", "kind": "short_answer", "verdict": "R"}
    )
    (folder / "simon-bolivar.verdicts.json").write_text(json.dumps(template, ensure_ascii=False), encoding="utf-8")

    report = quality.measure_set("dev", corpus=tmp_path)
    text = report.texts[0]
    assert dict(text.verdicts) == {"U": 2, "E": 1, "R": 2}
    assert len(text.unjudged) == 1 and len(text.stale) == 1  # the stale one: the item that no longer exists
    assert text.reasons == {"trivial": 2, "contexto": 1, "aceptar el apellido": 1}
    rates = report.rates()
    assert (rates["U"], rates["E"], rates["R"], rates["N"]) == (2, 1, 2, 5)
    assert rates["usable"] == pytest.approx(0.4) and rates["usable_after_edit"] == pytest.approx(0.6)
    table = quality.format_set(report)
    assert "U 2 · E 1 · R 2 de N 5" in table and "más frecuentes primero: trivial 2 · " in table


def test_a_verdict_counts_only_for_the_item_as_it_was_judged():
    item = {
        "kind": "single_choice",
        "status": "published",
        "prompt": "La batalla de Ayacucho se libró en _____.",
        "correct": ["1824"],
        "distractors": ["1822", "1825", "1819"],
    }
    verdict = {"prompt": item["prompt"], "answer": "1824", "kind": "single_choice", "verdict": "U"}
    assert quality.judged_as_is({**verdict, "distractors": ["1819", "1822 ", "1825"]}, item)  # order, spacing
    assert not quality.judged_as_is({**verdict, "distractors": ["1822", "1825", "1824"]}, item)  # options changed
    assert not quality.judged_as_is({**verdict, "kind": "short_answer"}, item)
    assert quality.judged_as_is(verdict, item)  # an older verdict that does not record its options
    typed = {**item, "kind": "short_answer", "distractors": [], "accepted": ["1824"]}
    judged = {**verdict, "kind": "short_answer", "distractors": [], "accepted": ["1824"]}
    assert quality.judged_as_is(judged, typed)
    assert not quality.judged_as_is(judged, {**typed, "accepted": ["1824", "en 1824"]})  # the accepted list grew
    bank = {"questions": [{**item, "distractors": ["1822", "1825", "1823"]}]}
    template = quality.sample_template(bank, [{**verdict, "distractors": item["distractors"]}])
    assert template[0]["verdict"] == "" and template[0]["distractors"] == ["1822", "1825", "1823"]


def test_a_bad_verdict_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "x.verdicts.json"
    bad.write_text(json.dumps([{"prompt": "p", "answer": "a", "verdict": "bien"}]), encoding="utf-8")
    with pytest.raises(quality.CorpusError, match="use U, E or R"):
        quality.load_verdicts(bad)
    bad.write_bytes(b"\xff\xfe no json")
    with pytest.raises(quality.CorpusError, match="not a UTF-8 JSON"):
        quality.load_verdicts(bad)
    with pytest.raises(quality.CorpusError, match="not in dev: no-existe"):
        quality.texts_of("dev", only=["no-existe"])


def test_the_command_prints_the_table_and_json():
    out = io.StringIO()
    call_command("bench_quality", set="dev", text=["paz-de-westfalia"], no_lint=True, stdout=out)
    assert "TOTAL dev: 1 textos" in out.getvalue() and "veredictos dev:" in out.getvalue()
    out = io.StringIO()
    call_command("bench_quality", set="dev", text=["paz-de-westfalia"], no_lint=True, json=True, stdout=out)
    data = json.loads(out.getvalue())
    assert data[0]["texts"][0]["slug"] == "paz-de-westfalia" and 0 <= data[0]["recall"] <= 1
    with pytest.raises(CommandError, match="not in dev"):
        call_command("bench_quality", set="dev", text=["no-existe"], no_lint=True, stdout=io.StringIO())


def test_repeated_wrong_options_are_counted_per_text():
    def choice(options: list[str], status: str = "published") -> dict:
        return {"kind": "single_choice", "status": status, "prompt": "p", "correct": ["x"], "distractors": options}

    bank = {
        "questions": [
            choice(["1812", "Bolívar", "Sucre"]),
            choice(["Sucre", "1812 ", "Miranda"]),  # two offered already (spacing and case do not matter)
            choice(["sucre", "Páez", "Santander"]),  # a third use of one
            choice(["Miranda", "Páez", "Bolívar"], status="draft"),  # drafts are not shown
            {"kind": "short_answer", "status": "published", "prompt": "p", "correct": ["Sucre"]},
        ]
    }
    assert quality.repeated_options(bank) == 3
    assert quality.repeated_options({"questions": []}) == 0


def test_the_table_prints_the_repeated_options_of_each_text(dev_small):
    table = quality.format_set(dev_small)
    assert table.count("opciones repetidas: ") == len(dev_small.texts)
