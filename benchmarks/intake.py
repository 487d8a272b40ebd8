"""Benchmark intake: a 10,000-row workbook against a bare openpyxl read of it, peak memory for 100,000 rows.

Usage: python benchmarks/intake.py [--runs N] [--rows N] [--big-rows N] [--big-runs N] [--detail]

Each run is a whole ``secretariat intake`` process into a fresh copy of the example report with no activities,
measured with os.wait4 (wall time, ru_maxrss), in turn with a whole process that only reads the same workbook
with openpyxl (read-only, values). ``--detail`` also times the normalization step alone.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

from measure import SECRETARIAT, compile_sources, limit, ratio, run_once
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from secretariat.intake.columns import activities_layout  # noqa: E402
from secretariat.intake.form import country_names  # noqa: E402

EXAMPLE = ROOT / "drafts" / "ctoc-cop-2016-tip"
ON = date(2016, 6, 14)


def row_values(n: int, names: list[str], kinds: tuple[str, ...], areas: tuple[str, ...]) -> dict[str, Any]:
    """Return the cells of synthetic row n, as an office would type them (one row in a hundred is wrong)."""
    start = datetime(2015, 1 + n % 12, 1 + n % 28)
    row: dict[str, Any] = {
        "id": f"office-activity-{n}", "kind": kinds[n % len(kinds)], "title": f"Workshop {n} on trafficking in persons",
        "dates.start": start if n % 3 else f"2015-{1 + n % 12:02d}", "places.1.city": "Vienna",
        "places.1.country": names[n % len(names)], "countries.1": names[(n * 7) % len(names)],
        "countries.2": names[(n * 7 + 1) % len(names)], "partners": "IOM; UNICEF; OSCE",
        "participants.count": f"{1000 + n % 9000:,}", "participants.description": "officials and prosecutors",
        "thematic_area": areas[n % len(areas)], "paragraph": "strategy-support",
        "narrative": f"UNODC held workshop number {n} for criminal justice practitioners. " * 4,
    }
    if n % 100 == 99:
        row["participants.count"] = "about fifty"
    return row


def write_workbook(path: Path, rows: int) -> Path:
    """Write a form-shaped workbook of ``rows`` rows with openpyxl's streaming writer."""
    layout = activities_layout()
    headers = [header for header, _ in layout.form_headers()]
    fields = {f.header: f for f in layout.fields}
    names = country_names(ON)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("activities")
    sheet.append(headers)
    for n in range(rows):
        values = row_values(n, names, fields["kind"].values, fields["thematic_area"].values)
        cells = []
        for header in headers:
            cell = WriteOnlyCell(sheet, values.get(header))
            if isinstance(cell.value, datetime):
                cell.number_format = "DD/MM/YYYY"
            cells.append(cell)
        sheet.append(cells)
    book.save(path)
    return path


def empty_report(target: Path) -> Path:
    """Copy the example report with no activities."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("build", "intake"))
    schema = json.loads((target / "activities.json").read_text(encoding="utf-8"))["$schema"]
    (target / "activities.json").write_text(json.dumps({"$schema": schema, "activities": []}), encoding="utf-8")
    return target


def timed_intake(workbook: Path, report: Path) -> tuple[float, int, dict[str, Any]]:
    """Run one intake process; return wall seconds, peak MiB and the receipt."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [*SECRETARIAT, "intake", str(workbook), "--into", str(report), "--format", "json"]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"intake failed: {process.stderr.read().decode() if process.stderr else ''}")
    return elapsed, usage.ru_maxrss // 1024, json.loads(output)


def verify(receipt: dict[str, Any], rows: int, report: Path) -> None:
    """Stop unless every row was counted once and every accepted row reached activities.json."""
    records = json.loads((report / "activities.json").read_text(encoding="utf-8"))["activities"]
    expected = (rows, rows - rows // 100, rows // 100, len(records))
    found = (receipt["rows_read"], receipt["accepted"], receipt["rejected"], receipt["accepted"])
    if found != expected:
        raise SystemExit(f"intake of {rows:,} rows: expected (read, accepted, rejected, written) {expected}, "
                         f"found {found}")


def normalize_rate(rows: int) -> float:
    """Return rows per second of the normalization step alone, in intake's batches."""
    from secretariat.intake.normalize import BATCH, Normalizer
    from secretariat.intake.rows import Row
    from secretariat.registers.countries import country_register

    layout = activities_layout()
    headers = [header for header, _ in layout.form_headers()]
    names = country_names(ON)
    fields = {f.header: f for f in layout.fields}
    data = [row_values(n, names, fields["kind"].values, fields["thematic_area"].values) for n in range(rows)]
    normalizer = Normalizer(layout, headers, country_register(), ON, None)
    start = time.perf_counter()
    for first in range(0, rows, BATCH):
        normalizer.normalize([Row(n, dict(c)) for n, c in enumerate(data[first:first + BATCH], start=first + 2)])
    return rows / (time.perf_counter() - start)


BARE_READ = ("import sys, openpyxl; book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True); "
             "rows = [row for sheet in book for row in sheet.iter_rows(values_only=True)]")


def main(argv: list[str] | None = None) -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--big-rows", type=int, default=100_000)
    parser.add_argument("--big-runs", type=int, default=3)
    parser.add_argument("--detail", action="store_true", help="also time the normalization step alone")
    args = parser.parse_args(argv)
    runs = min(args.runs, 5)
    if args.detail:
        print(f"normalization alone: {normalize_rate(2_000):,.0f} rows/s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        workbook = write_workbook(folder / f"rows-{args.rows}.xlsx", args.rows)
        bare = [sys.executable, "-c", BARE_READ, str(workbook)]
        compile_sources()
        run_once(bare)  # warm the disk cache
        ours, theirs = [], []
        for _ in range(runs):
            seconds, _, output = timed_intake(workbook, empty_report(folder / "report"))
            verify(output["files"][0], args.rows, folder / "report")
            ours.append(seconds)
            theirs.append(run_once(bare)[0])
        print(f"intake: whole process, medians of {runs} paired runs")
        ratio(f"intake of a {args.rows:,}-row workbook vs a bare openpyxl read of it",
              ("intake", statistics.median(ours)), ("openpyxl", statistics.median(theirs)), 1.5)
        workbook = write_workbook(folder / f"rows-{args.big_rows}.xlsx", args.big_rows)
        results = [timed_intake(workbook, empty_report(folder / "report")) for _ in range(args.big_runs)]
        receipt = results[-1][2]["files"][0]
        verify(receipt, args.big_rows, folder / "report")
        limit(f"intake of {args.big_rows:,} rows, peak memory", statistics.median(r[1] for r in results), 200, "MiB",
              f"{receipt['accepted']:,} accepted, {receipt['rejected']:,} rejected, "
              f"{statistics.median(r[0] for r in results):.1f} s")


if __name__ == "__main__":
    main()
