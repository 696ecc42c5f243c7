"""`caredesk triage` I/O contract through the real entry point: what an evaluation feeds it.

design.md: each input line is `{"id": ..., "text": ...}` (optional "program"); each output line
echoes `id` and adds the screening fields; `-` reads stdin / writes stdout. This file checks the
I/O only (never what the screener detects):

- `id` of every JSON type is echoed unchanged, `null` included (only a line without the key
  has nothing to echo); a lone surrogate id ("\\ud800") is written \\u-escaped, not a crash;
- `program` may be a string, a number (a program id, read as its decimal text) or null;
- blank and whitespace-only lines are skipped; CRLF line ends and a BOM are accepted;
- a line that is not JSON, not an object, or lacks a string "text" is named on stderr with
  its line number, keeps its place as `{"id", "error"}` when it has an id, and the exit code
  is 2; every other line is still screened;
- output is UTF-8 whatever the locale (PYTHONIOENCODING=ascii here);
- every evidence span is a pair of Python str indices into the input text:
  0 <= start < end <= len(text), on texts with accents, combining marks, astral emoji, CRLF,
  dotted capital I (whose lower() is two characters) and ligatures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

FIELDS = {
    "adverse_event": bool,
    "special_situations": list,
    "product_complaint": bool,
    "tampering": bool,
    "seriousness": list,
    "evidence": list,
}
TEXTS = [
    "I took Tylenol and got a rash, then I was hospitalized.",
    "Náusea fuerte después de tomar ibuprofeno 😀 y me desmayé. Falleció mi padre.",
    "İSTANBUL: the inhaler was broken and the seal was already opened, ﬁve tablets missing.",
    "He overdosed 💊💊💊 on the syrup\r\nand died in hospital.",
    "Cafe\u0301 owner: my baby 👶🏽 drank the whole bottle while breastfeeding; she had a seizure.",
    "Mon chien a vomi après le comprimé. Der Hund hat sich übergeben. 犬が吐いた。",
    "\t  leading spaces then a headache after the pill, 2\u00d7/day ",
    "",
]


def _run(stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "caredesk.cli", "triage", "--in", "-", "--out", "-"],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=120,
        env={**os.environ, "CAREDESK_ENV": "test", "PYTHONIOENCODING": "ascii"},
    )


def test_ids_programs_blank_lines_bad_lines_and_spans_through_stdin_and_stdout() -> None:
    ids = [None, 0, -7, 2.5, True, False, "", "é😀", ["a", 1], {"k": {"n": None}}, 10**20]
    lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in enumerate(TEXTS)]
    lines += [json.dumps({"id": i, "text": "I felt dizzy."}) for i in ids]
    lines += [
        json.dumps({"id": "p-str", "text": "I felt dizzy.", "program": "ACME-US"}),
        json.dumps({"id": "p-num", "text": "I felt dizzy.", "program": 12}),
        json.dumps({"id": "p-null", "text": "I felt dizzy.", "program": None}),
        '{"id": "\\ud800x", "text": "I felt dizzy."}',
        "",
        "   \t",
        "not json",
        "[1, 2]",
        json.dumps({"text": "no id"}),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "text-not-str", "text": 5}),
        json.dumps({"id": "last", "text": "I felt dizzy."}),
    ]
    data = b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n"
    proc = _run(data)
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    first_bad = len(TEXTS) + len(ids) + 7  # 1-based line of "not json"
    for offset in (0, 1, 2, 3, 4):
        assert f"line {first_bad + offset}:" in err
    out = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    expected_ids = [*range(len(TEXTS)), *ids, "p-str", "p-num", "p-null", "\ud800x"]
    expected_ids += ["no-text", "text-not-str", "last"]
    assert [o["id"] for o in out] == expected_ids
    screened = [o for o in out if "error" not in o]
    assert [o["id"] for o in out if "error" in o] == ["no-text", "text-not-str"]
    for obj in screened:
        for key, kind in FIELDS.items():
            assert isinstance(obj[key], kind), (obj["id"], key)
        assert obj["complaint_category"] is None or isinstance(obj["complaint_category"], str)
        assert all(isinstance(code, str) for code in obj["special_situations"])
        assert all(isinstance(code, str) for code in obj["seriousness"])
    for obj, text in zip(out, TEXTS, strict=False):
        for span in obj["evidence"]:
            assert set(span) == {"start", "end", "label"}
            start, end = span["start"], span["end"]
            assert type(start) is int and type(end) is int
            assert 0 <= start < end <= len(text), (text, span)
            assert text[start:end].strip(), (text, span)
    assert out[0]["adverse_event"] and out[3]["adverse_event"]
