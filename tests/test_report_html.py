"""The HTML report: self-contained, and checked in a real browser (headless Chromium).

The browser test needs Debian's ``chromium`` (``apt-get install -y chromium``), which ``.ci/run``
installs: in CI (``CI`` set) a missing browser fails the test; elsewhere it skips, saying why.
It opens the page at a desktop width, reads what the page measured of itself, and fails on a
horizontal overflow (the page's, or a table wider than its frame), a section whose chart is
missing, or, in ``--lang id``, an English heading, column name or note. It also takes a
screenshot of every section; set ``ATENSI_SCREENSHOTS`` to a folder to keep them (the docs'
pictures come from there).
"""

from __future__ import annotations

import json
import os
import pathlib
import re
import shutil
import subprocess
from typing import Any

import pytest

from atensi import cli
from atensi.cli import _html as html_module
from atensi.vocab._base import EVIDENCE_LABELS

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
#: What the page measures of itself once loaded (added to a copy of it, never to the report).
_CHECK = """<script>window.addEventListener("load", () => {
const d = document.documentElement;
const found = {page: [d.scrollWidth, d.clientWidth],
 frames: [...document.querySelectorAll(".wrap")].map(w => [w.scrollWidth, w.clientWidth]),
 sections: [...document.querySelectorAll("section")].map(s => ({file: s.dataset.file,
   charts: s.querySelectorAll("svg rect").length})),
 text: document.body.innerText};
const out = document.createElement("pre"); out.id = "check";
out.textContent = JSON.stringify(found); document.body.appendChild(out);});</script>"""


def browser() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is missing in CI: .ci/run installs it (apt-get install -y chromium)")
    pytest.skip("chromium is not installed here (apt-get install -y chromium); CI installs it")


def run_browser(tmp: pathlib.Path, *arguments: str) -> str:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    done = subprocess.run(
        [browser(), *FLAGS, f"--user-data-dir={profile}", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done.stdout


def page(tmp: pathlib.Path, lang: str) -> pathlib.Path:
    out = tmp / f"report-{lang}"
    code = cli.main(
        [
            "report",
            str(EXAMPLES / "programme.jsonl"),
            "--period",
            "2021-01-01/2025-12-31",
            "--targets",
            str(EXAMPLES / "targets.jsonl"),
            "--out",
            str(out),
            "--format",
            "csv,html",
            "--lang",
            lang,
            "--quiet",
        ]
    )
    assert code == 0
    return out / "report.html"


def test_the_page_is_self_contained(tmp_path: pathlib.Path) -> None:
    text = page(tmp_path, "id").read_text(encoding="utf-8")
    assert not [tag for tag in ("<script", "<link", "<img", "<iframe") if tag in text]
    addresses = set(re.findall(r"https?://[^\"' )]+", text))
    assert addresses <= {"http://www.w3.org/2000/svg"}  # a namespace, never fetched
    assert text.count("<section") == len(list((tmp_path / "report-id").glob("*.csv")))


def _english_words() -> set[str]:
    pairs = [(s[0], s[1]) for s in html_module.SECTIONS.values()]
    pairs += list(html_module.COLUMNS.values())
    pairs += [(i.split("{")[0], e.split("{")[0]) for i, e in html_module._WORDS.values()]
    pairs += list(html_module.MEASURE_UNITS.values())
    pairs += list(html_module.KINDS.values())
    pairs += list(html_module.SPREAD.values())
    pairs += [(label.id, label.en) for label in EVIDENCE_LABELS.values()]
    return {en.strip() for id_, en in pairs if en.strip() and en.strip() != id_.strip()}


def measured(tmp: pathlib.Path, path: pathlib.Path) -> dict[str, Any]:
    checked = path.with_name("checked.html")
    checked.write_text(
        path.read_text(encoding="utf-8").replace("</body>", _CHECK + "</body>"), encoding="utf-8"
    )
    dom = run_browser(
        tmp, "--window-size=1024,900", "--virtual-time-budget=5000", "--dump-dom", checked.as_uri()
    )
    found = re.search(r'<pre id="check">(.*?)</pre>', dom, re.S)
    assert found, "the browser did not load the page"
    data: dict[str, Any] = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    return data


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_page_in_a_real_browser(tmp_path: pathlib.Path, lang: str) -> None:
    path = page(tmp_path, lang)
    data = measured(tmp_path, path)
    width, frame = data["page"]
    assert width <= frame, f"the page overflows horizontally ({width} > {frame} px)"
    for scrolled, shown in data["frames"]:
        assert scrolled <= shown + 1, f"a table is wider than the page ({scrolled} > {shown} px)"
    for section in data["sections"]:
        chart = html_module.SECTIONS.get(section["file"], ("", "", None))[2]
        if chart is not None:
            assert section["charts"] > 0, f"the chart of {section['file']} is missing"
    if lang == "id":
        english = {w for w in _english_words() if re.search(rf"\b{re.escape(w)}\b", data["text"])}
        assert not english, f"English in the Indonesian page: {sorted(english)}"


def test_a_screenshot_of_every_section(tmp_path: pathlib.Path) -> None:
    path = page(tmp_path, "id")
    text = path.read_text(encoding="utf-8")
    head, body = text.split("<body>", 1)
    sections = re.findall(r"<section .*?</section>", body, re.S)
    keep = os.environ.get("ATENSI_SCREENSHOTS")
    folder = pathlib.Path(keep) if keep else tmp_path / "shots"
    folder.mkdir(parents=True, exist_ok=True)
    for number, section in enumerate(sections):
        name = re.search(r'data-file="([^"]+)"', section)
        assert name
        single = tmp_path / f"section-{number}.html"
        single.write_text(f"{head}<body>{section}</body></html>", encoding="utf-8")
        shot = folder / f"report-{name.group(1).removesuffix('.csv')}.png"
        run_browser(tmp_path, "--window-size=1024,1100", f"--screenshot={shot}", single.as_uri())
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"no screenshot of {name.group(1)}"
        assert shot.stat().st_size > 5_000  # a picture with something in it, not a blank page
