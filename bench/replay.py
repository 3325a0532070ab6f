#!/usr/bin/env python3
"""Replays a project's git history under distest.affected and under Surefire, commit by commit.

For each of the last N first-parent commits (oldest first) of a clone, it checks the commit out and runs:
  full      Surefire's own run of every test class:  mvn test-compile surefire:test
  affected  distest on the same machine:             mvn test-compile distest:test -Ddistest.affected=true
and prints per commit: test classes run (affected / all), test time (sum of the report files' suite times), wall
time, and the classes that failed under Surefire but were not run by distest.affected (must never happen). The
commit before the first one is run once first (not counted), so the first counted commit has records to select with.

  bench/replay.py --repo /path/to/clone --commits 30 --mvn mvn -- -Drat.skip ...

Leaves the clone at its newest commit; its .distest/ records stay (untracked) between commits, as a CI cache would.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

FAILED = re.compile(r"Tests run: .*<<< (?:FAILURE|ERROR)! -- in ([\w.$]+)")


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


def reports(repo):
    """(classes with a report, summed suite seconds) of target/surefire-reports."""
    directory = os.path.join(repo, "target", "surefire-reports")
    classes, seconds = set(), 0.0
    for name in os.listdir(directory) if os.path.isdir(directory) else []:
        if name.startswith("TEST-") and name.endswith(".xml"):
            try:
                suite = ET.parse(os.path.join(directory, name)).getroot()
            except ET.ParseError:
                continue
            classes.add(name[5:-4])
            seconds += float(suite.get("time", "0").replace(",", ""))
    return classes, seconds


def build(repo, mvn, goals, extra, log):
    shutil.rmtree(os.path.join(repo, "target", "surefire-reports"), ignore_errors=True)
    start = time.monotonic()
    with open(log, "w") as out:
        code = subprocess.run([mvn, "-B", *extra, "-Dmaven.test.failure.ignore=true", *goals], cwd=repo,
                              stdout=out, stderr=subprocess.STDOUT).returncode
    wall = time.monotonic() - start
    text = open(log, errors="replace").read()
    return code, wall, text


def top_level(name):
    return name.split("$")[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", required=True)
    parser.add_argument("--commits", type=int, default=30)
    parser.add_argument("--mvn", default="mvn")
    parser.add_argument("--tx", default="2*popen")
    parser.add_argument("--version", default="0.1.0-SNAPSHOT")
    parser.add_argument("--logs", default="/tmp/distest-replay")
    parser.add_argument("extra", nargs="*", help="more Maven arguments (after --)")
    args = parser.parse_args()
    repo = os.path.abspath(args.repo)
    os.makedirs(args.logs, exist_ok=True)
    head = git(repo, "rev-parse", "HEAD").strip()
    commits = git(repo, "rev-list", "--first-parent", f"--max-count={args.commits + 1}", head).split()[::-1]
    distest = ["test-compile", f"io.distest:distest-maven-plugin:{args.version}:test", f"-Ddistest.tx={args.tx}",
               "-Ddistest.affected=true"]
    surefire = ["test-compile", "surefire:test"]
    rows, totals = [], dict(run=0, all=0, test_a=0.0, test_f=0.0, wall_a=0.0, wall_f=0.0, missed=0, differ=0)
    print(f"{'commit':8}  {'subject':38} {'classes run':>13} {'test s (aff/full)':>18} {'wall s (aff/full)':>18}"
          f"  missed", flush=True)
    for index, commit in enumerate(commits):
        git(repo, "checkout", "-q", "-f", commit)
        subject = git(repo, "log", "-1", "--format=%s", commit).strip()[:38]
        code_f, wall_f, log_f = build(repo, args.mvn, surefire, args.extra, f"{args.logs}/{commit[:8]}-full.log")
        full_classes, test_f = reports(repo)
        failed_f = {top_level(m) for m in FAILED.findall(log_f)}
        code_a, wall_a, log_a = build(repo, args.mvn, distest, args.extra, f"{args.logs}/{commit[:8]}-affected.log")
        _, test_a = reports(repo)
        failed_a = {top_level(m) for m in FAILED.findall(log_a)}
        listing = os.path.join(repo, "target", "distest", "affected-default-cli.txt")
        ran, selected = set(), set()
        if os.path.exists(listing):
            for line in open(listing):
                fields = line.rstrip("\n").split("\t")
                if len(fields) >= 2 and fields[0] in ("run", "skipped"):
                    selected.add(fields[1])
                    if fields[0] == "run":
                        ran.add(fields[1])
        if code_f != 0 or code_a != 0 or not selected:
            print(f"{commit[:8]}  {subject:38} build failed (full {code_f}, affected {code_a}); logs in {args.logs}",
                  flush=True)
            continue
        missed = sorted(failed_f - ran)
        differ = failed_a != (failed_f & ran) or failed_f != failed_a
        if index == 0:
            print(f"{commit[:8]}  {subject:38} {len(ran):>5} of {len(selected):<5} (priming run, not counted)",
                  flush=True)
            continue
        totals["run"] += len(ran)
        totals["all"] += len(selected)
        totals["test_a"] += test_a
        totals["test_f"] += test_f
        totals["wall_a"] += wall_a
        totals["wall_f"] += wall_f
        totals["missed"] += len(missed)
        totals["differ"] += differ
        print(f"{commit[:8]}  {subject:38} {len(ran):>5} of {len(selected):<5} {test_a:>8.1f} / {test_f:<7.1f}"
              f" {wall_a:>8.1f} / {wall_f:<7.1f}  {', '.join(missed) if missed else '0'}"
              f"{'  (verdicts differ: ' + str(sorted(failed_a)) + ' vs ' + str(sorted(failed_f)) + ')' if differ else ''}",
              flush=True)
    git(repo, "checkout", "-q", "-f", head)
    if totals["all"]:
        print(f"\nover {len(commits) - 1} commits: {totals['run']} of {totals['all']} test-class executions"
              f" ({100 * totals['run'] / totals['all']:.0f} %), test time {totals['test_a']:.1f} s of"
              f" {totals['test_f']:.1f} s ({100 * totals['test_a'] / max(totals['test_f'], 1e-9):.0f} %), wall"
              f" {totals['wall_a']:.1f} s vs {totals['wall_f']:.1f} s; missed failures: {totals['missed']};"
              f" commits whose verdicts differ: {totals['differ']}")
    return 1 if totals["missed"] else 0


if __name__ == "__main__":
    sys.exit(main())
