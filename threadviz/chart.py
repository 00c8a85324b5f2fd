"""Draw a recorded Timeline: threads as rows, time from left to right.

Every chart is drawn twice, for Material's light and dark palettes, on a
transparent background: `render(timeline)` returns `{"light": png, "dark": png}`.
A page shows the pair with Material's `#only-light` / `#only-dark` URL
fragments, so the reader sees the one that matches the palette.
"""

from __future__ import annotations

import base64
import html
import io
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display: render to PNG only

import matplotlib.pyplot as plt
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.typing import RcKeyType

from .recorder import (
    BLOCKED,
    HOLDING,
    RUNNING,
    UNGUARDED,
    WAITING,
    Timeline,
)

#: Okabe-Ito colours: told apart with the common colour-vision deficiencies,
#: and mid-tones that stand out on Material's white and on its dark slate.
STATE_COLOURS = {
    RUNNING: "#56B4E9",  # sky blue
    WAITING: "#E69F00",  # orange
    BLOCKED: "#CC79A7",  # reddish purple
    HOLDING: "#009E73",  # bluish green
    UNGUARDED: "#D55E00",  # vermilion
}
STATE_LABELS = {
    RUNNING: "running",
    WAITING: "waiting for a lock or slot",
    BLOCKED: "blocked (queue, barrier, event, join)",
    HOLDING: "holding a lock or slot",
    UNGUARDED: "read → write, no lock",
}
FAILED_LABELS = {
    WAITING: "gave up (timeout)",
    BLOCKED: "gave up (timeout)",
    UNGUARDED: "write lost an update",
}


@dataclass(frozen=True)
class Theme:
    name: str
    text: str
    muted: str
    grid: str
    background: str  # Material's page background, for outlines only


#: Text colours with at least 7:1 contrast on Material's backgrounds
#: (#ffffff for light, hsl(232, 15%, 14%) for slate).
THEMES = {
    "light": Theme("light", "#1f2328", "#57606a", "#d0d7de", "#ffffff"),
    "dark": Theme("dark", "#e6edf3", "#b1bac4", "#3d444d", "#1e2129"),
}

#: Charts are drawn narrow, with large text: a phone shows a page's images
#: about 350 CSS px wide, and their labels must stay legible there (about
#: 9 px) without zooming. On a wide screen a chart keeps its natural size.
WIDTH_IN = 5.6
FONT_PT = 11
DPI = 100
#: A longer title wraps, so that it does not widen the chart.
TITLE_CHARS = 38


def _style(theme: Theme) -> dict[RcKeyType, Any]:
    return {
        "figure.facecolor": "none",
        "axes.facecolor": "none",
        "savefig.transparent": True,
        "text.color": theme.text,
        "axes.labelcolor": theme.text,
        "axes.edgecolor": theme.muted,
        "axes.titlecolor": theme.text,
        "xtick.color": theme.muted,
        "ytick.color": theme.muted,
        "xtick.labelcolor": theme.text,
        "ytick.labelcolor": theme.text,
        "grid.color": theme.grid,
        "legend.labelcolor": theme.text,
        "legend.frameon": False,
        "font.size": FONT_PT,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }


def to_png(fig: Figure) -> bytes:
    """The figure as a compact PNG: quantized to a palette, which keeps the
    transparent background and makes a chart a few tens of KB."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight", pad_inches=0.08)
    plt.close(fig)
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow comes with matplotlib
        return buf.getvalue()
    buf.seek(0)
    image = Image.open(buf).convert("RGBA")
    small = image.quantize(colors=64, method=Image.Quantize.FASTOCTREE)
    out = io.BytesIO()
    small.save(out, format="png", optimize=True)
    return out.getvalue()


def themed(draw: Callable[[Figure, Theme], None], height_in: float) -> dict[str, bytes]:
    """Draw the same figure in each theme; return the PNGs by theme name."""
    pngs = {}
    for name, theme in THEMES.items():
        with plt.rc_context(_style(theme)):
            fig = plt.figure(figsize=(WIDTH_IN, height_in))
            draw(fig, theme)
            pngs[name] = to_png(fig)
    return pngs


def _row_bars(
    ax: Axes,
    timeline: Timeline,
    thread: str,
    y: float,
    scale: float,
    theme: Theme,
) -> None:
    mine = [i for i in timeline.intervals if i.thread == thread]
    lifetime = [i for i in mine if i.state == RUNNING]
    if not lifetime and mine:  # a thread we did not start: first to last event
        first = min(i.start for i in mine)
        last = max(i.end for i in mine)
        lifetime = [type(mine[0])(thread, RUNNING, first, last)]
    main_h, hold_h = 0.5, 0.2
    ax.broken_barh(
        [(i.start * scale, i.duration * scale) for i in lifetime],
        (y - main_h / 2, main_h),
        facecolors=STATE_COLOURS[RUNNING],
    )
    for state in (WAITING, BLOCKED, UNGUARDED):
        spans = [i for i in mine if i.state == state]
        ax.broken_barh(
            [(i.start * scale, i.duration * scale) for i in spans],
            (y - main_h / 2, main_h),
            facecolors=STATE_COLOURS[state],
        )
        failed = [i for i in spans if not i.ok]
        ax.plot(
            [i.end * scale for i in failed],
            [y] * len(failed),
            linestyle="none",
            marker="X",
            markersize=9,
            markerfacecolor=theme.text,
            markeredgecolor=theme.background,
            markeredgewidth=0.8,
        )
    holds = [i for i in mine if i.state == HOLDING]
    objects = list(dict.fromkeys(i.obj for i in holds))
    for lane, obj in enumerate(objects):
        spans = [i for i in holds if i.obj == obj]
        top = y + main_h / 2 + 0.04 + lane * (hold_h + 0.03)
        ax.broken_barh(
            [(i.start * scale, i.duration * scale) for i in spans],
            (top, hold_h),
            facecolors=STATE_COLOURS[HOLDING],
        )
        widest = max(spans, key=lambda i: i.duration)
        labelled = len(timeline.objects(HOLDING)) > 1
        if labelled and widest.duration > 0.12 * timeline.end:  # room for it
            ax.text(
                widest.start * scale + 0.01 * timeline.end * scale,
                top + hold_h / 2,
                obj,
                va="center",
                ha="left",
                fontsize=FONT_PT - 1.5,
                color="#ffffff",
                fontweight="bold",
                clip_on=True,
            )


def draw_timeline(fig: Figure, theme: Theme, timeline: Timeline) -> None:
    # Start just before the first thread did: main's setup is not the story.
    start = timeline.first_start()
    timeline = timeline.since(max(0.0, start - 0.03 * (timeline.end - start)))
    ax = fig.add_subplot()
    threads = timeline.threads
    end = timeline.end
    scale, unit = (1000.0, "ms") if end < 2 else (1.0, "s")
    # Row 0 at the top: the main thread first, then in the order they started.
    for row, thread in enumerate(threads):
        _row_bars(ax, timeline, thread, -row, scale, theme)
    ax.set_yticks([-row for row in range(len(threads))], threads)
    ax.set_ylim(-len(threads) + 0.45, 0.75)
    ax.set_xlim(0, end * scale * 1.01 or 1)
    ax.set_xlabel(f"time ({unit}) since the threads started")
    ax.grid(axis="x", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    if timeline.title:
        ax.set_title(
            textwrap.fill(timeline.title, TITLE_CHARS),  # keep the chart narrow
            loc="left",
            fontsize=FONT_PT + 1,
            fontweight="bold",
        )
    present = {i.state for i in timeline.intervals} | {RUNNING}
    handles: list[Artist] = [
        Patch(facecolor=STATE_COLOURS[s], label=STATE_LABELS[s])
        for s in STATE_COLOURS
        if s in present
    ]
    failed = {FAILED_LABELS[i.state] for i in timeline.intervals if not i.ok}
    for label in sorted(failed):
        handles.append(
            ax.plot(
                [],
                [],
                linestyle="none",
                marker="X",
                markersize=8,
                markerfacecolor=theme.text,
                markeredgecolor=theme.background,
                label=label,
            )[0]
        )
    axes_height_in = fig.get_size_inches()[1] * ax.get_position().height
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.5 / axes_height_in),  # half an inch below
        ncols=min(len(handles), 2),
        fontsize=FONT_PT - 1,
        handlelength=1.2,
        columnspacing=1.2,
    )


def render(timeline: Timeline) -> dict[str, bytes]:
    """The timeline as PNGs, one per theme: {"light": ..., "dark": ...}."""
    height = 0.9 + 0.55 * len(timeline.threads)
    return themed(
        lambda fig, theme: draw_timeline(fig, theme, timeline),
        height,
    )


def img_tags(pngs: dict[str, bytes], alt: str, name: str = "") -> str:
    """HTML with one <img> per theme, as data URIs. The site's hook moves each
    into a file of its own and adds Material's #only-light/#only-dark; a named
    chart also becomes images/timelines/<name>-<theme>.png for the content
    pages."""
    named = f' data-threadviz-name="{html.escape(name)}"' if name else ""
    tags = [
        f'<img alt="{html.escape(alt)}" data-threadviz-theme="{theme}"{named} '
        f'src="data:image/png;base64,{base64.b64encode(png).decode()}">'
        for theme, png in pngs.items()
    ]
    return '<figure class="threadviz">' + "".join(tags) + "</figure>"


def show(pngs: dict[str, bytes], alt: str, name: str = "") -> None:
    """Display the chart pair in a notebook."""
    from IPython.display import HTML, display

    display(HTML(img_tags(pngs, alt, name)))
