#!/usr/bin/env python3
"""Replays a sliced CI pipeline on this machine (issue 23): N slice jobs one after another, each alone as its own CI
machine would run it, then the merge job; once without a history (the first pipeline) and once with the merged one.

    python3 bench/slices.py                                  # the generated skewed suite, 4 slices
    python3 bench/slices.py --project DIR [--slices N] [-- ARGS]   # a project of yours (ARGS go to every mvn)

For each pipeline it prints every slice's test time (the <testsuite time> of its TEST-*.xml added up: what the plan
balances) and the wall time of its Maven command, the slowest slice against the ideal max(total / N, longest class),
and, from the same measured class times, what a split by name (round robin) and a split by class count (contiguous
name ranges, as chunk/shard options do) would have given. See bench/README.md, "slices.py".
"""
import argparse
import glob
import os
import random
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
VERSION = os.environ.get("DISTEST_VERSION", "0.1.0-SNAPSHOT")
PLUGIN = f"io.distest:distest-maven-plugin:{VERSION}"


def generate(directory, seed=23):
    """A skewed suite of sleeping JUnit 5 classes: 44 short ones (0.1-1.5 s) and 4 long ones (6 s) last by name."""
    if os.path.exists(directory):
        shutil.rmtree(directory)
    test = os.path.join(directory, "src/test/java/skewed")
    os.makedirs(test)
    rng = random.Random(seed)
    classes = [(f"C{i:02d}Test", rng.randint(100, 1500)) for i in range(44)] + [(f"ZLong{i}Test", 6000) for i in range(4)]
    for name, millis in classes:
        with open(os.path.join(test, name + ".java"), "w") as out:
            out.write(f"""package skewed;

class {name} {{
    @org.junit.jupiter.api.Test
    void sleeps() throws InterruptedException {{
        Thread.sleep({millis});
    }}
}}
""")
    with open(os.path.join(directory, "pom.xml"), "w") as out:
        out.write("""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>skewed</artifactId>
  <version>1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>5.14.4</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.13.0</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-resources-plugin</artifactId>
        <version>3.3.1</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-surefire-plugin</artifactId>
        <version>3.5.4</version>
      </plugin>
    </plugins>
  </build>
</project>
""")
    return directory


def mvn(directory, args, extra, log):
    command = ["mvn", "-B", "-o", "-Dstyle.color=never"] + args + extra
    start = time.monotonic()
    with open(log, "w") as out:
        code = subprocess.run(command, cwd=directory, stdout=out, stderr=subprocess.STDOUT).returncode
    return code, time.monotonic() - start


def class_times(reports):
    """Class name -> seconds, from every TEST-*.xml in `reports` (a nested class's report counts for its outer class,
    which is what a slice runs)."""
    times = {}
    for path in glob.glob(os.path.join(reports, "TEST-*.xml")):
        suite = ET.parse(path).getroot()
        name = suite.get("name").split("$")[0]
        times[name] = times.get(name, 0) + float(suite.get("time") or 0)
    return times


def copy(source, target):
    if os.path.exists(target):
        shutil.rmtree(target)
    shutil.copytree(source, target, symlinks=True, ignore=shutil.ignore_patterns(".git", "slices-bench"))
    return target


def pipeline(base, work, n, history, extra):
    """Runs the n slice jobs and the merge; returns (per-slice test seconds, per-slice wall, class times, history)."""
    jobs, tests, walls, times = [], [], [], {}
    for k in range(1, n + 1):
        job = copy(base, os.path.join(work, f"s{k}"))
        shutil.rmtree(os.path.join(job, ".distest"), ignore_errors=True)
        if history:
            os.makedirs(os.path.join(job, ".distest"))
            shutil.copy(history, os.path.join(job, ".distest/durations.tsv"))
        # compiled once in the base: each job runs only the goal (the test times are the same either way)
        code, wall = mvn(job, [f"{PLUGIN}:test", f"-Ddistest.slice={k}/{n}", "-Ddistest.n=1",
                               "-Dmaven.test.failure.ignore=true"], extra, os.path.join(job, "slice.log"))
        if code != 0:
            sys.exit(f"slice {k}/{n} failed: see {job}/slice.log")
        mine = class_times(os.path.join(job, "target/surefire-reports"))
        times.update(mine)
        jobs.append(job)
        tests.append(sum(mine.values()))
        walls.append(wall)
        line = [l for l in open(os.path.join(job, "slice.log")) if "distest: slice " in l]
        print("   ", line[0].split("distest: ", 1)[1].strip() if line else f"slice {k}/{n}: no slice line", flush=True)
    merge = copy(base, os.path.join(work, "merge"))
    shutil.rmtree(os.path.join(merge, ".distest"), ignore_errors=True)
    if history:
        os.makedirs(os.path.join(merge, ".distest"))
        shutil.copy(history, os.path.join(merge, ".distest/durations.tsv"))
    targets = ",".join(os.path.relpath(os.path.join(job, "target"), merge) for job in jobs)
    code, _ = mvn(merge, [f"{PLUGIN}:merge", f"-Ddistest.merge={targets}"], extra, os.path.join(merge, "merge.log"))
    if code != 0:
        sys.exit(f"the merge failed: see {merge}/merge.log")
    print("   ", [l for l in open(os.path.join(merge, "merge.log")) if "distest merge:" in l][0].split("distest merge: ", 1)[1].split("; history")[0])
    return tests, walls, times, os.path.join(merge, ".distest/durations.tsv")


def by_name(times, n):
    names = sorted(times)
    return [sum(times[c] for c in names[k::n]) for k in range(n)]


def by_count(times, n):
    names = sorted(times)
    size = -(-len(names) // n)
    return [sum(times[c] for c in names[k * size:(k + 1) * size]) for k in range(n)]


def row(label, slices, ideal):
    slowest = max(slices)
    cells = " ".join(f"{s:6.1f}" for s in slices)
    return f"| {label} | {cells} | {slowest:6.1f} | {100 * (slowest - ideal) / ideal:+4.0f} % |"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", help="a Maven project to replay (default: the generated skewed suite)")
    parser.add_argument("--slices", type=int, default=4)
    parser.add_argument("extra", nargs="*", help="after --: arguments for every mvn")
    options = parser.parse_args()
    work = os.path.join(HERE, "work", "slices-bench")
    os.makedirs(work, exist_ok=True)
    if options.project:
        base = os.path.abspath(options.project)
        name = os.path.basename(base.rstrip("/"))
    else:
        base = generate(os.path.join(work, "skewed-project"))
        name = "skewed (generated)"
    subprocess.run(["mvn", "-B", "-q", "-o", "test-compile"] + options.extra, cwd=base, check=True)
    n = options.slices
    print(f"{name}: {n} slices, each job alone on this machine, one worker per job", flush=True)
    print("  first pipeline (no history):", flush=True)
    first, first_walls, _, history = pipeline(base, os.path.join(work, "first"), n, None, options.extra)
    print("  second pipeline (the merged history restored):", flush=True)
    second, second_walls, times, _ = pipeline(base, os.path.join(work, "second"), n, history, options.extra)
    total = sum(times.values())
    ideal = max(total / n, max(times.values()))
    print(f"\n{name}: {len(times)} classes, {total:.1f} s of tests; ideal slice max({total:.1f} / {n}, longest "
          f"{max(times.values()):.1f}) = {ideal:.1f} s\n")
    print(f"| split | test time per slice (s) | slowest (s) | vs ideal |")
    print(f"| --- | --- | --- | --- |")
    print(row("distest, by timings (2nd pipeline)", second, ideal))
    print(row("distest, no history yet (1st pipeline: by name)", first, ideal))
    print(row("round robin by name", by_name(times, n), ideal))
    print(row("by class count (name ranges)", by_count(times, n), ideal))
    print(f"\nwall per slice job, Maven included (s): 1st {' '.join(f'{w:.0f}' for w in first_walls)}; "
          f"2nd {' '.join(f'{w:.0f}' for w in second_walls)}")


if __name__ == "__main__":
    main()
