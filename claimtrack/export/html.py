"""The claim report as one self-contained HTML file (inline CSS, no scripts, no network).

Jinja2 renders it with autoescape on, so article text such as ``<script>`` arrives as text; the
disagreeing values are marked by splitting the text into runs in Python (``report.segments``),
never by inserting markup into article text. A Content-Security-Policy meta tag forbids scripts
and network loads as a second line of defence.
"""

from __future__ import annotations

from typing import Any, TextIO

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from claimtrack.export.plain import visible

TEMPLATE = "report.html.j2"


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
    return environment().get_template(TEMPLATE).render(report=report)


def write_html(report: dict[str, Any], out: TextIO) -> None:
    out.write(render_html(report))
