"""Start the next session's report from the 2016 one, fill it with synthetic records, draft and check it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from office import to_text
from secretariat.records.content import empty_sections
from secretariat.records.writing import dump_record_file, dumps
from test_check_cases import apply_edit

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "next-session"
SYNTHETIC_PARTIES = {"BTN": "2017-03-15", "COG": "2017-09-01"}
PARAGRAPH = ("In a synthetic test activity, UNODC held a workshop {{ act['synthetic-workshop-2017'].dates | during }} "
             "for officials of {{ act['synthetic-workshop-2017'].countries | countries }}.")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "secretariat", *args], capture_output=True, text=True, timeout=120)


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def save(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def started(tmp_path: Path) -> Path:
    previous = tmp_path / "drafts" / "ctoc-cop-2016-tip"
    shutil.copytree(ROOT / "drafts" / "ctoc-cop-2016-tip", previous, ignore=shutil.ignore_patterns("build"))
    target = tmp_path / "drafts" / "ctoc-cop-2018-tip"
    result = run("new", str(target), "--from", str(previous))
    assert result.returncode == 0, result.stderr
    assert "report.json /symbol" in result.stdout
    return target


def fill(folder: Path) -> None:
    """Enter the synthetic metadata, figures, an activity, its paragraph and the register update."""
    figures = load(folder / "figures.json")
    by_id = {figure["id"]: figure for figure in figures["figures"]}
    for edit in load(FIXTURE / "fill.json"):
        if "figure" in edit:
            by_id[edit["figure"]].update(value=edit["value"], as_of=edit["as_of"], source="synthetic test data")
    save(folder / "figures.json", figures)
    for edit in load(FIXTURE / "fill.json"):
        if "file" in edit:
            apply_edit(folder, edit)
    content = load(folder / "content.json")
    achievements = next(b for b in content["blocks"] if b.get("id") == "intro-key-achievements")
    achievements["items"] = [item if "gap(" not in item else "Synthetic test text replacing a placeholder;"
                             for item in achievements["items"]]
    after = next(i for i, b in enumerate(content["blocks"]) if b.get("text") == "Legislative assistance")
    content["blocks"].insert(after + 1, {"id": "synthetic-legislative", "text": PARAGRAPH,
                                         "activities": ["synthetic-workshop-2017"]})
    for block in content["blocks"]:
        if block.get("reviewed") is False:
            block["reviewed"] = True  # the officer read last session's wording and keeps it
    while empty := empty_sections(content["blocks"]):  # sections this synthetic report does not write
        del content["blocks"][empty[-1]]
    save(folder / "content.json", content)
    register = load(ROOT / "data" / "registers" / "tip-protocol.json")
    register["sources"]["synthetic-test"] = {"citation": "synthetic test data (tests/fixtures/next-session)"}
    for participant in register["participants"]:
        if participant["code"] in SYNTHETIC_PARTIES:
            participant.update(consent={"date": SYNTHETIC_PARTIES[participant["code"]], "type": "accession"},
                               source="synthetic-test")
    known = {p["code"] for p in register["participants"]}
    for code in set(SYNTHETIC_PARTIES) - known:
        register["participants"].append({"code": code, "name": code, "kind": "state", "signature": None,
                                         "consent": {"date": SYNTHETIC_PARTIES[code], "type": "accession"},
                                         "source": "synthetic-test", "confidence": "medium"})
    save(folder / "tip-protocol.register.json", register)


def test_new_never_overwrites(started: Path) -> None:
    before = (started / "report.json").read_bytes()
    result = run("new", str(started), "--from", str(started.parent / "ctoc-cop-2016-tip"))
    assert result.returncode == 2 and "never overwrites" in result.stderr
    assert (started / "report.json").read_bytes() == before


def test_new_refuses_to_start_from_an_incomplete_report(started: Path) -> None:
    result = run("new", str(started.parent / "ctoc-cop-2020-tip"), "--from", str(started))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "/reporting_period/end" in result.stderr and "/session/start" in result.stderr
    assert not (started.parent / "ctoc-cop-2020-tip").exists()


def test_new_carries_structure_and_leaves_metadata_unset(started: Path) -> None:
    report = load(started / "report.json")
    assert report["session"] == {"number": 9, "venue": None, "start": None, "end": None}
    assert report["previous_session"] == {"number": 8, "venue": "Vienna", "start": "2016-10-17", "end": "2016-10-21"}
    assert report["reporting_period"] == {"start": "2016-05", "end": None}
    assert report["symbol"] is None and report["job_number"] is None and report["date"] is None
    assert load(started / "activities.json")["activities"] == []
    figures = load(started / "figures.json")["figures"]
    assert all(f["value"] is None and f["as_of"] is None for f in figures)
    blocks = load(started / "content.json")["blocks"]
    assert sum("heading" in b for b in blocks) == 18 and sum("heading" not in b for b in blocks) == 7
    items = next(b for b in blocks if b.get("id") == "intro-key-achievements")["items"]
    assert [("gap(" in item) for item in items] == [False, False, False, False, True, False]
    assert "Regional agreements continued" in items[4] and "2015–2020" not in items[4]


def test_new_writes_the_records_in_the_layout_intake_and_review_keep(started: Path, tmp_path: Path) -> None:
    # one layout for every writer, so that the first intake or review --apply leaves a small diff
    for path in sorted(started.glob("*.json")):
        text = path.read_text(encoding="utf-8")
        assert text == dumps(json.loads(text)) + "\n", path.name
    dump_record_file(tmp_path / "figures.json", {"figures": [{"id": "a", "parts": ["b", "c"]}]})
    assert (tmp_path / "figures.json").read_text(encoding="utf-8") == (
        '{\n  "figures": [\n    {\n      "id": "a",\n      "parts": ["b", "c"]\n    }\n  ]\n}\n')


@pytest.mark.office
def test_an_incomplete_report_still_drafts_with_visible_gaps(started: Path, tmp_path: Path) -> None:
    out = tmp_path / "gaps.docx"
    result = run("draft", str(started), "-o", str(out))
    assert result.returncode == 1 and out.exists(), result.stderr
    text = to_text(out, tmp_path / "office")
    assert "[symbol not set]" in text and "[date not set]" in text and "Ninth session" in text
    assert "a total of [figure parties-total value not set] parties" in text
    assert "Since the eighth session of the Conference of the Parties, in October 2016," in text
    document = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    for gap in ("[symbol not set]", "[date not set]", "[figure parties-total value not set]"):
        run_xml = document[document.rindex("<w:r>", 0, document.index(gap)):document.index(gap)]
        assert 'w:rStyle w:val="UNStrong"' in run_xml, gap  # every gap prints in bold
    checked = run("check", str(started), "--format", "json")
    codes = {(f["code"], f["pointer"]) for f in json.loads(checked.stdout)["findings"]}
    assert ("metadata-unset", "/symbol") in codes and ("metadata-unset", "/job_number") in codes
    assert ("figure-unset", "/figures/0") in codes and ("figure-unset", "/figures/0/value") not in codes
    assert ("section-empty", "/blocks/7") in codes and ("text-unreviewed", "/blocks/1/reviewed") in codes
    assert "Technical assistance [section to be written]" in text
    assert ("text-unset", "/blocks/3/items/4") in codes
    assert "(e) [new text for the sub-paragraph that said: Regional agreements continued to be developed, …];" in text


@pytest.mark.office
def test_the_filled_next_report_drafts_like_the_series(started: Path, tmp_path: Path) -> None:
    fill(started)
    checked = run("check", str(started), "--format", "json")
    findings = json.loads(checked.stdout)["findings"]
    assert [f for f in findings if f["severity"] == "error"] == [], checked.stdout
    out = tmp_path / "next.docx"
    assert run("draft", str(started), "-o", str(out)).returncode == 0
    lines = [line.strip() for line in to_text(out, tmp_path / "office").splitlines() if line.strip()]
    assert lines[:9] == ["United Nations", "CTOC/COP/2018/2", lines[2], "Distr.: General", "14 June 2018",
                         "Original: English", "Ninth session", "Vienna, 15–19 October 2018",
                         "Item 2 (b) of the provisional agenda*"]
    assert ("2. The Trafficking in Persons Protocol has a total of 171 parties. Since the eighth session of the "
            "Conference of the Parties, in October 2016, Bhutan and the Congo have become parties to the Protocol."
            ) in lines
    assert "(f) Some 189 case briefs were added to the case law database, which now provides details and analyses " \
           "of 1,500 trafficking-in-persons cases from 101 jurisdictions." in lines
    assert ("6. In a synthetic test activity, UNODC held a workshop from 6 to 8 March 2017 for officials of Bhutan "
            "and Nepal.") in lines
    numbers = [int(m.group(1)) for line in lines if (m := re.match(r"(\d+)\. [A-Z].*[.:]$", line))]
    assert numbers == list(range(1, 9))


@pytest.mark.parametrize(("figure", "value", "code"), [
    ("case-briefs-added", 230, "change-mismatch"),
    ("parties-total", 172, "parties-continuity-mismatch"),
])
def test_cross_report_inconsistency_is_found(started: Path, figure: str, value: int, code: str) -> None:
    fill(started)
    figures = load(started / "figures.json")
    next(f for f in figures["figures"] if f["id"] == figure)["value"] = value
    save(started / "figures.json", figures)
    checked = run("check", str(started), "--format", "json")
    assert checked.returncode == 1
    assert code in {f["code"] for f in json.loads(checked.stdout)["findings"]}
