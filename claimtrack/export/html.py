"""The claim report as one self-contained HTML file (inline CSS, no scripts, no network).

Jinja2 renders it with autoescape on, so article text such as ``<script>`` arrives as text; the
disagreeing values are marked by splitting the text into runs in Python (``report.segments``),
never by inserting markup into article text. A Content-Security-Policy meta tag forbids scripts
and network loads as a second line of defence.

An incident's toll timeline is drawn as inline SVG: ``toll_chart`` lays it out (numbers only),
the template writes the elements, so every name in it is autoescaped like the rest of the page.
"""

from __future__ import annotations

from typing import Any, TextIO

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from claimtrack.export.plain import visible

TEMPLATE = "report.html.j2"

# the toll timeline: one row per account (oldest first), a bar as long as its figure
CHART_WIDTH = 760
CHART_ROW = 22  # px per account
CHART_LABEL = 96  # the date column
CHART_BAR = 200  # the longest bar
CHART_ROWS = 40  # at most this many accounts drawn; the rest are counted below the chart
CHART_FILL = {"dead": "#b3261e", "injured": "#b36b00"}


def toll_chart(entries: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Where each account of a toll timeline goes in the SVG; None when there is none.

    >>> chart = toll_chart([{"date": "2020-02-15", "source": "SOHR", "count": "dead",
    ...                      "toll": "seven", "value": 7, "outlet": None}])
    >>> chart["rows"][0]["width"], chart["height"]
    (200, 30)
    """
    if not entries:
        return None
    shown = entries[:CHART_ROWS]
    top = max((float(e["value"]) for e in shown), default=0.0) or 1.0
    rows = []
    for index, entry in enumerate(shown):
        value = float(entry["value"])
        y = 4 + index * CHART_ROW
        rows.append(
            {
                "y": y,
                "text_y": y + 14,
                "width": max(2, round(CHART_BAR * value / top)),
                "fill": CHART_FILL.get(str(entry["count"]), "#394452"),
                "date": entry["date"] or "date unknown",
                "value": int(value) if value == int(value) else value,
                "count": entry["count"],
                "source": entry["source"] or "the reporter",
                "outlet": entry.get("outlet"),
                "toll": entry.get("toll"),
                "claim": entry.get("claim"),
            }
        )
    return {
        "width": CHART_WIDTH,
        "height": 8 + len(rows) * CHART_ROW,
        "label_x": CHART_LABEL,
        "text_x": CHART_LABEL + CHART_BAR + 8,
        "rows": rows,
        "more": len(entries) - len(shown),
    }


def environment() -> Environment:
    return Environment(
        loader=PackageLoader("claimtrack.export", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
        finalize=_finalize,
    )


def _finalize(value: Any) -> Any:
    """Every string printed by the template: control characters shown as escapes (before
    autoescaping), so the page is also safe to ``cat`` in a terminal."""
    if isinstance(value, Markup):  # already HTML (the template's own)
        return value
    return visible(value) if isinstance(value, str) else value


def render_html(report: dict[str, Any]) -> str:
    return environment().get_template(TEMPLATE).render(report=report, toll_chart=toll_chart)


def write_html(report: dict[str, Any], out: TextIO) -> None:
    out.write(render_html(report))
