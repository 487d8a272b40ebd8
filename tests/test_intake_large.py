"""A submission of 100,000 rows is taken in as a stream: every row counted, memory well under 500 MiB."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

ROWS = 100_000
RUNNER = "from secretariat.intake.commands import intake; intake()"


def test_a_file_of_100000_rows(example: Path, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "kind", "title", "dates.start", "countries.1", "participants.count",
                      "participants.description", "thematic_area", "paragraph", "narrative"])
        for n in range(ROWS):
            count = "many" if n % 1000 == 999 else f"{n:,}"
            out.writerow([f"row-{n}", "workshop", f"Workshop {n}", "16/11/2015", "Viet Nam", count, "officials",
                          "victim-protection", "strategy-support", "UNODC held a workshop. " * 5])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parents[1] / "src"),
                                                        os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-c", RUNNER, str(path), "--into", str(example), "--format", "json"]
    with (tmp_path / "stderr.txt").open("wb") as errors:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, env=env)
        output = process.stdout.read() if process.stdout is not None else b""
        _, status, usage = os.wait4(process.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 1, (tmp_path / "stderr.txt").read_text()
    assert usage.ru_maxrss // 1024 < 500  # MiB: the rows are streamed, not held
    receipt = json.loads(output)["files"][0]
    assert (receipt["rows_read"], receipt["accepted"], receipt["rejected"]) == (ROWS, ROWS - 100, 100)
    records = json.loads((example / "activities.json").read_text(encoding="utf-8"))["activities"]
    assert len(records) == 108 + ROWS - 100
    rejects = Path(json.loads(output)["rejects"]).read_text(encoding="utf-8").splitlines()
    assert len(rejects) == 1 + 100 and rejects[1].split(",")[3] == "1001"
