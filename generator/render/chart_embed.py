"""Charts in pages: the HTML block that carries a figure, and the scripts that draw it.

plotly.js is vendored (vendor/README.md: which bundle, version and licence) and copied once into
the site (no CDN), beside the one renderer script that draws every `.salesplan-chart` after
Material's instant navigation; the renderer loads plotly.js only on the pages that have a chart.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

CHART_SCRIPTS = ("assets/salesplan/plotly.min.js", "assets/salesplan/charts.js")
# Every page loads the renderer; the renderer loads plotly.js on the pages with a chart.
PLOTLY, RENDERER = CHART_SCRIPTS
# The smallest official bundle with every trace type the charts use (scatter, bar).
PLOTLY_BUNDLE = "plotly-basic.min.js"
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")

# Characters that could end the HTML attribute or start markup, as JSON escapes. They only
# occur inside JSON strings, where the escapes mean the same characters.
_ATTRIBUTE_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027"))


def safe_chart_id(text: str) -> str:
    """A safe HTML id from any text (lowercase slug); ValueError when nothing is left."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if not _SLUG.fullmatch(slug):
        raise ValueError(f"no usable chart id in {text!r}")
    return slug


def chart_block(figure: dict[str, Any], chart_id: str) -> str:
    """The HTML of one chart for a Markdown page; put it on its own line between blank lines.

    The figure travels in a data attribute, not in a <script type="application/json">: on
    instant navigation Material re-creates inline scripts without their type, which would
    run the JSON as JavaScript.
    """
    payload = json.dumps(figure, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escaped in _ATTRIBUTE_SAFE:  # str.replace: a tenth of str.translate's time here
        payload = payload.replace(char, escaped)
    return (
        f'<div class="salesplan-chart" id="{safe_chart_id(chart_id)}" '
        f"data-figure='{payload}'></div>"
    )


def chart_assets() -> dict[str, bytes]:
    """The static files of the charts, by their path in the site (see CHART_SCRIPTS)."""
    return dict(_read_assets())


@cache
def _read_assets() -> tuple[tuple[str, bytes], ...]:
    plotly_js = resources.files(__package__) / "vendor" / PLOTLY_BUNDLE
    renderer = resources.files("generator") / "assets" / "charts.js"
    return ((CHART_SCRIPTS[0], plotly_js.read_bytes()), (CHART_SCRIPTS[1], renderer.read_bytes()))
