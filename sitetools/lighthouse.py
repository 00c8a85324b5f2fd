"""Lighthouse, mobile and desktop presets, on this site and on the same docs
built with stock Material, side by side, in Debian's Chromium.

    npm ci && python -m sitetools.lighthouse [--site SITE] [--out reports/lighthouse]

Pages: the home page, the heaviest content page and the heaviest notebook
page. "Stock" is the same mkdocs.yml without theme.custom_dir, the minify
plugin and extra_css; the script builds it, serves both sites on 127.0.0.1
and runs Lighthouse on each page with both presets, --runs times (3), ours and
stock in turn, in one Chromium. For each page and preset it reports both
sites' medians of the performance score, total blocking time (TBT), largest
contentful paint (LCP) and style-and-layout time (mainthread-work-breakdown,
group styleLayout).

Gate (exit 1): accessibility, best practices or SEO below 100; a page weight
(sitetools.weight) over its budget; more than REQUEST_BUDGET requests besides
images; any request to another host (render-blocking or not) - all from one
mobile run per page of our site, and none of them varies from run to run.
And one timing gate, for a gross regression only, as a ratio of two
measurements from the same run: on some page, our mobile median TBT or
style-and-layout time is more than 2x stock's (with 3 runs or more; fewer
runs only report it). The performance score, LCP and smaller ratios are
reported, never gated, because machine load moves them. Writes summary.md,
prints it, and keeps the JSON and HTML report of each median-score run and
each check run.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils.yaml import yaml_load

from sitetools import ROOT
from sitetools.build import build_site
from sitetools.chromium import CHROMIUM_ARGS, chromium_path
from sitetools.server import serve, site_file, sitemap_paths
from sitetools.weight import IMAGE_SUFFIXES, PAGE_WEIGHT_BUDGET, page_weight

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse"
PRESETS = ("mobile", "desktop")  # mobile is Lighthouse's default
SITES = ("ours", "stock")
CHECKS = ("accessibility", "best-practices", "seo")  # 100 on our site
#: The checks do not vary from run to run: one run per page, on mobile, the
#: layout tests/test_browser.py does not see.
CHECK_PRESET = "mobile"
#: What our pages may load, gated on the checks run (deterministic: the same
#: build loads the same files): the page weight of sitetools.weight (same-site
#: files but images, gzipped) within its one budget, at most this many
#: requests besides images and data: URLs, and nothing from another host,
#: render-blocking or not.
REQUEST_BUDGET = 6  # 5 today: the HTML, 3 stylesheets, 1 script
#: The audits the performance score is made of, and the main-thread breakdown.
TIMING_AUDITS = [
    "first-contentful-paint",
    "largest-contentful-paint",
    "speed-index",
    "total-blocking-time",
    "cumulative-layout-shift",
    "mainthread-work-breakdown",
]
GROSS = 2.0  # fail when ours / stock exceeds this on mobile (tbt, style)
#: A ratio of two tiny timings is noise: stock's figure counts as at least this.
FLOOR_MS = {"tbt": 50, "style": 100}
#: One run can be an outlier (a 13x style-and-layout time has been seen once):
#: the ratios are gated on a median of at least this many runs.
GATED_RUNS = 3
#: {(page, preset, site): median timings} and {(page, preset): category scores}
Medians = dict[tuple[str, str, str], dict[str, float]]
Checks = dict[tuple[str, str], dict[str, int]]

#: One Node process runs every job in one Chromium: about 5 s a run less than
#: a CLI call per run (Node start-up, config, browser launch and exit), and
#: 1.3 s less without the full-page screenshot, which no gate reads.
#: Lighthouse still clears the origin's storage and the browser cache before
#: each run.
RUNNER = """
import fs from "node:fs";
import lighthouse from "lighthouse";
import desktop from "lighthouse/core/config/desktop-config.js";
import * as launcher from "chrome-launcher";
const {jobs, ...options} = JSON.parse(fs.readFileSync(0, "utf8"));
const chrome = await launcher.launch(options);
try {
  for (const [i, job] of jobs.entries()) {
    const flags = {port: chrome.port, output: ["json", "html"], logLevel: "error",
                   disableFullPageScreenshot: true, ...job.flags};
    const config = job.preset === "desktop" ? desktop : undefined;
    const {lhr, report} = await lighthouse(job.url, flags, config);
    if (lhr.runtimeError) throw new Error(`${job.url}: ${lhr.runtimeError.message}`);
    fs.writeFileSync(job.out + ".report.json", report[0]);
    fs.writeFileSync(job.out + ".report.html", report[1]);
    console.log(`[${i + 1}/${jobs.length}] ${job.preset} ${job.url}`);
  }
} finally {
  await chrome.kill();
}
"""


def plugin_name(plugin: str | dict) -> str:
    """A plugin's name, from its entry in mkdocs.yml's plugins list."""
    return plugin if isinstance(plugin, str) else next(iter(plugin))


def stock_config(tmp: Path) -> Path:
    """mkdocs.yml without theme.custom_dir, minify and extra_css, as a config
    in tmp that INHERITs it. MkDocs resolves relative paths from the config's
    folder, so the paths it names are made absolute; lists replace the
    parent's, so plugins and hooks are copied."""
    with open(ROOT / "mkdocs.yml", "rb") as f:
        parent = yaml_load(f)
    (tmp / "no-overrides").mkdir()
    child = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(ROOT / parent.get("docs_dir", "docs")),
        "theme": {"custom_dir": str(tmp / "no-overrides")},
        "extra_css": [],
        "plugins": [p for p in parent["plugins"] if plugin_name(p) != "minify"],
        "hooks": [str(ROOT / p) for p in parent.get("hooks", [])],
        "watch": [str(ROOT / p) for p in parent.get("watch", [])],
    }
    config = tmp / "mkdocs-stock.yml"
    config.write_text(json.dumps(child, indent=2), encoding="utf-8")
    return config


def pick_pages(site: Path) -> dict[str, str]:
    """Home, the heaviest content page and the heaviest notebook page (by
    HTML size)."""
    paths = sitemap_paths(site)
    size = {p: site_file(site, p).stat().st_size for p in paths}
    notebooks = [
        p for p in paths if "jupyter-wrapper" in site_file(site, p).read_text("utf-8")
    ]
    content = [p for p in paths if p and p not in notebooks]
    pages = {"home": ""}
    if content:
        pages["content"] = max(content, key=lambda p: size[p])
    if notebooks:
        pages["notebook"] = max(notebooks, key=lambda p: size[p])
    return pages


def run_jobs(jobs: list[dict], tmp: Path) -> None:
    """Run Lighthouse jobs in sequence in one Chromium (see RUNNER)."""
    setup = {
        "chromePath": chromium_path(),
        "chromeFlags": CHROMIUM_ARGS,
        "userDataDir": str(tmp / "profile"),
        "jobs": jobs,
    }
    (tmp / "profile").mkdir()
    node = subprocess.run(
        ["node", "--input-type=module", "-e", RUNNER],
        input=json.dumps(setup),
        text=True,
        cwd=ROOT,
        timeout=60 * len(jobs),
    )
    if node.returncode != 0:
        sys.exit("Lighthouse failed (its error is above)")


def timings(report: dict) -> dict[str, float]:
    audits = report["audits"]
    breakdown = audits["mainthread-work-breakdown"]["details"]["items"]
    return {
        "score": round(100 * report["categories"]["performance"]["score"]),
        "tbt": audits["total-blocking-time"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "style": sum(i["duration"] for i in breakdown if i["group"] == "styleLayout"),
    }


def read(stem: Path) -> dict:
    return json.loads(stem.with_suffix(".report.json").read_text("utf-8"))


def keep(stem: Path, out: Path) -> None:
    for suffix in (".report.json", ".report.html"):
        shutil.copyfile(stem.with_suffix(suffix), out.with_suffix(suffix))


def loads(report: dict, base: str, site: Path) -> dict[str, int]:
    """What a page loaded: requests besides images and data: URLs, requests
    to another host, and the page weight (sitetools.weight)."""
    items = report["audits"]["network-requests"]["details"]["items"]
    urls = [i["url"] for i in items if not i["url"].startswith(("data:", "blob:"))]
    local = [u for u in urls if u.startswith(base)]
    images = [u for u in local if Path(urlsplit(u).path).suffix in IMAGE_SUFFIXES]
    return {
        "requests": len(local) - len(images),
        "off-site": len(urls) - len(local),
        "weight": page_weight(site, local)[0],
    }


def measure(
    pages: dict[str, str],
    bases: dict[str, str],
    runs: int,
    tmp: Path,
    out: Path,
    folder: Path,
) -> tuple[Medians, Checks]:
    """Every Lighthouse run; keeps each group's median-score report in out."""
    jobs = []
    for kind, path in pages.items():
        jobs.append(
            {
                "url": bases["ours"] + path,
                "preset": CHECK_PRESET,
                "out": str(tmp / f"{kind}-checks"),
                "flags": {
                    "onlyCategories": list(CHECKS),
                    "onlyAudits": ["network-requests"],  # added to the categories
                },
            }
        )
        for preset in PRESETS:
            for n in range(runs):
                for site in SITES:  # in turn, so that load hits both alike
                    jobs.append(
                        {
                            "url": bases[site] + path,
                            "preset": preset,
                            "out": str(tmp / f"{kind}-{preset}-{site}-{n}"),
                            "flags": {"onlyAudits": TIMING_AUDITS},
                        }
                    )
    run_jobs(jobs, tmp)
    medians, checks = {}, {}
    for kind in pages:
        stem = tmp / f"{kind}-checks"
        keep(stem, out / stem.name)
        checks[kind, CHECK_PRESET] = {
            name: round(100 * (category["score"] or 0))
            for name, category in read(stem)["categories"].items()
        } | loads(read(stem), bases["ours"], folder)
        for preset in PRESETS:
            for site in SITES:
                stems = [tmp / f"{kind}-{preset}-{site}-{n}" for n in range(runs)]
                results = [timings(read(stem)) for stem in stems]
                medians[kind, preset, site] = {
                    key: statistics.median(r[key] for r in results)
                    for key in results[0]
                }
                by_score = sorted(
                    zip(results, stems, strict=True), key=lambda r: r[0]["score"]
                )
                keep(by_score[len(by_score) // 2][1], out / f"{kind}-{preset}-{site}")
    return medians, checks


def gross(key: str, ours: dict, stock: dict) -> bool:
    """The gate: ours above GROSS x stock's, stock counted as at least FLOOR_MS."""
    return ours[key] > GROSS * max(stock[key], FLOOR_MS[key])


def cell(key: str, ours: dict, stock: dict) -> str:
    """Ours / stock, and for a timing their ratio."""
    if key == "score":
        return f"{ours[key]:.0f} / {stock[key]:.0f}"
    ratio = f" ({ours[key] / stock[key]:.1f}x)" if stock[key] else ""
    return f"{ours[key]:.0f} / {stock[key]:.0f} ms{ratio}"


def report(
    pages: dict[str, str], medians: Medians, checks: Checks, runs: int
) -> tuple[str, list[str]]:
    """The summary in Markdown, and the gate's failures."""
    failed, notes = [], []
    lines = [f"# Lighthouse: this site / stock Material, median of {runs} runs", ""]
    for preset in PRESETS:
        lines += [
            f"## {preset.capitalize()} preset",
            "",
            "| page | score | total blocking time | largest contentful paint "
            "| style and layout |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for kind, path in pages.items():
            ours, stock = medians[kind, preset, "ours"], medians[kind, preset, "stock"]
            cells = [cell(key, ours, stock) for key in ("score", "tbt", "lcp", "style")]
            lines.append(f"| {kind} `/{path}` | " + " | ".join(cells) + " |")
            if preset == "mobile":
                failed += [
                    f"/{path} mobile {key}: {cell(key, ours, stock)} > {GROSS}x"
                    for key in FLOOR_MS
                    if runs >= GATED_RUNS and gross(key, ours, stock)
                ]
                if ours["tbt"] > 1.2 * max(stock["tbt"], FLOOR_MS["tbt"]):
                    notes.append(f"/{path} mobile TBT {cell('tbt', ours, stock)}")
                if ours["score"] < stock["score"] - 2:
                    notes.append(f"/{path} mobile score {cell('score', ours, stock)}")
            elif ours["score"] < 99:
                notes.append(f"/{path} {preset} score {ours['score']:.0f}")
        lines.append("")
    lines += [
        "## The gates: this site, one run (they do not vary)",
        "",
        "| page | preset | " + " | ".join(CHECKS) + " | requests | off-site "
        "| weight, gzipped |",
        "|" + " --- |" * (len(CHECKS) + 5),
    ]
    for (kind, preset), scores in checks.items():
        lines.append(
            f"| {kind} | {preset} | "
            + " | ".join(str(scores.get(name, 0)) for name in CHECKS)
            + f" | {scores['requests']} | {scores['off-site']} "
            f"| {scores['weight'] / 1024:.1f} KB |"
        )
        failed += [
            f"/{pages[kind]} {preset} {name} {scores.get(name, 0)} < 100"
            for name in CHECKS
            if scores.get(name, 0) < 100
        ]
        if scores["requests"] > REQUEST_BUDGET:
            failed.append(
                f"/{pages[kind]}: {scores['requests']} requests > {REQUEST_BUDGET}"
            )
        if scores["off-site"]:
            failed.append(f"/{pages[kind]}: {scores['off-site']} requests off-site")
        if scores["weight"] > PAGE_WEIGHT_BUDGET:
            failed.append(
                f"/{pages[kind]}: {scores['weight'] / 1024:.1f} KB gzipped > "
                f"{PAGE_WEIGHT_BUDGET / 1024:.0f} KB"
            )
    lines += [
        "",
        "Cells: this site / stock Material (ours / stock). Gates: the three "
        f"categories at 100, at most {REQUEST_BUDGET} requests besides images, "
        f"none off-site, a page weight within {PAGE_WEIGHT_BUDGET / 1024:.0f} KB "
        "gzipped. Budgets, reported, not gated (timings move with machine "
        f"load): on mobile, TBT and style and layout at most {GROSS}x stock's, "
        f"stock counted as at least {FLOOR_MS['tbt']} and {FLOOR_MS['style']} ms "
        f"({GATED_RUNS} runs or more), TBT at most stock's x 1.2 and score at "
        "least stock's - 2; desktop score 99+.",
        "",
        *(f"- Over budget: {note}" for note in notes),
    ]
    return "\n".join(lines), failed


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sitetools.lighthouse",
        description=(__doc__ or "").split("\n\n")[0],
    )
    parser.add_argument("--site", type=Path, help="a site built before")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "lighthouse")
    parser.add_argument("--runs", type=int, default=3, help="runs per page (median)")
    args = parser.parse_args()
    if chromium_path() is None:
        sys.exit("Chromium not found: apt-get install chromium (or set $CHROMIUM)")
    if not LIGHTHOUSE.exists() or shutil.which("node") is None:
        sys.exit("Lighthouse not found: run `npm ci` in the repository root")
    args.out.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        site, stock = args.site or tmp / "site", tmp / "stock"
        if not args.site:
            build_site(site)
        build_site(stock, stock_config(tmp))
        pages = pick_pages(site)
        with serve(site) as ours_base, serve(stock) as stock_base:
            bases = {"ours": ours_base, "stock": stock_base}
            medians, checks = measure(pages, bases, args.runs, tmp, args.out, site)
    summary, failed = report(pages, medians, checks, args.runs)
    summary += f"\nTook {time.monotonic() - start:.0f} s.\n"
    (args.out / "summary.md").write_text(summary, encoding="utf-8")
    print(summary)
    if failed:
        print("Failed:\n" + "\n".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
