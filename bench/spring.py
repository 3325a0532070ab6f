#!/usr/bin/env python3
"""Spring Boot benchmark: Surefire forkCount=1 and =2 against distest with and without a history (issue 28).

    python3 bench/spring.py                          # the generated sample, REPEAT=3
    python3 bench/spring.py --project DIR -- ARGS    # a Spring Boot project of yours (ARGS go to every mvn)
    python3 bench/spring.py --generate DIR           # only write the sample project to DIR

Per configuration it prints the median wall time of `mvn -o test` (Maven's start-up included), the Spring
application contexts started (Spring Boot logs "Started X in N seconds" once per context) and the test classes'
times added up (the <testsuite time> of every TEST-*.xml). See bench/README.md, "spring.py".
"""
import argparse
import glob
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
VERSION = os.environ.get("DISTEST_VERSION", "0.1.0-SNAPSHOT")
BOOT = os.environ.get("BENCH_BOOT_VERSION", "4.0.7")
STARTED = re.compile(r"Started \S+ in [0-9.]+ seconds")


def generate(directory, contexts=3, classes=4, tests=3, test_millis=100, start_millis=1500, plain=2,
             with_plugin=True):
    """A Spring Boot project: `contexts` configurations whose start sleeps `start_millis`, each used by `classes`
    test classes of `tests` tests sleeping `test_millis`; and `plain` test classes without Spring."""
    if os.path.exists(directory):
        shutil.rmtree(directory)
    main = os.path.join(directory, "src/main/java/sample")
    test = os.path.join(directory, "src/test/java/sample")
    os.makedirs(main)
    os.makedirs(test)
    plugin = f"""
      <plugin>
        <groupId>io.distest</groupId>
        <artifactId>distest-maven-plugin</artifactId>
        <version>{VERSION}</version>
        <extensions>true</extensions>
      </plugin>""" if with_plugin else ""
    write(directory, "pom.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>{BOOT}</version>
    <relativePath/>
  </parent>
  <groupId>bench</groupId>
  <artifactId>spring-sample</artifactId>
  <version>1.0</version>
  <properties>
    <java.version>17</java.version>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter</artifactId>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-test</artifactId>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <plugins>{plugin}
    </plugins>
  </build>
</project>
""")
    write(main, "SlowStart.java", """package sample;

/** Stands for what an application context does when it starts: connection pools, caches, migrations. */
public class SlowStart {
    public SlowStart(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
""")
    for c in range(contexts):
        name = chr(ord("A") + c)
        write(main, f"Config{name}.java", f"""package sample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class Config{name} {{
    @Bean
    SlowStart slowStart{name}() throws InterruptedException {{
        return new SlowStart({start_millis});
    }}
}}
""")
        for k in range(classes):
            methods = "".join(f"""
    @Test
    void test{t}() throws InterruptedException {{
        Thread.sleep({test_millis});
        assertNotNull(slowStart);
    }}
""" for t in range(tests))
            write(test, f"{name}{k + 1}Test.java", f"""package sample;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = Config{name}.class)
class {name}{k + 1}Test {{
    @Autowired
    SlowStart slowStart;
{methods}}}
""")
    for p in range(plain):
        methods = "".join(f"""
    @Test
    void test{t}() throws InterruptedException {{
        Thread.sleep({test_millis});
    }}
""" for t in range(tests))
        write(test, f"Plain{p + 1}Test.java", f"""package sample;

import org.junit.jupiter.api.Test;

class Plain{p + 1}Test {{{methods}}}
""")


def write(directory, name, text):
    with open(os.path.join(directory, name), "w", encoding="utf-8") as out:
        out.write(text)


def run(project, args, log):
    for reports in glob.glob(os.path.join(project, "**/target/surefire-reports"), recursive=True):
        shutil.rmtree(reports)
    start = time.monotonic()
    with open(log, "w") as out:
        code = subprocess.call(["mvn", "-o", "-B", "-Dstyle.color=never"] + args, cwd=project, stdout=out,
                               stderr=subprocess.STDOUT)
    wall = time.monotonic() - start
    text = open(log, encoding="utf-8", errors="replace").read()
    suites = 0.0
    tests = 0
    for report in glob.glob(os.path.join(project, "**/target/surefire-reports/TEST-*.xml"), recursive=True):
        root = ET.parse(report).getroot()
        suites += float(root.get("time") or 0)
        tests += int(root.get("tests") or 0)
    failed = code != 0 or "BUILD SUCCESS" not in text
    return {"wall": wall, "contexts": len(STARTED.findall(text)), "classes": suites, "tests": tests, "failed": failed}


def wait_for_trainers(limit_seconds=300):
    """Until no class data sharing trainer holds its lock: the timed runs map the archive, as daily runs do."""
    cache = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "distest", "cds")
    deadline = time.monotonic() + limit_seconds
    while glob.glob(os.path.join(cache, "*.training")) and time.monotonic() < deadline:
        time.sleep(2)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", help="an existing Spring project (default: the generated sample)")
    parser.add_argument("--generate", metavar="DIR", help="write the sample project to DIR and stop")
    parser.add_argument("--repeat", type=int, default=int(os.environ.get("REPEAT", "3")))
    parser.add_argument("--tx", default="2*popen")
    parser.add_argument("mvn_args", nargs="*", help="after --: arguments for every mvn command")
    options = parser.parse_args()
    if options.generate:
        generate(options.generate)
        return 0
    work = os.path.join(HERE, "work", "spring")
    os.makedirs(os.path.join(work, "logs"), exist_ok=True)
    project = options.project
    if project is None:
        project = os.path.join(work, "sample")
        generate(project)
    project = os.path.abspath(project)
    extra = options.mvn_args
    subprocess.call(["mvn", "-q", "-B", "test-compile"] + extra, cwd=project)
    history = os.path.join(project, ".distest", "durations.tsv")
    first = "target/bench-first-run-durations.tsv"
    # the sample declares the plugin (a tx takes Surefire over); another project gets distest's goal on the command line
    takeover = [f"-Ddistest.tx={options.tx}"] + (["test"] if options.project is None
                                                   else ["test-compile", f"io.distest:distest-maven-plugin:{VERSION}:test"])
    configurations = [
        ("surefire forkCount=1", ["test", "-DforkCount=1"]),
        ("surefire forkCount=2", ["test", "-DforkCount=2"]),
        (f"distest {options.tx}", takeover + [f"-Ddistest.historyFile={first}"]),
        (f"distest {options.tx} +hist", takeover),
        # the budget left out: every requested worker starts, to show what the budget's choice saved or cost
        (f"distest {options.tx} +hist all", takeover + ["-Ddistest.minTestSecondsPerWorker=0"]),
    ]
    if os.path.exists(history):
        os.remove(history)
    print(f"project {project}; priming the history and the class data sharing archive with two {options.tx} runs",
          flush=True)
    run(project, extra + takeover, os.path.join(work, "logs", "prime.log"))  # records the classes a worker loads
    run(project, extra + takeover, os.path.join(work, "logs", "prime2.log"))  # trains the archive beside it
    wait_for_trainers()
    results = {name: [] for name, _ in configurations}
    for round_ in range(options.repeat):
        for name, args in configurations:
            if "+hist" not in name:
                target_first = os.path.join(project, first)
                if os.path.exists(target_first):
                    os.remove(target_first)
            log = os.path.join(work, "logs", f"{name.replace(' ', '_').replace('*', 'x')}-{round_}.log")
            result = run(project, extra + args, log)
            results[name].append(result)
            print(f"  {name:28s} {result['wall']:6.1f} s  contexts {result['contexts']:3d}  class times"
                  f" {result['classes']:6.1f} s  tests {result['tests']}{'  FAILED: ' + log if result['failed'] else ''}",
                  flush=True)
    base = statistics.median(r["wall"] for r in results[configurations[0][0]] if not r["failed"])
    print()
    print(f"{'configuration':28s} {'median wall s':>13s} {'vs fork=1':>9s} {'contexts':>8s} {'class times s':>13s}"
          f"  runs (s)")
    for name, _ in configurations:
        ok = [r for r in results[name] if not r["failed"]]
        if not ok:
            print(f"{name:28s} FAILED")
            continue
        wall = statistics.median(r["wall"] for r in ok)
        runs = " ".join("%.1f" % r["wall"] for r in ok)
        print(f"{name:28s} {wall:13.2f} {wall / base:9.2f} {statistics.median(r['contexts'] for r in ok):8.0f}"
              f" {statistics.median(r['classes'] for r in ok):13.1f}  {runs}")
    return 1 if any(r["failed"] for rs in results.values() for r in rs) else 0


if __name__ == "__main__":
    sys.exit(main())
