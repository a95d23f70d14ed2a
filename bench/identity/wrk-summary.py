"""Summarises wrk --latency outputs of one bench run: req/s, p99 and CPU time per request of each,
then the ratio and p99 difference of the first run against the last (the baseline).

Usage: python3 wrk-summary.py <clock ticks/s> <min ratio> <max p99 difference ms> <label>=<file>...
Each file holds wrk's output followed by a line "cpu-ticks <process 1> <process 2>" and is named
with its label; the two processes are named by PROCESS_NAMES (default "gateway,backend").
"""
import os
import re
import sys

UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def read_run(path, tick_us, names):
    text = open(path).read()
    problems = [line.strip() for line in text.splitlines() if "Non-2xx" in line or "Socket errors" in line]
    if problems:
        print(f"WARNING {path}: {'; '.join(problems)}")
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    p99_value, p99_unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
    ticks = [int(tick) for tick in re.search(r"cpu-ticks ([\d ]+)", text).group(1).split()]
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "p99": float(p99_value) * UNIT_MS[p99_unit],
        "cpu": ", ".join(f"{name} {tick * tick_us / requests:5.0f} us" for name, tick in zip(names, ticks)),
    }


def main(args):
    tick_us = 1e6 / int(args[0])
    min_ratio, max_extra = float(args[1]), float(args[2])
    names = os.environ.get("PROCESS_NAMES", "gateway,backend").split(",")
    runs = [(label, read_run(path, tick_us, names)) for label, path in (arg.split("=", 1) for arg in args[3:])]
    width = max(len(label) for label, _ in runs)
    print()
    for label, run in runs:
        print(f"{label:<{width}} {run['rps']:9.0f} req/s, p99 {run['p99']:7.2f} ms; CPU per request: {run['cpu']}")
    (first_label, first), (last_label, last) = runs[0], runs[-1]
    ratio, extra = first["rps"] / last["rps"], first["p99"] - last["p99"]
    print(f"throughput ratio {first_label}/{last_label} {ratio:.2f} "
          f"(target >= {min_ratio}: {'met' if ratio >= min_ratio else 'NOT met'})")
    print(f"p99 difference {extra:+.2f} ms (target <= {max_extra:g} ms: {'met' if extra <= max_extra else 'NOT met'})")


if __name__ == "__main__":
    main(sys.argv[1:])
