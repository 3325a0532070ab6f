#!/usr/bin/env python3
"""What recording costs (distest.affected): the same distest run with and without the dependency agent.

Every run here runs every test class: the records are deleted before each recording run, so the only difference
is the agent (project classes rewritten as they load, resource lookups hooked, a record sent per unit). Prints,
side by side, the sum of test-case times from the TEST-*.xml reports and the wall clock of the Maven command,
medians of REPEAT interleaved runs.

  bench/affected.py PROJECT[=extra maven args] ...      e.g.
  bench/affected.py bench/work/trivial "/work/parity-cli=-Drat.skip -Djacoco.skip"

Knobs: REPEAT (3), TX (2*popen), MVN (mvn). Uses the plugin installed in the local repository, and the CLI goal
(distest:test after test-compile), so a project needs no POM change.
"""
import glob
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPEAT = int(os.environ.get("REPEAT", "3"))
TX = os.environ.get("TX", "2*popen")
MVN = os.environ.get("MVN", "mvn")
GOAL = "io.distest:distest-maven-plugin:0.1.0-SNAPSHOT:test"


def case_time_sum(project):
    total = 0.0
    for report in glob.glob(str(Path(project) / "target/surefire-reports/TEST-*.xml")):
        for m in re.finditer(r'<testcase [^>]*time="([0-9.,]+)"', Path(report).read_text(errors="replace")):
            total += float(m.group(1).replace(",", ""))
    return total


def run(project, extra, record, log):
    shutil.rmtree(Path(project) / "target/surefire-reports", ignore_errors=True)
    for records in glob.glob(str(Path(project) / ".distest/affected*.tsv")):
        os.remove(records)
    args = [MVN, "-B", "-o", "-Dstyle.color=never", *extra, "test-compile", GOAL, f"-Ddistest.tx={TX}",
            "-Dmaven.test.failure.ignore=true"] + (["-Ddistest.affected=true"] if record else [])
    start = time.monotonic()
    with open(log, "w") as out:
        code = subprocess.run(args, cwd=project, stdout=out, stderr=subprocess.STDOUT).returncode
    wall = time.monotonic() - start
    if code != 0:
        sys.exit(f"{' '.join(args)} failed in {project}; see {log}")
    return case_time_sum(project), wall


def main():
    logs = Path("/tmp/distest-affected-bench")
    logs.mkdir(exist_ok=True)
    print(f"{'project':28} {'tests s plain':>14} {'tests s rec.':>13} {'+%':>6}   {'wall s plain':>13} {'wall s rec.':>12}"
          f" {'+%':>6}")
    for spec in sys.argv[1:]:
        project, _, extra = spec.partition("=")
        extra = extra.split()
        subprocess.run([MVN, "-B", "-o", "-q", *extra, "test-compile"], cwd=project, check=True)
        plain, recorded = [], []
        for i in range(REPEAT):
            plain.append(run(project, extra, False, logs / f"{Path(project).name}-plain-{i}.log"))
            recorded.append(run(project, extra, True, logs / f"{Path(project).name}-recording-{i}.log"))
        tp, tr = statistics.median(t for t, _ in plain), statistics.median(t for t, _ in recorded)
        wp, wr = statistics.median(w for _, w in plain), statistics.median(w for _, w in recorded)
        print(f"{Path(project).name:28} {tp:>14.2f} {tr:>13.2f} {100 * (tr / tp - 1):>+6.1f}   {wp:>13.1f} {wr:>12.1f}"
              f" {100 * (wr / wp - 1):>+6.1f}", flush=True)


if __name__ == "__main__":
    main()
