"""The SVG chart builder: bars, lines, and the app's charts built on them (no database)."""

import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from django.utils import translation

from quizzes.presentation import charts
from quizzes.presentation.charts import Bar, Point

NS = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    assert "style=" not in svg  # the Content-Security-Policy forbids inline styles
    return ET.fromstring(svg)  # well-formed XML, so every text was escaped


def rects(root, css="ww-bar"):
    return [r for r in root.iter(f"{NS}rect") if r.get("class") == css]


def test_bar_chart_escapes_text_and_draws_one_rect_per_non_empty_bar():
    bars = [Bar(3, "<b>a</b>", label="<i>"), Bar(0, "nada"), Bar(5, "b & c")]
    svg = charts.bar_chart(bars, title='<script>"x"</script>')
    root = parse(svg)
    assert "<script>" not in svg and "<b>" not in svg and "<i>" not in svg
    assert root.find(f"{NS}title").text == '<script>"x"</script>'
    assert len(rects(root)) == 2
    tooltips = [g.find(f"{NS}title").text for g in root.iter(f"{NS}g")]
    assert tooltips == ["<b>a</b>", "nada", "b & c"]


def test_bar_heights_are_proportional_on_a_whole_number_axis():
    root = parse(charts.bar_chart([Bar(6, ""), Bar(3, "")], title="t"))
    tall, short = (float(r.get("height")) for r in rects(root))
    # The tallest bar (6) on an axis up to 8 (the next multiple of the 4 gridlines).
    assert tall == pytest.approx(charts.PLOT_H * 6 / 8, abs=0.1)
    assert short == pytest.approx(tall / 2, abs=0.1)
    axis = [t.text for t in root.iter(f"{NS}text") if t.get("text-anchor") == "end"]
    assert axis == ["0", "2", "4", "6", "8"]


def test_a_bar_part_is_drawn_from_the_baseline_and_never_taller_than_the_bar():
    root = parse(charts.bar_chart([Bar(4, "", part=1), Bar(2, "", part=9)], title="t"))
    bars, parts = rects(root), rects(root, "ww-part")
    assert len(parts) == 2
    for bar, part in zip(bars, parts, strict=True):
        bottom = float(bar.get("y")) + float(bar.get("height"))
        assert float(part.get("y")) + float(part.get("height")) == pytest.approx(bottom, abs=0.1)
    assert float(parts[0].get("height")) == pytest.approx(float(bars[0].get("height")) / 4, abs=0.1)
    assert parts[1].get("height") == bars[1].get("height")


def test_an_empty_bar_chart_still_draws_its_axis():
    root = parse(charts.bar_chart([], title="t"))
    assert not rects(root) and len(list(root.iter(f"{NS}line"))) == charts.TICKS + 1


def test_line_chart_puts_100_at_the_top_and_clamps_out_of_range_values():
    points = [Point(0, "a", "lun"), Point(100, "b"), Point(150, "c"), Point(-20, "d", "jue")]
    root = parse(charts.line_chart(points, title="t", description="d"))
    dots = list(root.iter(f"{NS}circle"))
    ys = [float(d.get("cy")) for d in dots]
    bottom, top = charts.PAD_TOP + charts.PLOT_H, charts.PAD_TOP
    assert ys == pytest.approx([bottom, top, top, bottom])
    xs = [float(d.get("cx")) for d in dots]
    assert xs[0] == charts.PAD_LEFT and xs[-1] == charts.WIDTH - charts.PAD_RIGHT
    assert len(root.find(f"{NS}polyline").get("points").split()) == 4
    anchors = {t.text: t.get("text-anchor") for t in root.iter(f"{NS}text")}
    assert anchors["lun"] == "start" and anchors["jue"] == "end"  # the ends are anchored inwards
    assert root.find(f"{NS}desc").text == "d"


def test_a_single_point_is_centred():
    root = parse(charts.line_chart([Point(50, "x", "hoy")], title="t"))
    dot = root.find(f"{NS}circle")
    assert float(dot.get("cx")) == pytest.approx(charts.PAD_LEFT + charts.PLOT_W / 2, abs=0.1)


def test_coordinates_use_a_decimal_point_in_spanish_too():
    with translation.override("es"):
        svg = charts.line_chart([Point(33.333, "x"), Point(66.6, "y")], title="t")
    coordinates = re.findall(r'(?:cx|cy|x|y|x1|x2|y1|y2|width|height)="([^"]*)"', svg)
    assert coordinates and all("," not in c for c in coordinates)


def test_progress_chart_sorts_by_time_and_labels_days_in_local_time():
    late = datetime(2026, 1, 10, 23, 30, tzinfo=UTC)  # 00:30 on the 11th in Madrid
    early = datetime(2026, 1, 2, 9, 0, tzinfo=UTC)
    with translation.override("es"):
        root = parse(charts.progress_chart([(late, 80.0, "Quiz B"), (early, 40.5, "Quiz A")], title="Notas"))
    tooltips = [c.find(f"{NS}title").text for c in root.iter(f"{NS}circle")]
    assert tooltips == ["Quiz A · 2 Ene, 10:00 · 40,5 %", "Quiz B · 11 Ene, 00:30 · 80 %"]
    assert root.find(f"{NS}desc").text == "2 puntos; el primero 40,5 %, el último 80 %."


def test_progress_chart_of_one_day_labels_the_time_and_names_the_day_once():
    day = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)
    points = [(day, 50, ""), (day + timedelta(hours=3), 70, "")]
    with translation.override("es"):
        root = parse(charts.progress_chart(points, title="t"))
    labels = [t.text for t in root.iter(f"{NS}text") if t.get("y") == str(charts.LABEL_Y)]
    assert labels == ["5 Mar, 10:00", "13:00"]  # the axis shows the date, not only times


def test_progress_chart_with_nothing_to_draw_is_none():
    assert charts.progress_chart([], title="t") is None
    assert charts.progress_chart([(date(2026, 1, 1), None, "")], title="t") is None


def test_progress_chart_of_days_labels_about_six_of_them():
    points = [(date(2026, 1, 1) + timedelta(days=i), 50, "") for i in range(30)]
    root = parse(charts.progress_chart(points, title="t"))
    labels = [t for t in root.iter(f"{NS}text") if t.get("y") == str(charts.LABEL_Y)]
    assert 6 <= len(labels) <= 8
    assert root.find(f"{NS}desc").text.startswith("30 ")


def test_score_distribution_chart_shows_the_counts():
    root = parse(charts.score_distribution_chart([0, 1, 3, 0, 0, 0, 0, 2, 0, 1]))
    values = [t.text for t in root.iter(f"{NS}text") if t.get("class") == "ww-value"]
    assert values == ["1", "3", "2", "1"]
    tooltips = [g.find(f"{NS}title").text for g in root.iter(f"{NS}g")]
    assert tooltips[0] == "0–9 %: 0" and tooltips[-1] == "90–100 %: 1"


def test_reviews_chart_marks_again_and_labels_every_week_back_from_today():
    days = [
        SimpleNamespace(day=date(2026, 1, 1) + timedelta(days=i), reviews=i % 3, again=1 if i == 29 else 0)
        for i in range(30)
    ]
    with translation.override("es"):
        root = parse(charts.reviews_chart(days))
    labels = [t.text for t in root.iter(f"{NS}text") if t.get("y") == str(charts.LABEL_Y)]
    assert labels == ["2/1", "9/1", "16/1", "23/1", "30/1"]
    assert len(rects(root, "ww-part")) == 1
    assert [g.find(f"{NS}title").text for g in root.iter(f"{NS}g")][-1] == "30 Ene: 2 (Otra vez: 1)"


def test_recall_chart_labels_both_ends():
    root = parse(charts.recall_chart([1, 0, 0, 0, 0, 0, 0, 0, 2, 5]))
    labels = [t.text for t in root.iter(f"{NS}text") if t.get("y") == str(charts.LABEL_Y)]
    assert labels == ["0 %", "100 %"] and len(rects(root)) == 3
