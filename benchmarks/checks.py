"""Benchmark ``secretariat check`` on 100,000 and 1,000,000 synthetic activity records.

Usage: PYTHONPATH=src python3 benchmarks/checks.py [--runs N] [--records N] [--big-records N] [--detail]
       [--profile] [--locate]
Prints the whole-process targets (time of ``secretariat check``, peak memory, and how time grows with ten
times the records); ``--detail`` adds records/s of each schema engine and the time of each phase and check
in process, ``--profile`` a profile of load_report + run_checks.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import pstats
import shutil
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from measure import SECRETARIAT, child_env, limit, paired, ratio
from synthetic_activities import write_folder

from secretariat.checks import discover, run_checks
from secretariat.checks.context import CheckContext
from secretariat.records import load_report
from secretariat.records.folder import control_character_problems
from secretariat.records.jsonfile import JsonFile, read_json
from secretariat.records.schemas import SCHEMA_BASE, default_store

ACTIVITIES = SCHEMA_BASE + "activities.schema.json"


def median_time(action: Callable[[], object], runs: int) -> float:
    """Return the median wall time of an action over several runs."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def check_all(folder: Path) -> int:
    """Load and validate the folder and run every check; return the number of findings."""
    return len(run_checks(load_report(folder)).findings)


def no_gc(folder: Path) -> int:
    """Run check_all with the cyclic garbage collector disabled (to show what collections cost)."""
    gc.disable()
    found = check_all(folder)
    gc.enable()
    return found


def schema_rates(loaded: JsonFile, records: int, runs: int) -> None:
    """Print records/second of jsonschema-rs on every record and of jsonschema on a 10,000 sample."""
    store = default_store()
    sample = {"activities": loaded.data["activities"][:10_000]}
    fast, slow = store.fast.validator(ACTIVITIES), store.validator(ACTIVITIES)
    if fast is None or not fast.is_valid(loaded.data) or next(slow.iter_errors(sample), None) is not None:
        raise SystemExit(f"the synthetic records are not valid: {store.fast.errors}")
    rs = median_time(lambda: fast.is_valid(loaded.data), runs)
    py = median_time(lambda: next(slow.iter_errors(sample), None), max(1, runs // 2))
    print(f"schema validation, {records:,} activity records: jsonschema-rs is_valid {rs:.3f} s "
          f"({records / rs:,.0f} records/s); jsonschema reused validator on 10,000: {py:.3f} s "
          f"({10_000 / py:,.0f} records/s, {records / (10_000 / py):.1f} s extrapolated)")


def report(folder: Path, records: int, runs: int, locate: bool) -> None:
    """Measure and print every number."""
    loaded = read_json(folder / "activities.json", "activities.json")
    if not isinstance(loaded, JsonFile):
        raise SystemExit(str(loaded))
    schema_rates(loaded, records, runs)
    phases = {
        "read_json (json.loads) activities.json": lambda: read_json(folder / "activities.json", "a"),
        "SchemaStore.check activities.json": lambda: default_store().check(loaded),
        "control_character_problems activities.json": lambda: control_character_problems(loaded),
        "load_report (all files)": lambda: load_report(folder),
    }
    for name, action in phases.items():
        print(f"  {name}: {median_time(action, runs):.3f} s")
    loaded_records = load_report(folder)
    for plugin in discover():
        seconds = median_time(lambda p=plugin: list(p.run(CheckContext(loaded_records, check=p.name))), runs)
        print(f"  check plugin {plugin.name}: {seconds:.3f} s")
    findings = Counter(f.code for f in run_checks(loaded_records).findings)
    total, quiet = median_time(lambda: check_all(folder), runs), median_time(lambda: no_gc(folder), runs)
    print(f"load_report + run_checks (all {len(discover())} checks), in process: median {total:.3f} s "
          f"({quiet:.3f} s with the garbage collector off) over {runs} runs; findings: {dict(findings)}")
    if locate:
        fresh = JsonFile(loaded.path, loaded.display, loaded.text + "\n", loaded.data)  # not in any cache
        seconds = median_time(lambda: fresh.locate(f"/activities/{records - 1}/dates"), 1)
        print(f"  line:col of the first finding in activities.json: {seconds:.3f} s")


def checked(command: list[str]) -> None:
    """Stop unless the command checked the records (a refused file would be timed as a quick failure)."""
    done = subprocess.run(command, capture_output=True, text=True, env=child_env(), check=False)
    refused = [f["message"] for f in json.loads(done.stdout)["findings"] if f["code"] == "invalid-record"]
    if refused:
        raise SystemExit(f"the records were refused, not checked: {refused[0]}")


def targets(folder: Path, records: int, runs: int, big: int, big_runs: int) -> None:
    """Time ``secretariat check`` as a whole process on both sizes; print each target."""
    command = [*SECRETARIAT, "check", str(folder), "--format", "json"]
    checked(command)
    small = paired({"check": command}, runs, accept=(0, 1))["check"]
    print(f"checks: secretariat check, whole process, medians of {runs} runs")
    limit(f"check of {records:,} activities", small.seconds, 2.0, "s", f"cpu {small.cpu:.3f} s, peak {small.mib:,} MiB")
    if not big:
        return
    shutil.rmtree(folder)
    write_folder(folder, big)
    # 1,000,000 activities are some 850 MiB of JSON, above the default limit of a record file's size
    os.environ["SECRETARIAT_MAX_FILE_BYTES"] = "2G"
    checked(command)
    large = paired({"check": command}, big_runs, accept=(0, 1), warm_up=False)["check"]
    limit(f"check of {big:,} activities", large.seconds, 20.0, "s", f"cpu {large.cpu:.3f} s")
    limit(f"check of {big:,} activities, peak memory", large.mib, 1536, "MiB")
    growth = big / records
    ratio(f"linear: {growth:g}x the records", (f"{big:,}", large.seconds), (f"{records:,}", small.seconds),
          growth * 1.1, (large.cpu, small.cpu))


def main(argv: list[str] | None = None) -> None:
    """Build the synthetic folder, then measure and print."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--big-records", type=int, default=1_000_000, help="0 leaves the large run out")
    parser.add_argument("--big-runs", type=int, default=1)
    parser.add_argument("--detail", action="store_true", help="also time each phase and check in process")
    parser.add_argument("--profile", action="store_true", help="print a profile of load_report + run_checks")
    parser.add_argument("--locate", action="store_true", help="with --detail, time line:col of a finding (slow)")
    args = parser.parse_args(argv)
    runs = min(args.runs, 5)
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_folder(Path(tmp) / "synthetic", args.records)
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(check_all, folder)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
            return
        if args.detail:
            size = (folder / "activities.json").stat().st_size / 2**20
            print(f"synthetic folder: {args.records:,} activity records, activities.json {size:.1f} MiB")
            report(folder, args.records, runs, args.locate)
        targets(folder, args.records, runs, args.big_records, args.big_runs)


if __name__ == "__main__":
    main()
