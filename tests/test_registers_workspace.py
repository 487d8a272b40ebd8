"""The workspace's registers: found, used over the packaged ones, named by findings, kept current by commands."""

from __future__ import annotations

import csv
import json
import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from secretariat.cli import main
from secretariat.errors import UsageError
from secretariat.registers.place import ENVIRONMENT, find_registers
from secretariat.registers.untc import read_table, read_table_file
from secretariat.resources import data_path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "drafts" / "ctoc-cop-2016-tip"
# A copy of ../shared/data/treaties/tip-protocol-untc-2014-01-27.csv, so the test runs from any checkout.
UNTC = ROOT / "tests" / "data" / "treaties" / "tip-protocol-untc-2014-01-27.csv"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a workspace holding drafts/ctoc-cop-2016-tip, with the current folder set to it."""
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    shutil.copytree(EXAMPLE, tmp_path / "drafts" / "ctoc-cop-2016-tip", ignore=shutil.ignore_patterns("build"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def register(workspace: Path, name: str = "tip-protocol") -> Any:
    return json.loads((workspace / "registers" / f"{name}.json").read_text(encoding="utf-8"))


def participant(data: Any, code: str) -> Any:
    return next(p for p in data["participants"] if p["code"] == code)


def test_the_option_then_the_variable_then_a_folder_upward_then_the_package(workspace: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    report = workspace / "drafts" / "ctoc-cop-2016-tip"
    assert find_registers(report).folder is None
    assert find_registers(report).file("tip-protocol.json") == data_path("registers/tip-protocol.json")
    (workspace / "registers").mkdir()
    assert find_registers(report) .folder == workspace / "registers"
    assert find_registers(report).chosen_by == "workspace"
    elsewhere = workspace / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setenv(ENVIRONMENT, str(elsewhere))
    assert find_registers(report).folder == elsewhere
    assert find_registers(report, workspace / "registers").chosen_by == "option"
    monkeypatch.setenv(ENVIRONMENT, str(workspace / "missing"))
    with pytest.raises(UsageError, match="SECRETARIAT_REGISTERS names .*missing, which is not a folder"):
        find_registers(report)
    monkeypatch.delenv(ENVIRONMENT)
    with pytest.raises(UsageError, match="--registers names"):
        find_registers(report, workspace / "missing")


def test_check_uses_the_workspace_register_and_names_it(workspace: Path) -> None:
    report = "drafts/ctoc-cop-2016-tip"
    before = json.loads(cli("check", report, "--format", "json").output)
    packaged = {f["register"] for f in before["findings"] if f["register"]}
    assert packaged == {str(data_path("registers/tip-protocol.json").resolve())}
    assert cli("registers", "add-party", "tip-protocol", "Eritrea", "--consent", "2014-09-25", "--type", "accession",
               "--source", "UNTC depositary notification").exit_code == 0
    after = json.loads(cli("check", report, "--format", "json").output)
    workspace_file = str((workspace / "registers" / "tip-protocol.json").resolve())
    counts = [f for f in after["findings"] if f["code"].startswith("party-count")]
    # with Eritrea entered, the register holds the 169 parties the report states: no warning is left
    assert counts == []
    uses = {f["register"] for f in after["findings"] if f["register"]}
    assert uses == {workspace_file}
    text = cli("check", report).output
    assert "[register: registers/tip-protocol.json]" in text
    sarif = json.loads(cli("check", report, "--format", "sarif").output)
    related = [r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]
               for r in sarif["runs"][0]["results"] if "relatedLocations" in r]
    assert related and set(related) == {"registers/tip-protocol.json"}


def test_check_refuses_a_registers_option_that_names_nothing(workspace: Path) -> None:
    result = cli("check", "drafts/ctoc-cop-2016-tip", "--registers", "nowhere")
    assert result.exit_code == 2
    assert "--registers names nowhere, which is not a folder" in result.output


def test_add_party_records_the_event_with_its_source_and_keeps_a_period_a_period(workspace: Path) -> None:
    result = cli("registers", "add-party", "tip-protocol", "FJI", "--consent", "2017-09", "--source",
                 "UNTC status page, 1 October 2017")
    assert result.exit_code == 0, result.output
    assert f"started {workspace / 'registers' / 'tip-protocol.json'} from the packaged copy" in result.output
    assert "Fiji: ratification, a date from 1 September 2017 to 30 September 2017 (2017-09)" in result.output
    data = register(workspace)
    fiji = participant(data, "FJI")
    assert fiji["consent"] == {"between": ["2017-09-01", "2017-09-30"], "as_stated": "2017-09",
                               "type": "ratification"}
    assert fiji["confidence"] == "medium"
    assert data["sources"][fiji["source"]]["citation"] == "UNTC status page, 1 October 2017"
    names = [p["name"].lower() for p in data["participants"]]
    assert names == sorted(names)
    again = cli("registers", "add-party", "tip-protocol", "Fiji", "--consent", "2017-09", "--source",
                "UNTC status page, 1 October 2017")
    assert again.exit_code == 0 and "no change" in again.output
    refused = cli("registers", "add-party", "tip-protocol", "ALB", "--consent", "2003-01-01", "--source", "x")
    assert refused.exit_code == 2
    assert "Albania is already a party in the register (ratification, 21 August 2002); --replace" in refused.output
    unknown = cli("registers", "add-party", "tip-protocol", "Fidji", "--consent", "2017-09-01", "--source", "x")
    assert unknown.exit_code == 2
    assert "expected a State as a three-letter ISO code such as FJI, or its name ('Fiji' is FJI), found 'Fidji'" \
        in unknown.output


def test_add_session_then_check_confirms_the_next_session(workspace: Path) -> None:
    result = cli("registers", "add-session", "9", "--venue", "Vienna", "--start", "2018-10-15", "--end",
                 "2018-10-19", "--source", "UNIS media advisory")
    assert result.exit_code == 0, result.output
    assert "session 9: Vienna, 2018-10-15 to 2018-10-19" in result.output
    sessions = register(workspace, "cop-sessions")["sessions"]
    assert [s["number"] for s in sessions] == [4, 6, 7, 8, 9]
    clash = cli("registers", "add-session", "9", "--venue", "Doha", "--start", "2018-10-15", "--end",
                "2018-10-19", "--source", "x")
    assert clash.exit_code == 2 and "--replace changes it" in clash.output
    bad = cli("registers", "add-session", "10", "--venue", "Vienna", "--start", "15/10/2020", "--end",
              "2020-10-19", "--source", "x")
    assert bad.exit_code == 2 and "--start: expected a date such as 12 Dec 2000" in bad.output


def _table_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _untc_day(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {day:%b %Y}"


def _table_of_the_register() -> list[list[str]]:
    """Return the packaged register as the Treaty Collection prints it, a period's last day as the exact date."""
    marker = {"ratification": "", "accession": " a", "acceptance": " A", "approval": " AA", "succession": " d"}
    rows = [["Participant", "Signature", "Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)"]]
    for p in json.loads(data_path("registers/tip-protocol.json").read_text(encoding="utf-8"))["participants"]:
        consent = p["consent"]
        day = "" if consent is None else _untc_day(consent.get("date") or consent["between"][1])
        name = {"KNA": "St. Kitts and Nevis", "VCT": "St. Vincent and the Grenadines"}.get(p["code"], p["name"])
        rows.append([name, _untc_day(p["signature"]) if p["signature"] else "",
                     day + (marker[consent["type"]] if consent else "")])
    return rows


def test_import_reports_who_joined_changed_or_is_no_longer_listed(workspace: Path) -> None:
    rows = [r for r in _table_of_the_register() if r[0] != "Albania"]  # a party since 2002: no longer listed
    rows = [[*r[:2], "12 Nov 2014"] if r[0] == "Barbados" else r for r in rows]  # a period made exact
    rows += [["Bhutan", "", "Mar 2017 a"], ["Congo", "14 Dec 2000", "1 Sep 2017"]]
    table = workspace / "untc.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    result = cli("registers", "import", "tip-protocol", str(table), "--as-of", "2018-07-01")
    assert result.exit_code == 0, result.output
    assert "joined (2):\n    Bhutan: accession, a date from 1 March 2017 to 31 March 2017 (Mar 2017)\n" \
           "    Congo: ratification, 1 September 2017\n" in result.output
    assert "    Barbados: consent from ratification, a date from 11 October 2014 to 14 June 2016 " \
           "(after Oct 2014 (date not verified)) to ratification, 12 November 2014\n" in result.output
    assert "changed (7):" in result.output  # the six of paragraph 2 and Sierra Leone: periods made exact
    assert "no longer listed (1):\n    Albania:" in result.output
    data = register(workspace)
    assert participant(data, "ALB")["consent"]["date"] == "2002-08-21"  # kept as it was
    assert participant(data, "BTN")["consent"]["between"] == ["2017-03-01", "2017-03-31"]
    assert data["sources"]["untc-2018-07-01"]["as_of"] == "2018-07-01"
    again = cli("registers", "import", "tip-protocol", str(table), "--as-of", "2018-07-01")
    assert "joined (" not in again.output and "changed (" not in again.output


def test_import_of_an_unreadable_table_lists_every_bad_row_and_writes_nothing(workspace: Path) -> None:
    table = workspace / "untc.txt"
    table.write_text("Participant\tSignature\tRatification\nNarnia\t\t1 Jan 2017\nFiji\t\t31 Feb 2017\n"
                     "Freedonia\t\t\n", encoding="utf-8")
    result = cli("registers", "import", "tip-protocol", str(table), "--as-of", "2018-07-01")
    assert result.exit_code == 1
    assert f"{table}: 3 row(s) cannot be read; nothing was imported" in result.output
    assert f"{table}:2: expected a State's name as the United Nations writes it, found 'Narnia'" in result.output
    assert f"{table}:3: Fiji: expected a real date such as 2017-09-15 or 15 Sep 2017 (2017-09 or 2017 when only " \
           "the month or year is known), found '31 Feb 2017' (invalid date '2017-02-31': day is out of range for " \
           "month)" in result.output
    assert not (workspace / "registers").exists()


def test_the_page_the_copied_text_and_the_csv_give_the_same_rows(tmp_path: Path) -> None:
    rows = _table_rows(UNTC)
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>\n" for r in rows[1:])
    page = (f"<html><body><p>STATUS AS AT : 27-01-2014 05:00:11 EDT</p><table><tr><th>{rows[0][0]}</th>"
            f"<th>{rows[0][1]}</th><th>{rows[0][2]}</th></tr>\n{cells}</table></body></html>")
    page = page.replace("<td>Belgium</td>", "<td>Belgium<sup>3</sup></td>")
    text = "\n".join("\t".join(r) for r in rows)
    from_csv = read_table_file(UNTC)
    from_page = read_table(tmp_path / "status.html", page)
    from_text = read_table(tmp_path / "copied.txt", text)
    assert from_page.status_as_at is not None and from_page.status_as_at.isoformat() == "2014-01-27"
    for table in (from_page, from_text):
        assert table.problems == ()
        assert [(r.code, r.signature, r.consent, r.consent_type) for r in table.rows] == \
               [(r.code, r.signature, r.consent, r.consent_type) for r in from_csv.rows]
    assert len(from_csv.rows) == 167
    assert {r.code for r in from_csv.rows} >= {"EUR", "KNA", "VCT"}


def test_new_leaves_register_snapshots_behind_unless_asked_and_follows_the_umask(workspace: Path) -> None:
    old = workspace / "drafts" / "ctoc-cop-2016-tip"
    shutil.copy(data_path("registers/tip-protocol.json"), old / "tip-protocol.register.json")
    previous = os.umask(0o022)
    try:
        result = cli("new", "drafts/next", "--from", str(old))
    finally:
        os.umask(previous)
    assert result.exit_code == 0, result.output
    assert not (workspace / "drafts" / "next" / "tip-protocol.register.json").exists()
    assert "not carried: the previous report's own register copies (tip-protocol.register.json)" in result.output
    assert (workspace / "drafts" / "next").stat().st_mode & 0o777 == 0o755
    kept = cli("new", "drafts/kept", "--from", str(old), "--keep-register-snapshots")
    assert kept.exit_code == 0
    assert (workspace / "drafts" / "kept" / "tip-protocol.register.json").is_file()


def test_a_register_is_written_by_the_one_safe_writer(workspace: Path) -> None:
    (workspace / "registers").mkdir()
    mine = workspace / "registers" / "cop-sessions.json"
    mine.write_text("{}", encoding="utf-8")  # not a register: said so, never edited
    broken = cli("registers", "add-session", "9", "--venue", "Vienna", "--start", "2018-10-15", "--end",
                 "2018-10-19", "--source", "x")
    assert broken.exit_code == 1
    assert broken.output == f"error: {mine}: expected an object with a body and a list of sessions\n"
    elsewhere = workspace / "elsewhere.json"
    shutil.copy(data_path("registers") / "cop-sessions.json", elsewhere)
    mine.unlink()
    mine.symlink_to(elsewhere)
    linked = cli("registers", "add-session", "9", "--venue", "Vienna", "--start", "2018-10-15", "--end",
                 "2018-10-19", "--source", "x")
    assert linked.exit_code == 1, linked.output
    assert "secretariat never writes through a link" in linked.output
    assert elsewhere.read_bytes() == (data_path("registers") / "cop-sessions.json").read_bytes()
    mine.unlink()
    assert cli("registers", "add-session", "9", "--venue", "Vienna", "--start", "2018-10-15", "--end",
               "2018-10-19", "--source", "x").exit_code == 0
    os.chmod(mine, 0o640)
    assert cli("registers", "add-session", "10", "--venue", "Vienna", "--start", "2020-10-12", "--end",
               "2020-10-16", "--source", "x").exit_code == 0
    assert mine.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in (workspace / "registers").iterdir()] == ["cop-sessions.json"]  # no staging left


@pytest.mark.parametrize(("args", "message"), [
    (("add-party", "tip-protocl", "FJI", "--consent", "2017-09", "--source", "x"),
     "error: expected one of the registers (cop-sessions, tip-protocol), found no register tip-protocl.json in the "
     "packaged registers ({packaged}); no registers/ folder found"),
    (("add-party", "tip-protocol", "FJI", "--consent", "2017-13", "--source", "x"),
     "error: --consent: expected a real date such as 2017-09-15 or 15 Sep 2017 (2017-09 or 2017 when only the "
     "month or year is known), found '2017-13' (invalid date '2017-13': month must be in 1..12)"),
    (("add-party", "tip-protocol", "fji", "--consent", "2017-09-01", "--type", "accesion", "--source", "x"),
     "error: expected --type to be one of ratification, accession, acceptance, approval, succession, found "
     "'accesion'"),
    (("add-session", "9", "--venue", "Vienna", "--start", "2018-10-19", "--end", "2018-10-15", "--source", "x"),
     "error: expected --start on or before --end, found 2018-10-19 after 2018-10-15"),
])
def test_register_command_messages_say_what_was_expected(workspace: Path, args: tuple[str, ...],
                                                         message: str) -> None:
    result = cli("registers", *args)
    assert result.exit_code == 2
    assert result.output == message.format(packaged=data_path("registers")) + "\n"
    assert not (workspace / "registers").exists()
