"""``--lang id`` speaks Indonesian throughout (issue 27, item 5).

``explain --lang id`` printed ``Keputusan (eligibility, ...): eligible``, ``met``/``not_met`` and
``[practice [secondary]]``. Every word the Indonesian rendering emits now comes from an
Indonesian label; rule ids, edition ids and codes stay codes in both languages.
"""

from __future__ import annotations

import contextlib
import io
import pathlib
import re

import pytest

from atensi.cli import main
from atensi.rules.decision import KIND_LABELS, OUTCOME_LABELS, STATUS_LABELS
from atensi.vocab import Target
from atensi.vocab._base import EVIDENCE_LABELS

ROOT = pathlib.Path(__file__).resolve().parents[1]

#: English words the Indonesian output must not hold: every status, outcome, kind and grade
#: in English, the targets' English labels, and the words of the text around them.
ENGLISH = {
    *(label.en for label in STATUS_LABELS.values()),
    *(label.en for label in OUTCOME_LABELS.values()),
    *(label.en for label in KIND_LABELS.values()),
    *(label.en for label in EVIDENCE_LABELS.values()),
    *(m.label.en for m in Target),
    "Decision",
    "Comparison",
    "practice",
    "under",
    "absent",
    "no difference",
    "line",
    "byte",
    "record",
    "records",
    "valid",
    "invalid",
    "with warnings",
}
#: Codes that may appear in both languages: rule ids (``elig.anak.age``), edition and instrument
#: ids (``atensi-2021``), error codes in brackets. Vocabulary codes (``penyandang_disabilitas``)
#: stay: none is an English word, and ``not_met`` must be seen.
_CODES = re.compile(r"\b[a-z0-9_]+(?:[.-][a-z0-9_]+)+\b|\[[a-z_.]+\]")


def _run(*argv: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(list(argv))
    return out.getvalue(), err.getvalue()


def _english_in(text: str) -> list[str]:
    text = _CODES.sub(" ", text)
    return sorted(w for w in ENGLISH if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text))


@pytest.mark.parametrize(
    "argv",
    [
        ["explain", "examples/cases.json", "--on", "2024-06-01"],
        ["explain", "examples/what-if.jsonl", "--compare-editions", "atensi-2021,ars-2025"],
        ["explain", "examples/what-if.jsonl", "--compare-editions", "pp39-2012,atensi-2021"],
        ["explain", "examples/assessments-broken.jsonl", "--on", "2024-06-01"],
        ["validate", "examples/persons-broken.jsonl", "--kind", "person"],
    ],
    ids=["explain", "compare-2025", "compare-2012", "broken", "validate"],
)
def test_the_indonesian_output_holds_no_english_word(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    out, err = _run(*argv, "--lang", "id")
    english_out, _ = _run(*argv, "--lang", "en")
    assert out
    assert "rekaman" in err
    if argv[0] == "explain":
        assert not _english_in(out), _english_in(out)
        # The same words are there in English: the test would see them.
        assert _english_in(english_out)
    assert not _english_in(err), _english_in(err)


def test_the_labels_are_indonesian_and_differ_from_the_english_codes() -> None:
    for labels in (STATUS_LABELS, OUTCOME_LABELS, KIND_LABELS, EVIDENCE_LABELS):
        for label in labels.values():
            assert label.id
            assert label.id != label.en
