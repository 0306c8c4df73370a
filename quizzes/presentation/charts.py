"""Server-side SVG charts (no JavaScript, no CDN, no style attributes: CSP-safe).

Colours come from classes styled in app.css ("Teacher reports" section); sizes are SVG attributes, which the
Content-Security-Policy does not treat as inline styles.
"""

import math
from datetime import date

from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH = 480
HEIGHT = 220
PAD_LEFT = 40
PAD_RIGHT = 12
PAD_TOP = 16
PAD_BOTTOM = 36


def _svg(title: str, body: list[str], *, width: int = WIDTH, height: int = HEIGHT) -> SafeString:
    return mark_safe(  # noqa: S308 - every text part below is escaped
        f'<svg class="ww-chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def _axes(body: list[str], *, y_max: float, y_label_fmt, ticks: int = 4) -> None:
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    for i in range(ticks + 1):
        value = y_max * i / ticks
        y = PAD_TOP + plot_h - plot_h * i / ticks
        body.append(f'<line class="ww-grid" x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        body.append(
            f'<text class="ww-axis" x="{PAD_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(y_label_fmt(value))}</text>"
        )


def histogram_svg(counts: list[int], *, title: str) -> SafeString:
    """Draw the score distribution: one bar per tenth of the percentage scale."""
    body: list[str] = []
    ticks = 4
    # Whole-number gridlines: the axis top is the smallest multiple of the tick count that holds the tallest bar.
    top = max(ticks, math.ceil(max(counts or [0]) / ticks) * ticks)
    _axes(body, y_max=top, y_label_fmt=lambda v: f"{v:.0f}", ticks=ticks)
    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    n = len(counts) or 1
    slot = plot_w / n
    for i, count in enumerate(counts):
        h = plot_h * count / top
        x = PAD_LEFT + i * slot + 3
        y = PAD_TOP + plot_h - h
        label = f"{i * 10}–{i * 10 + 9 if i < n - 1 else 100} %"
        body.append(
            format_html(
                '<rect class="ww-bar" x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title></rect>',
                f"{x:.1f}",
                f"{y:.1f}",
                f"{slot - 6:.1f}",
                f"{h:.1f}",
                label,
                count,
            )
        )
        if count:
            body.append(
                f'<text class="ww-value" x="{x + (slot - 6) / 2:.1f}" y="{y - 4:.1f}" '
                f'text-anchor="middle">{count}</text>'
            )
        body.append(
            f'<text class="ww-axis" x="{PAD_LEFT + i * slot + slot / 2:.1f}" y="{HEIGHT - PAD_BOTTOM + 16}" '
            f'text-anchor="middle">{i * 10}</text>'
        )
    body.append(f'<text class="ww-axis" x="{WIDTH - PAD_RIGHT}" y="{HEIGHT - 4}" text-anchor="end">% →</text>')
    return _svg(title, body)


def line_svg(points: list[tuple[date, float]], *, title: str) -> SafeString:
    """Draw a percentage (0-100) over time, one point per entry, evenly spaced in order."""
    body: list[str] = []
    _axes(body, y_max=100, y_label_fmt=lambda v: f"{v:.0f}")
    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    values = [(d, v) for d, v in points if v is not None]
    if not values:
        return _svg(title, body)
    step = plot_w / max(1, len(values) - 1)
    coords = []
    for i, (when, value) in enumerate(values):
        x = PAD_LEFT + (i * step if len(values) > 1 else plot_w / 2)
        y = PAD_TOP + plot_h - plot_h * max(0.0, min(100.0, value)) / 100
        coords.append((x, y, when, value))
    body.append('<polyline class="ww-line" points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y, _w, _v in coords) + '"/>')
    label_every = max(1, len(coords) // 6)
    for i, (x, y, when, value) in enumerate(coords):
        when_text = when.strftime("%d/%m") if hasattr(when, "strftime") else str(when)
        body.append(
            format_html(
                '<circle class="ww-dot" cx="{}" cy="{}" r="4"><title>{}: {} %</title></circle>',
                f"{x:.1f}",
                f"{y:.1f}",
                when_text,
                f"{value:.0f}",
            )
        )
        if i % label_every == 0 or i == len(coords) - 1:
            # The end labels are anchored inwards so they are not cut by the edge of the chart.
            anchor = (
                "middle" if len(coords) == 1 else "start" if i == 0 else "end" if i == len(coords) - 1 else "middle"
            )
            body.append(
                format_html(
                    '<text class="ww-axis" x="{}" y="{}" text-anchor="{}">{}</text>',
                    f"{x:.1f}",
                    HEIGHT - PAD_BOTTOM + 16,
                    anchor,
                    when_text,
                )
            )
    return _svg(title, body)


# The student's scores-over-time chart ("Mi progreso"): laid out here, drawn by quiz/progress.html.

CHART_WIDTH, CHART_HEIGHT = 480, 230
CHART_LEFT, CHART_RIGHT, CHART_TOP, CHART_BOTTOM = 52, 14, 12, 36


def score_chart(points) -> dict | None:
    """Lay out (when, percent, label) points on a 0-100 % chart; return coordinates for the template (None if empty)."""
    points = [(when, float(percent), label) for when, percent, label in points if when is not None]
    if not points:
        return None
    points.sort(key=lambda p: p[0])
    plot_w = CHART_WIDTH - CHART_LEFT - CHART_RIGHT
    plot_h = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    n = len(points)

    # Coordinates are strings: a float in a template would be localised to "12,5" and break the SVG.
    def y_of(percent: float) -> str:
        return f"{CHART_TOP + plot_h * (1 - max(0.0, min(100.0, percent)) / 100):.1f}"

    # Evenly spaced by attempt: a burst of attempts in one afternoon stays readable.
    dots = []
    for i, (when, percent, label) in enumerate(points):
        x = f"{CHART_LEFT + (plot_w / 2 if n == 1 else plot_w * i / (n - 1)):.1f}"
        dots.append({"x": x, "y": y_of(percent), "percent": percent, "label": label, "when": when})
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": str(CHART_LEFT),
        "axis_x": str(CHART_LEFT - 8),
        "right": str(CHART_WIDTH - CHART_RIGHT),
        "bottom": str(CHART_HEIGHT - CHART_BOTTOM),
        "label_y": str(CHART_HEIGHT - 10),
        "grid": [{"value": v, "y": y_of(v)} for v in (0, 25, 50, 75, 100)],
        "polyline": " ".join(f"{d['x']},{d['y']}" for d in dots),
        "dots": dots,
        "first": dots[0],
        "last": dots[-1],
        # Label the ends with the day, or with the time when every attempt was on the same day.
        "same_day": timezone.localdate(dots[0]["when"]) == timezone.localdate(dots[-1]["when"]),
    }
