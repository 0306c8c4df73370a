"""The app's SVG charts: one bar chart and one line chart, drawn on the server.

No JavaScript, no CDN and no style attributes, so the Content-Security-Policy allows them; colours come from the
``ww-chart`` classes in app.css, sizes are SVG attributes. Every text is escaped. Selectors hand in data (counts,
percentages, dates); the functions at the end of this module turn each page's data into a chart.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.template.defaultfilters import floatformat
from django.utils import formats, timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

WIDTH = 480
HEIGHT = 220
PAD_LEFT = 52  # room for «100 %» at the axis font size (13 units), clipped at 44
PAD_RIGHT = 12
PAD_TOP = 16
PAD_BOTTOM = 36
PLOT_W = WIDTH - PAD_LEFT - PAD_RIGHT
PLOT_H = HEIGHT - PAD_TOP - PAD_BOTTOM
LABEL_Y = HEIGHT - PAD_BOTTOM + 18
TICKS = 4


@dataclass(frozen=True)
class Bar:
    """One bar: its height, the text shown on hover and an optional label under it."""

    value: int
    tooltip: str
    label: str = ""
    part: int = 0  # a share of the bar drawn over it from the baseline in the warning colour (the «Otra vez»)


@dataclass(frozen=True)
class Point:
    """One point of a percentage line: its value (0-100), the text shown on hover and an optional axis label."""

    percent: float
    tooltip: str
    label: str = ""


def _svg(title: str, body: list[str], description: str = "") -> SafeString:
    desc = f"<desc>{escape(description)}</desc>" if description else ""
    return mark_safe(  # noqa: S308 - the title and description are escaped here, every part of body by its builder
        f'<svg class="ww-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">'
        f"<title>{escape(title)}</title>{desc}{''.join(body)}</svg>"
    )


def _y(value: float, top: float) -> float:
    return PAD_TOP + PLOT_H - PLOT_H * max(0.0, min(value, top)) / top


def _grid(top: float, label) -> list[str]:
    """Horizontal gridlines with their values on the left, from 0 to ``top``."""
    body = []
    for i in range(TICKS + 1):
        y = _y(top * i / TICKS, top)
        body.append(f'<line class="ww-grid" x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        body.append(
            format_html(
                '<text class="ww-axis" x="{}" y="{}" text-anchor="end">{}</text>',
                PAD_LEFT - 6,
                f"{y + 4:.1f}",
                label(top * i / TICKS),
            )
        )
    return body


def _x_label(x: float, text: str, anchor: str = "middle", y: float = LABEL_Y) -> str:
    return format_html('<text class="ww-axis" x="{}" y="{}" text-anchor="{}">{}</text>', f"{x:.1f}", y, anchor, text)


def bar_chart(bars: Sequence[Bar], *, title: str, show_values: bool = False, caption: str = "") -> SafeString:
    """Draw bars side by side over whole-number gridlines; ``caption`` goes at the right end of the x axis."""
    # The axis top is the smallest multiple of the tick count that holds the tallest bar: whole-number gridlines.
    top = max(TICKS, math.ceil(max([b.value for b in bars] + [0]) / TICKS) * TICKS)
    body = _grid(top, lambda v: f"{v:.0f}")
    slot = PLOT_W / (len(bars) or 1)
    width = max(1.0, slot * 0.8)
    for i, bar in enumerate(bars):
        x = PAD_LEFT + i * slot + (slot - width) / 2
        parts = [format_html("<title>{}</title>", bar.tooltip)]
        for value, css in ((bar.value, "ww-bar"), (min(bar.part, bar.value), "ww-part")):
            if value > 0:
                y = _y(value, top)
                height = PAD_TOP + PLOT_H - y
                parts.append(f'<rect class="{css}" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}"/>')
        if show_values and bar.value:
            parts.append(
                f'<text class="ww-value" x="{x + width / 2:.1f}" y="{_y(bar.value, top) - 4:.1f}" '
                f'text-anchor="middle">{bar.value}</text>'
            )
        if bar.label:
            parts.append(_x_label(x + width / 2, bar.label))
        body.append("<g>" + "".join(parts) + "</g>")
    if caption:
        body.append(_x_label(WIDTH - PAD_RIGHT, caption, "end", y=HEIGHT - 2))
    return _svg(title, body)


def line_chart(points: Sequence[Point], *, title: str, description: str = "") -> SafeString:
    """Draw percentages (0-100) as a line, one point per entry, evenly spaced in the order given."""
    body = _grid(100, lambda v: f"{v:.0f} %")
    n = len(points)
    coords = [
        (PAD_LEFT + (PLOT_W / 2 if n == 1 else PLOT_W * i / (n - 1)), _y(p.percent, 100)) for i, p in enumerate(points)
    ]
    if n:
        body.append('<polyline class="ww-line" points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in coords) + '"/>')
    for i, (point, (x, y)) in enumerate(zip(points, coords, strict=True)):
        body.append(
            format_html(
                '<circle class="ww-dot" cx="{}" cy="{}" r="4.5"><title>{}</title></circle>',
                f"{x:.1f}",
                f"{y:.1f}",
                point.tooltip,
            )
        )
        if point.label:
            # The end labels are anchored inwards so that the edge of the chart does not cut them.
            anchor = "middle" if n == 1 else "start" if i == 0 else "end" if i == n - 1 else "middle"
            body.append(_x_label(x, point.label, anchor))
    return _svg(title, body, description)


# ------------------------------------------------------------------------------------------------ the app's charts


def _percent(value: float) -> str:
    return f"{floatformat(value, -1)} %"


def _when(value: date | datetime, fmt: str) -> str:
    if isinstance(value, datetime):
        value = timezone.localtime(value)
    return formats.date_format(value, fmt)


def _day(value: date | datetime) -> date:
    return timezone.localtime(value).date() if isinstance(value, datetime) else value


def progress_chart(points: Sequence[tuple[date | datetime, float | None, str]], *, title: str) -> SafeString | None:
    """Percentages over time: (when, percent, caption) per attempt or per day, in time order; None if empty."""
    points = sorted(
        (
            (when, float(percent), caption)
            for when, percent, caption in points
            if when is not None and percent is not None
        ),
        key=lambda p: p[0],
    )
    if not points:
        return None
    with_time = isinstance(points[0][0], datetime)
    # Label the axis with the day; when every point is on the same day, with the time, the first label naming the day.
    one_day = with_time and _day(points[0][0]) == _day(points[-1][0])
    axis = "H:i" if one_day else "j M"
    every = max(1, len(points) // 6)
    drawn = [
        Point(
            percent=percent,
            tooltip=" · ".join(
                t for t in (caption, _when(when, "j M, H:i" if with_time else "j M"), _percent(percent)) if t
            ),
            label=_when(when, "j M, H:i" if one_day and i == 0 else axis)
            if i % every == 0 or i == len(points) - 1
            else "",
        )
        for i, (when, percent, caption) in enumerate(points)
    ]
    n, first, last = len(drawn), _percent(drawn[0].percent), _percent(drawn[-1].percent)
    description = ngettext("%(n)d punto: %(first)s.", "%(n)d puntos; el primero %(first)s, el último %(last)s.", n) % {
        "n": n,
        "first": first,
        "last": last,
    }
    return line_chart(drawn, title=title, description=description)


def score_distribution_chart(histogram: Sequence[int]) -> SafeString:
    """The item analysis: how many attempts scored in each tenth of the percentage scale."""
    n = len(histogram)
    bars = [
        Bar(value=count, tooltip=f"{i * 10}–{i * 10 + 9 if i < n - 1 else 100} %: {count}", label=str(i * 10))
        for i, count in enumerate(histogram)
    ]
    return bar_chart(bars, title=_("Distribución de notas (número de intentos)"), show_values=True, caption="% →")


def reviews_chart(days: Sequence) -> SafeString:
    """Flashcard reviews per day (``reviews``, of which ``again`` were «Otra vez»), the last day labelled."""
    n = len(days)
    bars = []
    for i, day in enumerate(days):
        tooltip = f"{_when(day.day, 'j M')}: {day.reviews}"
        if day.again:
            tooltip += f" ({_('Otra vez')}: {day.again})"
        label = _when(day.day, "j/n") if (n - 1 - i) % 7 == 0 else ""
        bars.append(Bar(value=day.reviews, part=day.again, tooltip=tooltip, label=label))
    return bar_chart(bars, title=_("Repasos por día; en rojo, los «Otra vez»."))


def recall_chart(buckets: Sequence[int]) -> SafeString:
    """How many cards fall in each tenth of the probability of recall (0-10 %, ..., 90-100 %)."""
    n = len(buckets)
    bars = [
        Bar(
            value=count,
            tooltip=f"{i * 10}–{i * 10 + 10} %: {count}",
            label="0 %" if i == 0 else "100 %" if i == n - 1 else "",
        )
        for i, count in enumerate(buckets)
    ]
    return bar_chart(bars, title=_("Cuántas tarjetas hay en cada tramo de probabilidad de recuerdo"))
