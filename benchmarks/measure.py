"""Measure whole processes and print each target beside its reference, for every benchmark part.

A part (``benchmarks/<part>.py``) times commands with ``paired`` (its command and the reference's run in
turn, so a busy machine slows both alike) and prints each result with ``ratio`` or ``limit``: one line per
target, saying the measured value, the reference, the ratio and whether the target is met.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _secretariat() -> list[str]:
    """Return the command as a user runs it: the installed script of this Python's environment, else -m."""
    script = Path(sys.executable).with_name("secretariat")
    try:
        shebang = script.read_text(encoding="utf-8").splitlines()[0]
    except (OSError, IndexError, UnicodeDecodeError):
        return [sys.executable, "-m", "secretariat"]
    # only the script of this very environment measures the code under test (not another installation's)
    ours = shebang.startswith("#!") and Path(shebang[2:].strip()).parent.resolve() == script.parent.resolve()
    return [str(script)] if ours else [sys.executable, "-m", "secretariat"]


SECRETARIAT = _secretariat()


@dataclass(frozen=True)
class Sample:
    """The median wall time and median peak resident memory of a command's runs."""

    seconds: float
    mib: int
    cpu: float = 0.0  # user + system seconds: on a busy machine a steadier measure than the wall clock


def compile_sources() -> None:
    """Byte-compile this checkout's sources, as ``pip install`` does, so no run pays for compiling them.

    With PYTHONDONTWRITEBYTECODE set (some shells and sandboxes set it) a source checkout would otherwise be
    compiled anew by every process: about half of a small draft's time, which no installed copy pays.
    """
    compileall.compile_dir(ROOT / "src", quiet=1)


def child_env() -> dict[str, str]:
    """Return the environment of measured processes: this checkout's sources first on the path."""
    paths = [str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}


def run_once(command: list[str], accept: tuple[int, ...] = (0,)) -> tuple[float, int]:
    """Run a command; return its wall seconds and its own peak resident MiB (wait4, not this process's)."""
    elapsed, mib, _ = _measured(command, accept)
    return elapsed, mib


def _measured(command: list[str], accept: tuple[int, ...]) -> tuple[float, int, float]:
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=child_env())
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in accept:
            errors.seek(0)
            raise SystemExit(f"exit code {code}: {' '.join(command)}\n{errors.read().decode(errors='replace')}")
    return elapsed, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def paired(commands: dict[str, list[str]], runs: int, accept: tuple[int, ...] = (0,),
           warm_up: bool = True) -> dict[str, Sample]:
    """Run the commands in turn ``runs`` times (after a warm-up round, to fill the disk cache); return medians."""
    compile_sources()
    for command in commands.values() if warm_up else ():
        run_once(command, accept)
    results: dict[str, list[tuple[float, int, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(_measured(command, accept))
    return {
        name: Sample(statistics.median(r[0] for r in rows), int(statistics.median(r[1] for r in rows)),
                     statistics.median(r[2] for r in rows))
        for name, rows in results.items()
    }


def _verdict(met: bool) -> str:
    return "ok" if met else "MISSED"


def ratio(target: str, ours: tuple[str, float], reference: tuple[str, float], at_most: float,
          cpu: tuple[float, float] | None = None) -> bool:
    """Print ours beside the reference with their ratio and the target; return whether it is met.

    ``cpu`` (ours, the reference's CPU seconds) adds their CPU-time ratio, the steadier one on a busy machine.
    """
    value = ours[1] / reference[1]
    steady = f", cpu {cpu[0]:.3f} s / {cpu[1]:.3f} s = {cpu[0] / cpu[1]:.2f}" if cpu and cpu[1] > 0 else ""
    print(f"  {target}: {ours[0]} {ours[1]:.3f} s | {reference[0]} {reference[1]:.3f} s | "
          f"ratio {value:.2f}{steady} (target <= {at_most:g}) {_verdict(value <= at_most)}", flush=True)
    return value <= at_most


def limit(target: str, value: float, at_most: float, unit: str, detail: str = "") -> bool:
    """Print a measured value beside its fixed limit; return whether it is met."""
    shown = f"{value:.3f} {unit}" if unit == "s" else f"{value:,.0f} {unit}"
    print(f"  {target}: {shown}{' (' + detail + ')' if detail else ''} | limit {at_most:g} {unit} "
          f"| ratio {value / at_most:.2f} {_verdict(value <= at_most)}", flush=True)
    return value <= at_most
