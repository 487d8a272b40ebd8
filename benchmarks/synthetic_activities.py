"""Write a report folder whose activities.json holds N varied, valid, realistic activity records.

The example's own activities come first (the content cites them); the rest are copies of them with
new ids, other countries and, where the activity lies inside the reporting period, other dates in it.
Resolutions and activities marked outside the period keep their dates: those are facts the checks test.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "drafts" / "ctoc-cop-2016-tip"


def _vary_dates(dates: dict[str, str], first: date, last: date, rng: random.Random) -> dict[str, str]:
    start, end = dates["start"], dates["end"]
    if len(start) != len(end) or len(start) == 4:
        return dates
    if len(start) == 7:
        month = first.replace(day=1) + timedelta(days=31 * rng.randrange(18))
        return {"start": month.isoformat()[:7], "end": month.isoformat()[:7]}
    span = (date.fromisoformat(end) - date.fromisoformat(start)).days
    day = first + timedelta(days=rng.randrange((last - first).days - span))
    return {"start": day.isoformat(), "end": (day + timedelta(days=span)).isoformat()}


def write_folder(folder: Path, records: int, seed: int = 2016) -> Path:
    """Copy the example and grow its activities to ``records`` varied, valid, realistic ones."""
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("build"))
    rng = random.Random(seed)
    with (ROOT / "data" / "countries" / "un-country-names.csv").open(encoding="utf-8") as rows:
        codes = [row["iso3"] for row in csv.DictReader(rows)]
    document = json.loads((folder / "activities.json").read_text(encoding="utf-8"))
    base: list[dict[str, Any]] = document["activities"]
    period = json.loads((folder / "report.json").read_text(encoding="utf-8"))["reporting_period"]
    first, last = date.fromisoformat(period["start"] + "-01"), date.fromisoformat(period["end"] + "-28")
    grown = list(base)
    for i in range(records - len(base)):
        activity = dict(base[i % len(base)], id=f"{base[i % len(base)]['id']}-s{i}")
        activity["countries"] = rng.sample(codes, rng.choice((0, 1, 1, 2, 3, 5)))
        dates = activity.get("dates")
        fixed = "outside_period_reason" in activity or "symbol" in activity  # resolutions keep their dates
        if dates and not fixed and dates["start"] >= period["start"] and dates["end"][:7] <= period["end"]:
            activity["dates"] = _vary_dates(dates, first, last, rng)
        grown.append(activity)
    document["activities"] = grown
    (folder / "activities.json").write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    return folder
