#!/usr/bin/env python3
"""Warm start benchmark (issue 27): how soon a worker runs its first test, and what a test costs in a worker.

Uses the projects bench/run.sh generates (bench/work/sleep and bench/work/trivial: run `bench/run.sh --variant
sleep,trivial --repeat 1` once first) and the plugin installed in ~/.m2. Prints, in one run:

  1. per worker of a `4*popen` run of the sleep suite with its history: JVM start-up, the first unit's time
     against what the history expected, the run's `first test ... after JVM start` (for a standby worker: after
     the run handed it over) and the build's wall, with standby workers and class data sharing, with class data
     sharing only (-Ddistest.popen.early=false) and with neither (also `-Xshare:auto` in argLine);
  2. the trivial suite (4,800 tests) under Surefire forkCount=1 and =2 and distest 2*popen without and with a
     history: wall clock of the Maven command, median of REPEAT runs, and the workers distest started;
  3. optionally (WARM_COMMONS_LANG=DIR, a checkout of apache/commons-lang) the sum of test-case times under
     Surefire forkCount=2 and distest 2*popen, from the TEST-*.xml reports;
  4. remote efficiency and first-test latency, 4*popen against 4*ssh on loopback and at 50 ms (bench/remote.sh), on
     the short suite (18 s of tests on 4 workers) and the long one (24 s).

Knobs: REPEAT (3), WARM_TOUCH (set: touch a test source before each build, so that test-compile compiles as after
an edit), WARM_COMMONS_LANG (unset), WARM_COMMONS_LANG_ARGS (more Maven arguments there, e.g.
-Dcommons.surefire.version=3.5.6), WARM_SECTIONS (sleep,trivial,remote: which of sections 1, 2 and 4 run).
Runs are interleaved; times are medians.
"""
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPEAT = int(os.environ.get("REPEAT", "3"))
MVN = ["mvn", "-o", "-B", "-Dstyle.color=never"]


def mvn(project, args, log):
    if os.environ.get("WARM_TOUCH") and (Path(project) / "src/test/java").is_dir():
        for source in sorted((Path(project) / "src/test/java").rglob("*.java"))[:1]:
            source.touch()  # test-compile has work to do, as after an edit
    start = time.monotonic()
    with open(log, "w") as out:
        code = subprocess.run(MVN + ["test"] + args, cwd=project, stdout=out, stderr=subprocess.STDOUT).returncode
    return time.monotonic() - start, code, Path(log).read_text()


def case_time_sum(project):
    total, cases = 0.0, 0
    for report in glob.glob(str(Path(project) / "target/surefire-reports/TEST-*.xml")):
        for m in re.finditer(r'<testcase [^>]*time="([0-9.,]+)"', Path(report).read_text()):
            total += float(m.group(1).replace(",", ""))
            cases += 1
    return total, cases


def first_test_seconds(log):
    m = re.search(r"first test ([0-9.]+) s after JVM start", log)
    return float(m.group(1)) if m else None


def workers_started(log):
    m = re.search(r"distest: [0-9.]+ s wall, [0-9.]+ s of tests on ([0-9]+) worker", log)
    return int(m.group(1)) if m else None


def per_worker(project):
    run = json.loads((Path(project) / "target/distest/run.json").read_text())
    rows = []
    for lane in run["lanes"]:
        jvm = next((b for b in lane["bars"] if b["kind"] == "jvm"), None)
        first = next((b for b in lane["bars"] if b["kind"] == "unit"), None)
        rows.append((lane["id"], jvm["millis"] if jvm else None, first["millis"] if first else None,
                     first["expectedMillis"] if first else None))
    return rows


def sleep_section(logs):
    project = BENCH / "work/sleep"
    if not project.is_dir():
        sys.exit("warm.py: bench/work/sleep is missing: run `bench/run.sh --variant sleep,trivial --repeat 1` first")
    mvn(project, ["-Ddistest.tx=4*popen"], logs / "sleep-prime.log")  # a history, and an archive for this JDK
    time.sleep(5)  # the archive's trainer runs beside the first run at low priority
    print("\n1. sleep suite, 4*popen with history: per worker (ms), then the run's first test (s) and the build's wall")
    print(f"{'configuration':<30} {'worker':<6} {'JVM start-up':>12} {'first unit':>10} {'history':>8} {'+ms':>6}")
    # the configuration with another argLine first: each build keeps its command line for the next one's standby
    # workers, so the standby configuration comes after one with its own command line
    configs = (("neither (-Xshare:auto)", ["-Ddistest.popen.early=false", "-DargLine=-Xshare:auto"]),
               ("class data sharing", ["-Ddistest.popen.early=false"]),
               ("standby + class data sharing", []))
    firsts = {name: [] for name, _ in configs}
    walls = {name: [] for name, _ in configs}
    for i in range(REPEAT):
        for name, args in configs:
            wall, code, log = mvn(project, ["-Ddistest.tx=4*popen"] + args, logs / f"sleep-{i}-{len(args)}.log")
            firsts[name].append(first_test_seconds(log))
            walls[name].append(wall)
            if i == REPEAT - 1:
                for worker, jvm, first, expected in per_worker(project):
                    extra = first - expected if first is not None and expected is not None else None
                    print(f"{name:<30} {worker:<6} {jvm!s:>12} {first!s:>10} {expected!s:>8} {extra!s:>6}")
    for name, values in firsts.items():
        values = [v for v in values if v is not None]
        print(f"{name:<30} first test after the run asked for the worker: median {statistics.median(values):.2f} s"
              f" of {values}; build {statistics.median(walls[name]):.1f} s")


def trivial_section(logs):
    project = BENCH / "work/trivial"
    history = project / ".distest/durations.tsv"
    configs = [("surefire forkCount=1", ["-DforkCount=1"], None),
               ("surefire forkCount=2", ["-DforkCount=2"], None),
               ("distest 2*popen", ["-Ddistest.tx=2*popen", "-Ddistest.history=false"], None),
               ("distest 2*popen +hist", ["-Ddistest.tx=2*popen"], "keep")]
    mvn(project, ["-Ddistest.tx=2*popen"], logs / "trivial-prime.log")
    walls = {name: [] for name, _, _ in configs}
    started = {}
    for i in range(REPEAT):
        for name, args, _ in configs:
            shutil.rmtree(project / "target/surefire-reports", ignore_errors=True)
            wall, code, log = mvn(project, args, logs / f"trivial-{i}-{name.replace(' ', '_')}.log")
            cases = case_time_sum(project)[1]
            if code == 0 and cases >= 4800:
                walls[name].append(wall)
            started[name] = workers_started(log)
    base = statistics.median(walls["surefire forkCount=1"])
    print(f"\n2. trivial suite ({case_time_sum(project)[1]} tests): wall of `mvn test`, median of {REPEAT}")
    print(f"{'configuration':<24} {'wall s':>7} {'vs fork=1':>9} {'workers':>8}  runs")
    for name, _, _ in configs:
        median = statistics.median(walls[name]) if walls[name] else float("nan")
        print(f"{name:<24} {median:7.2f} {median / base:9.2f} {started.get(name)!s:>8}  "
              + " ".join(f"{w:.1f}" for w in walls[name]))


def commons_lang_section(logs, project):
    """Goals as parity.sh runs them: a project's own POM does not take distest in, so its goal is named."""
    print(f"\n3. {project}: sum of test-case times, 2 JVMs each side")
    skips = ["-Drat.skip", "-Djacoco.skip", "-Danimal.sniffer.skip", "-Dcheckstyle.skip", "-Dspotbugs.skip",
             "-Dpmd.skip", "-Djapicmp.skip"] + os.environ.get("WARM_COMMONS_LANG_ARGS", "").split()
    for name, goals in (("surefire forkCount=2", ["surefire:test", "-DforkCount=2"]),
                        ("distest 2*popen", ["io.distest:distest-maven-plugin:0.1.0-SNAPSHOT:test",
                                             "-Ddistest.tx=2*popen", "-Ddistest.minTestSecondsPerWorker=0"])):
        shutil.rmtree(Path(project) / "target/surefire-reports", ignore_errors=True)
        start = time.monotonic()
        with open(logs / f"lang-{name.replace(' ', '_')}.log", "w") as out:
            code = subprocess.run(MVN + ["test-compile"] + goals + skips, cwd=project, stdout=out,
                                  stderr=subprocess.STDOUT).returncode
        wall = time.monotonic() - start
        total, cases = case_time_sum(project)
        print(f"{name:<24} {cases:>7} cases  {total:8.1f} s of test-case time  (build {wall:.0f} s, exit {code})")


def remote_section(logs):
    """remote.sh's table for the short suite (about 4.5 s of tests per worker) and the long one (6 s): efficiency and
    first-test latency of 4*popen against 4*ssh on loopback and through a 50 ms proxy."""
    for label, seconds in (("short", "18"), ("long", "24")):
        table = logs / f"remote-{label}.txt"
        table.unlink(missing_ok=True)
        environment = dict(os.environ, REMOTE_TOTAL_SECONDS=seconds, REMOTE_RTTS="0,50", REMOTE_OUT=str(table),
                           REPEAT=str(REPEAT))
        with open(logs / f"remote-{label}.log", "w") as out:
            subprocess.run([str(BENCH / "remote.sh")], env=environment, stdout=out, stderr=subprocess.STDOUT)
        rows = [line for line in table.read_text().splitlines() if line.startswith(("gateway", "4*"))] \
            if table.exists() else ["remote.sh failed: see " + str(logs / f"remote-{label}.log")]
        print(f"\n4. remote, {label} suite ({seconds} s of tests on 4 workers), median of {REPEAT}")
        print("\n".join(rows))


def main():
    logs = BENCH / "work/logs/warm"
    logs.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()[0]
    print(f"warm start benchmark, REPEAT={REPEAT}, load average {load:.1f} at start (timings mean little above 1)")
    sections = os.environ.get("WARM_SECTIONS", "sleep,trivial,remote").split(",")
    if "sleep" in sections:
        sleep_section(logs)
    if "trivial" in sections:
        trivial_section(logs)
    if os.environ.get("WARM_COMMONS_LANG"):
        commons_lang_section(logs, os.environ["WARM_COMMONS_LANG"])
    if "remote" in sections:
        remote_section(logs)
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end; logs in {logs}")


if __name__ == "__main__":
    main()
