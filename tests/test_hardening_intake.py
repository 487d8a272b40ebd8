"""Attacks on intake and workbook (issue 13): hostile returns are reported, the others go in, nothing is lost.

Each run is a subprocess killed after TIMEOUT seconds; no file outside the report changes. FIFOs are made
inside the test's temporary folder only.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from hardening import World, make_world, run

HEADER = "id,kind,title,dates.start,countries.1,partners,participants.count,participants.description," \
         "thematic_area,paragraph,narrative"
ROW = 'csv-{n},Workshop,Workshop number {n},16/11/2015,Kenya,"IOM; UNICEF",12,officials,' \
      "victim-protection,strategy-support,UNODC held a workshop."


@pytest.fixture
def world(tmp_path: Path) -> World:
    return make_world(tmp_path)


def good_csv(path: Path, rows: int = 1, start: int = 0) -> Path:
    path.write_text(HEADER + "\n" + "".join(ROW.format(n=n) + "\n" for n in range(start, start + rows)),
                    encoding="utf-8")
    return path


def csv_with(world: World, cell: str, replacement: str) -> Path:
    """Return a good one-row CSV return with one cell's text replaced (quoted), the world settled."""
    path = good_csv(world.root / "returns.csv")
    text = path.read_text(encoding="utf-8").replace(cell, '"' + replacement.replace('"', '""') + '"')
    path.write_text(text, encoding="utf-8")
    world.settle()
    return path


def intake(world: World, *files: Path, env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess[str],
                                                                                    dict[str, Any]]:
    result = run("intake", *map(str, files), "--into", str(world.report), "--format", "json", env=env)
    return result, json.loads(result.stdout)


def rejects(data: dict[str, Any]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(Path(data["rejects"]).read_text(encoding="utf-8"))))


def records_text(world: World) -> str:
    return (world.report / "activities.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://evil.example","click")', "+1+cmd|' /C calc'!A0",
                                  "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"])
def test_a_formula_in_a_cell_is_reported_and_never_written_back_live(world: World, cell: str) -> None:
    result, data = intake(world, csv_with(world, "Workshop number 0", cell))
    assert result.returncode == 1 and data["files"][0]["rejected"] == 1
    [line] = rejects(data)
    assert line["column"] == "title" and "runs as a formula" in line["expected"]
    assert line["value"] == "'" + cell[:60]  # neutralized: the office opens rejects.csv in a spreadsheet program
    assert cell not in records_text(world) and world.untouched()


@pytest.mark.parametrize("cell", ["IOM; =cmd|' /C calc'!A0", "IOM\n@SUM(1+1)*cmd|' /C calc'!A0",
                                  "IOM;+HYPERLINK(\"http://evil.example\")"])
def test_a_formula_in_an_item_of_a_list_cell_is_reported_and_neutralized(world: World, cell: str) -> None:
    result, data = intake(world, csv_with(world, '"IOM; UNICEF"', cell))
    assert result.returncode == 1 and data["files"][0]["rejected"] == 1
    [line] = rejects(data)
    item = cell.split(";")[-1].split("\n")[-1].strip()
    assert line["column"] == "partners" and f"found an item {item!r} starting with {item[0]!r}" in line["expected"]
    assert "runs as a formula" in line["expected"]
    # every item of the cell that would start a spreadsheet cell is written with an apostrophe before it
    assert line["value"] == cell.replace(item, "'" + item)
    assert item not in records_text(world) and world.untouched()


@pytest.mark.parametrize(("text", "written"), [
    ("IOM;=cmd", "IOM;'=cmd"), ("IOM; =cmd", "IOM; '=cmd"), ("a\n+b\r\n@c", "a\n'+b\r\n'@c"), ("=x", "'=x"),
    ("-5", "-5"), ("IOM; -5; +1.5", "IOM; -5; +1.5"), ("a - b = c", "a - b = c")])
def test_a_csv_cell_is_neutralized_item_by_item(text: str, written: str) -> None:
    from secretariat.intake.rows import neutralized

    assert neutralized(text) == written


def test_rejects_and_receipt_get_the_users_umask(world: World) -> None:
    path = world.root / "returns.csv"
    good_csv(path)
    path.write_text(path.read_text(encoding="utf-8").replace("16/11/2015", "not a date"), encoding="utf-8")
    world.settle()
    old = os.umask(0o002)
    try:
        result, data = intake(world, path)
    finally:
        os.umask(old)
    assert result.returncode == 1 and data["files"][0]["rejected"] == 1
    for written in (data["rejects"], data["receipt"]):
        assert stat.S_IMODE(Path(written).stat().st_mode) == 0o664, written  # as any new file, not 0600
    assert world.untouched()


def test_intake_keeps_the_mode_of_the_records(world: World) -> None:
    (world.report / "activities.json").chmod(0o644)
    path = good_csv(world.root / "returns.csv")
    world.settle()
    result, data = intake(world, path)
    assert result.returncode == 0, result.stdout
    assert stat.S_IMODE((world.report / "activities.json").stat().st_mode) == 0o644
    assert "Workshop number 0" in records_text(world) and world.untouched()


def test_a_fifo_return_is_reported_without_blocking_and_the_others_go_in(world: World) -> None:
    fifo = world.root / "stuck.csv"
    os.mkfifo(fifo)
    good = good_csv(world.root / "good.csv")
    world.settle()
    result, data = intake(world, fifo, good)
    assert result.returncode == 1
    assert "expected a regular file, found a FIFO" in data["files"][0]["error"]
    assert data["files"][1]["accepted"] == 1 and "Workshop number 0" in records_text(world)
    assert world.untouched()


def test_a_deeply_nested_json_return_is_reported_and_the_good_csv_goes_in(world: World) -> None:
    deep = world.root / "deep.json"
    deep.write_text('{"activities": [' + "[" * 100_000 + "]" * 100_000 + "]}", encoding="utf-8")
    good = good_csv(world.root / "good.csv")
    world.settle()
    result, data = intake(world, deep, good)
    assert result.returncode == 1
    assert "expected at most 64 levels" in data["files"][0]["error"] and "deep.json:1:" in data["files"][0]["error"]
    assert data["files"][1]["accepted"] == 1 and world.untouched()


def test_a_json_return_nested_past_the_limit_but_parseable_is_reported(world: World) -> None:
    deep = world.root / "deep.json"
    deep.write_text('{"activities": [{"title": ' + "[" * 500 + "]" * 500 + "}]}", encoding="utf-8")
    world.settle()
    result, data = intake(world, deep)
    assert result.returncode == 1 and "expected at most 64 levels" in data["files"][0]["error"]
    assert world.untouched()


def test_a_csv_of_18279_columns_is_refused(world: World) -> None:
    path = world.root / "wide.csv"
    path.write_text(HEADER + "," + ",".join(f"x{n}" for n in range(18_279)) + "\n" + ROW.format(n=0) + "\n",
                    encoding="utf-8")
    world.settle()
    result, data = intake(world, path)
    assert result.returncode == 1 and "expected at most 1,000 columns" in data["files"][0]["error"]
    assert "SECRETARIAT_MAX_COLUMNS raises the limit" in data["files"][0]["error"] and world.untouched()


def test_a_csv_over_the_size_limit_is_refused_before_reading(world: World) -> None:
    path = good_csv(world.root / "big.csv", rows=50)
    world.settle()
    result, data = intake(world, path, env={"SECRETARIAT_MAX_CSV_BYTES": "1K"})
    assert result.returncode == 1 and "expected at most 1 KiB" in data["files"][0]["error"]
    assert data["files"][0]["rows_read"] == 0 and world.untouched()


def test_rows_past_the_limit_stop_that_return_only(world: World) -> None:
    many = good_csv(world.root / "many.csv", rows=10)
    few = good_csv(world.root / "few.csv", rows=2, start=100)
    world.settle()
    result, data = intake(world, many, few, env={"SECRETARIAT_MAX_ROWS": "5"})
    assert result.returncode == 1 and "expected at most 5 rows" in data["files"][0]["error"]
    assert data["files"][0]["accepted"] == 0 and data["files"][1]["accepted"] == 2
    assert "Workshop number 1\"" not in records_text(world) and "Workshop number 101" in records_text(world)


def test_a_cell_over_the_text_limit_is_rejected(world: World) -> None:
    path = good_csv(world.root / "returns.csv")
    path.write_text(path.read_text(encoding="utf-8").replace("Workshop number 0", "w" * 200), encoding="utf-8")
    result, data = intake(world, path, env={"SECRETARIAT_MAX_TEXT_CHARS": "100"})
    assert result.returncode == 1
    [line] = rejects(data)
    assert line["column"] == "title" and "expected at most 100 characters" in line["expected"]


def _workbook(world: World) -> Path:
    path = world.root / "form.xlsx"
    assert run("workbook", str(world.report), "-o", str(path)).returncode == 0
    return path


@pytest.mark.parametrize(("member", "size", "env", "says"), [
    ("xl/sharedStrings.xml", 64 << 20, {}, "SECRETARIAT_MAX_COMPRESSION_RATIO raises the limit"),
    ("xl/worksheets/sheet1.xml", 3 << 20, {"SECRETARIAT_MAX_MEMBER_BYTES": "2M"},
     "SECRETARIAT_MAX_MEMBER_BYTES raises the limit"),
], ids=["bomb-ratio", "part-size"])
def test_a_zip_bomb_in_a_workbook_is_refused_before_decompressing(world: World, member: str, size: int,
                                                                  env: dict[str, str], says: str) -> None:
    source = _workbook(world)
    bomb = world.root / "bomb.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != member:
                new.writestr(info, old.read(info))
        new.writestr(member, b" " * size)
    good = good_csv(world.root / "good.csv")
    world.settle()
    result, data = intake(world, bomb, good, env=env)
    assert result.returncode == 1
    assert f"part {member}" in data["files"][0]["error"] and says in data["files"][0]["error"]
    assert data["files"][1]["accepted"] == 1 and world.untouched()


def test_a_lone_surrogate_in_the_records_stops_intake_and_leaves_no_folder(world: World) -> None:
    path = world.report / "activities.json"
    before = path.read_text(encoding="utf-8").replace('"title": "', '"title": "bad \\ud800 ', 1)
    path.write_text(before, encoding="utf-8")
    returns = good_csv(world.root / "returns.csv")
    world.settle()
    result = run("intake", str(returns), "--into", str(world.report))
    assert result.returncode == 1 and "U+D800" in result.stderr and "activities.json:" in result.stderr
    assert path.read_text(encoding="utf-8") == before
    assert not (world.report / "intake").exists() or not [p for p in (world.report / "intake").iterdir()
                                                           if p.name != ".lock"]
    assert world.untouched()


def test_a_duplicate_key_in_the_records_stops_intake_and_erases_nothing(world: World) -> None:
    path = world.report / "activities.json"
    before = path.read_text(encoding="utf-8").replace('"title": "', '"title": "first", "title": "', 1)
    path.write_text(before, encoding="utf-8")
    returns = good_csv(world.root / "returns.csv")
    world.settle()
    result = run("intake", str(returns), "--into", str(world.report))
    assert result.returncode == 1 and 'found "title" again' in result.stderr
    assert path.read_text(encoding="utf-8") == before and world.untouched()
