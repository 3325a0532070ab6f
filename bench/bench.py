#!/usr/bin/env python3
"""distest benchmark: generates JUnit 5 projects and times Surefire against distest on them.

Standard library only (Python 3.11). Usually started through bench/run.sh; see bench/README.md.

Every knob is an environment variable (run.sh also maps a few flags onto them):

  REPEAT                 runs per configuration; the median is reported          (3)
  BENCH_VARIANT          cpu | sleep | trivial | both (cpu and sleep) | all, or a
                         comma-separated list                                     (all)
  BENCH_NS               parallelism to compare, comma-separated; 1 adds distest 1*popen (2,4)
  BENCH_SURFIRE_ONLY     1: time only the Surefire configurations                 (0)
  BENCH_CLASSES          test classes per generated project                       (40)
  BENCH_LONG_CLASSES     how many of them are long (they come last by name)       (3)
  BENCH_LONG_SHARE       fraction of the total test time in the long classes      (0.5)
  BENCH_TOTAL_SECONDS    sequential test time of each project                     (30)
  BENCH_SEED             seed for the generator                                   (42)
  BENCH_TRIVIAL_TESTS    tests of the trivial variant (each asserts 1 + 1 == 2)   (5000)
  BENCH_TRIVIAL_CLASSES  classes they are spread over                             (100)
  BENCH_CPU_UNITS_PER_MS work units per millisecond for the cpu variant; measured
                         once on this machine and cached in work/ when unset
  BENCH_RECALIBRATE      1: measure the cpu speed again even if cached            (0)
  BENCH_OFFLINE          1: time `mvn -o` (dependencies are primed online once)   (1)
  BENCH_WITH_PLUGIN      1/0: declare the distest plugin in the generated POMs;
                         default: yes, except in Surefire-only mode when the
                         plugin is not installed in ~/.m2 yet
  BENCH_SETTINGS         a Maven settings file passed with -s to every run, e.g. the one
                         bench/remote.sh writes (work/remote/settings.xml: this checkout's
                         build in work/m2, releases read from ~/.m2); with BENCH_M2_REPO
                         naming that local repository                              (none)
  BENCH_AB               A/B of distest builds in one interleaved session: LABEL=SETTINGS pairs,
                         comma-separated, e.g. before=work/settings-before.xml,after=work/settings-after.xml;
                         every distest configuration then runs once per build, with that settings
                         file (its local repository holds that build) instead of BENCH_SETTINGS (none)
  BENCH_HIST             0: leave out the "+hist" configurations                   (1)
  DISTEST_VERSION        the distest plugin version to declare                    (0.1.0-SNAPSHOT)
  MVN                    the Maven command                                        (mvn)
"""

from __future__ import annotations

import dataclasses
import datetime
import glob
import hashlib
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
WORK_DIR = BENCH_DIR / "work"

SUREFIRE_VERSION = "3.5.4"
JUNIT_VERSION = "5.14.4"
COMPILER_VERSION = "3.13.0"
RESOURCES_VERSION = "3.3.1"


# --------------------------------------------------------------------------- settings

def env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        sys.exit(f"bench: {name} must be an integer, was {raw!r}")
    if value < minimum:
        sys.exit(f"bench: {name} must be >= {minimum}, was {value}")
    return value


def env_float(name: str, default: float, low: float, high: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        sys.exit(f"bench: {name} must be a number, was {raw!r}")
    if not low <= value <= high:
        sys.exit(f"bench: {name} must be in [{low}, {high}], was {value}")
    return value


def env_bool(name: str, default: bool | None) -> bool | None:
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    sys.exit(f"bench: {name} must be 1 or 0, was {raw!r}")


VARIANTS = ("cpu", "sleep", "trivial")


@dataclasses.dataclass(frozen=True)
class Settings:
    repeat: int
    variants: tuple[str, ...]
    ns: tuple[int, ...]
    surefire_only: bool
    classes: int
    long_classes: int
    long_share: float
    total_seconds: float
    seed: int
    trivial_tests: int
    trivial_classes: int
    offline: bool
    with_plugin: bool | None
    distest_version: str
    mvn: str
    builds: tuple[tuple[str, str], ...] = ()  # BENCH_AB: (label, settings file) per distest build
    history: bool = True                       # BENCH_HIST: time the "+hist" configurations

    @staticmethod
    def from_env() -> "Settings":
        variant = os.environ.get("BENCH_VARIANT", "all").strip() or "all"
        named = {"both": ("cpu", "sleep"), "all": VARIANTS}.get(variant) or tuple(
            v.strip() for v in variant.split(",") if v.strip())
        if not named or any(v not in VARIANTS for v in named):
            sys.exit(f"bench: BENCH_VARIANT must be cpu, sleep, trivial, both, all or a comma-separated list, was {variant!r}")
        raw_ns = os.environ.get("BENCH_NS", "2,4").strip() or "2,4"
        try:
            ns = tuple(sorted({int(n) for n in raw_ns.split(",") if n.strip()}))
        except ValueError:
            sys.exit(f"bench: BENCH_NS must be comma-separated integers, was {raw_ns!r}")
        if not ns or min(ns) < 1:
            sys.exit(f"bench: BENCH_NS must list numbers of at least 1, was {raw_ns!r}")
        classes = env_int("BENCH_CLASSES", 40, minimum=2)
        long_classes = env_int("BENCH_LONG_CLASSES", 3, minimum=0)
        if long_classes >= classes:
            sys.exit(f"bench: BENCH_LONG_CLASSES ({long_classes}) must be less than BENCH_CLASSES ({classes})")
        builds = []
        for pair in (p.strip() for p in os.environ.get("BENCH_AB", "").split(",") if p.strip()):
            label, _, settings = pair.partition("=")
            if not label.strip() or not settings.strip() or not Path(settings.strip()).is_file():
                sys.exit(f"bench: BENCH_AB wants LABEL=SETTINGS-FILE pairs naming existing files, got {pair!r}")
            builds.append((label.strip(), str(Path(settings.strip()).resolve())))
        return Settings(
            builds=tuple(builds),
            history=bool(env_bool("BENCH_HIST", True)),
            repeat=env_int("REPEAT", 3, minimum=1),
            variants=tuple(v for v in VARIANTS if v in named),
            ns=ns,
            surefire_only=bool(env_bool("BENCH_SURFIRE_ONLY", False)),
            classes=classes,
            long_classes=long_classes,
            long_share=env_float("BENCH_LONG_SHARE", 0.5, 0.0, 0.95),
            total_seconds=env_float("BENCH_TOTAL_SECONDS", 30.0, 1.0, 3600.0),
            seed=env_int("BENCH_SEED", 42),
            trivial_tests=env_int("BENCH_TRIVIAL_TESTS", 5000, minimum=1),
            trivial_classes=env_int("BENCH_TRIVIAL_CLASSES", 100, minimum=1),
            offline=bool(env_bool("BENCH_OFFLINE", True)),
            with_plugin=env_bool("BENCH_WITH_PLUGIN", None),
            distest_version=os.environ.get("DISTEST_VERSION", "0.1.0-SNAPSHOT").strip() or "0.1.0-SNAPSHOT",
            mvn=os.environ.get("MVN", "mvn").strip() or "mvn",
        )


# --------------------------------------------------------------------------- configurations

@dataclasses.dataclass(frozen=True)
class Config:
    name: str          # e.g. "surefire forkCount=2"
    tool: str          # "surefire" | "distest"
    n: int             # parallelism: forks or workers
    args: tuple[str, ...]
    history: bool = False  # distest: plan with the project's durations history
    settings: str | None = None  # BENCH_AB: the settings file of this configuration's distest build


# A distest run "without history" reads and writes this scratch file, removed before each run: a first run.
FIRST_RUN_HISTORY = "target/bench-first-run-durations.tsv"


def configs_for(s: Settings, variant: str) -> list[Config]:
    configs = [Config(f"surefire forkCount={n}", "surefire", n, (f"-DforkCount={n}",)) for n in sorted({1, *s.ns})]
    if not s.surefire_only:
        for label, settings in s.builds or (("", None),):
            suffix = f" [{label}]" if label else ""
            for n in s.ns:
                configs.append(Config(f"distest tx={n}*popen{suffix}", "distest", n,
                                      (f"-Ddistest.tx={n}*popen", f"-Ddistest.historyFile={FIRST_RUN_HISTORY}"),
                                      settings=settings))
                if s.history:
                    configs.append(Config(f"distest tx={n}*popen +hist{suffix}", "distest", n,
                                          (f"-Ddistest.tx={n}*popen",), history=True, settings=settings))
    return configs


# --------------------------------------------------------------------------- the generated projects

@dataclasses.dataclass(frozen=True)
class TestClass:
    name: str
    long: bool
    method_ms: tuple[int, ...]

    @property
    def total_ms(self) -> int:
        return sum(self.method_ms)


def plan_classes(s: Settings, variant: str) -> list[TestClass]:
    """Deterministic class/method durations: many short classes first, the few long ones last by name."""
    if variant == "trivial":
        per_class = [s.trivial_tests // s.trivial_classes + (1 if i < s.trivial_tests % s.trivial_classes else 0)
                     for i in range(s.trivial_classes)]
        width = max(3, len(str(s.trivial_classes)))
        return [TestClass(f"Trivial{i + 1:0{width}d}Test", False, (0,) * count)
                for i, count in enumerate(per_class) if count]
    # One stream per variant, so changing one variant's size does not reshuffle the other.
    rng = random.Random(f"{s.seed}/{variant}")
    total_ms = s.total_seconds * 1000.0
    n_short = s.classes - s.long_classes
    long_ms = total_ms * s.long_share if s.long_classes else 0.0
    short_ms = total_ms - long_ms

    short_w = [rng.lognormvariate(0.0, 0.8) for _ in range(n_short)]
    long_w = [rng.uniform(0.8, 1.2) for _ in range(s.long_classes)]
    # Longest of the long classes last: Surefire's queue (alphabetical here) meets it at the very end.
    long_w.sort()
    durations = [short_ms * w / sum(short_w) for w in short_w]
    durations += [long_ms * w / sum(long_w) for w in long_w] if long_w else []

    width = max(2, len(str(s.classes)))
    prefix = "Cpu" if variant == "cpu" else "Sleep"
    classes = []
    for i, class_ms in enumerate(durations):
        is_long = i >= n_short
        methods = rng.randint(4, 10) if is_long else rng.randint(2, 8)
        weights = [rng.uniform(0.5, 1.5) for _ in range(methods)]
        method_ms = tuple(max(5, round(class_ms * w / sum(weights))) for w in weights)
        classes.append(TestClass(f"{prefix}{i + 1:0{width}d}Test", is_long, method_ms))
    return classes


def pom_xml(s: Settings, variant: str, with_plugin: bool) -> str:
    plugin = f"""
      <!-- distest takes over only with -Ddistest.tx / -Ddistest.n; otherwise Surefire runs. -->
      <plugin>
        <groupId>io.distest</groupId>
        <artifactId>distest-maven-plugin</artifactId>
        <version>{s.distest_version}</version>
        <extensions>true</extensions>
      </plugin>""" if with_plugin else """
      <!-- distest plugin left out: Surefire-only run and the plugin is not installed (BENCH_WITH_PLUGIN). -->"""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by distest/bench/bench.py: do not edit, it is regenerated when the settings change. -->
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.distest.bench</groupId>
  <artifactId>bench-{variant}</artifactId>
  <version>0.1.0-SNAPSHOT</version>
  <packaging>jar</packaging>

  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>

  <dependencies>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>{JUNIT_VERSION}</version>
      <scope>test</scope>
    </dependency>
  </dependencies>

  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>{COMPILER_VERSION}</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-resources-plugin</artifactId>
        <version>{RESOURCES_VERSION}</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-surefire-plugin</artifactId>
        <version>{SUREFIRE_VERSION}</version>
        <configuration>
          <!-- Surefire's default, "filesystem", is directory order; alphabetical makes the
               long classes (named last) run last: the worst case for a first-come queue. -->
          <runOrder>alphabetical</runOrder>
        </configuration>
      </plugin>{plugin}
    </plugins>
  </build>
</project>
"""


WORK_JAVA = """package bench;

/** Fixed amounts of work for the cpu variant; not a test class (no Test in its name). */
public final class Work {

    /** Units of work per millisecond on the machine that generated this project (calibrated). */
    public static final long UNITS_PER_MS = %(units)dL;

    private Work() {
    }

    /** Burns {@code ms} milliseconds' worth of CPU as calibrated: a fixed amount of work, not a deadline. */
    public static long burn(long ms) {
        return spin(ms * UNITS_PER_MS);
    }

    /** One unit is 1000 xorshift steps; the result depends on every step, so none can be skipped. */
    public static long spin(long units) {
        long x = 0x9E3779B97F4A7C15L ^ units;
        for (long u = 0; u < units; u++) {
            for (int i = 0; i < 1000; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
        }
        return x;
    }
}
"""

CALIBRATE_JAVA = """public class Calibrate {
    static long spin(long units) {
        long x = 0x9E3779B97F4A7C15L ^ units;
        for (long u = 0; u < units; u++) {
            for (int i = 0; i < 1000; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
        }
        return x;
    }

    public static void main(String[] args) {
        long sink = 0;
        long warmEnd = System.nanoTime() + 400_000_000L;
        while (System.nanoTime() < warmEnd) {
            sink ^= spin(100);
        }
        double best = 0;
        for (int round = 0; round < 5; round++) {
            long units = 0;
            long start = System.nanoTime();
            long end = start + 200_000_000L;
            long now;
            while ((now = System.nanoTime()) < end) {
                sink ^= spin(50);
                units += 50;
            }
            best = Math.max(best, units / ((now - start) / 1e6));
        }
        System.out.println((long) best + " " + (sink == 42 ? "!" : ""));
    }
}
"""


def trivial_java(tc: TestClass) -> str:
    lines = ["package bench;", "", "import static org.junit.jupiter.api.Assertions.assertEquals;", "",
             "import org.junit.jupiter.api.Test;", "",
             f"/** Generated: {len(tc.method_ms)} trivial tests: per-test overhead, nothing else. */",
             f"class {tc.name} {{"]
    for i in range(1, len(tc.method_ms) + 1):
        lines += ["", "    @Test", f"    void adds{i:03d}() {{", "        assertEquals(2, 1 + 1);", "    }"]
    lines.append("}")
    return "\n".join(lines) + "\n"


def test_java(variant: str, tc: TestClass) -> str:
    if variant == "trivial":
        return trivial_java(tc)
    kind = "long" if tc.long else "short"
    lines = [
        "package bench;",
        "",
    ]
    if variant == "cpu":
        lines += ["import static org.junit.jupiter.api.Assertions.assertNotEquals;", ""]
    lines += [
        "import org.junit.jupiter.api.Test;",
        "",
        f"/** Generated: a {kind} {variant}-bound class, {tc.total_ms} ms in {len(tc.method_ms)} tests. */",
        f"class {tc.name} {{",
    ]
    for i, ms in enumerate(tc.method_ms, start=1):
        lines.append("")
        lines.append("    @Test")
        if variant == "cpu":
            lines.append(f"    void burns{ms}ms_{i}() {{")
            lines.append(f"        assertNotEquals(0L, Work.burn({ms}));")
        else:
            lines.append(f"    void sleeps{ms}ms_{i}() throws InterruptedException {{")
            lines.append(f"        Thread.sleep({ms});")
        lines.append("    }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def calibrate(s: Settings) -> int:
    override = os.environ.get("BENCH_CPU_UNITS_PER_MS", "").strip()
    if override:
        return env_int("BENCH_CPU_UNITS_PER_MS", 0, minimum=1)
    cache = WORK_DIR / "cpu-units-per-ms.txt"
    if cache.is_file() and not env_bool("BENCH_RECALIBRATE", False):
        return int(cache.read_text().split()[0])
    log("calibrating the cpu work unit on this machine (cached in work/cpu-units-per-ms.txt) ...")
    src_dir = WORK_DIR / "calibrate"
    src_dir.mkdir(parents=True, exist_ok=True)
    (src_dir / "Calibrate.java").write_text(CALIBRATE_JAVA)
    out = subprocess.run(["java", str(src_dir / "Calibrate.java")], capture_output=True, text=True, check=True)
    units = int(out.stdout.split()[0])
    cache.write_text(f"{units}\n")
    log(f"  {units} units/ms")
    return units


def with_plugin_decision(s: Settings) -> bool:
    if s.with_plugin is not None:
        return s.with_plugin
    repo = Path(os.environ.get("BENCH_M2_REPO", Path.home() / ".m2" / "repository"))
    installed = list((repo / "io" / "distest" / "distest-maven-plugin" / s.distest_version).glob("*.jar"))
    if not s.surefire_only:
        if not installed:
            sys.exit(f"bench: io.distest:distest-maven-plugin:{s.distest_version} is not installed in {repo}.\n"
                     "  Install it first (`mvn -q install -DskipTests` at the repository root),\n"
                     "  or time Surefire only with `bench/run.sh --dry-run`.")
        return True
    if not installed:
        log("note: the distest plugin is not installed in ~/.m2; the generated POMs leave it out "
            "(Surefire-only run). Set BENCH_WITH_PLUGIN=1 to declare it anyway.")
    return bool(installed)


def generate(s: Settings, variant: str, with_plugin: bool, units_per_ms: int) -> tuple[Path, list[TestClass]]:
    """Writes work/<variant>/ unless an identical project is already there (keeps target/ warm)."""
    project = WORK_DIR / variant
    classes = plan_classes(s, variant)
    files = {"pom.xml": pom_xml(s, variant, with_plugin)}
    if variant == "cpu":
        files["src/test/java/bench/Work.java"] = WORK_JAVA % {"units": units_per_ms}
    for tc in classes:
        files[f"src/test/java/bench/{tc.name}.java"] = test_java(variant, tc)
    stamp = json.dumps({"files": {k: hash_text(v) for k, v in sorted(files.items())}}, sort_keys=True)
    stamp_file = project / "bench-stamp.json"
    if stamp_file.is_file() and stamp_file.read_text() == stamp:
        return project, classes
    if project.exists():
        shutil.rmtree(project)
    for rel, text in files.items():
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    stamp_file.write_text(stamp)
    log(f"generated {project.relative_to(BENCH_DIR)}: {len(classes)} classes, "
        f"{sum(len(c.method_ms) for c in classes)} tests, {sum(c.total_ms for c in classes) / 1000:.1f} s planned "
        f"(long: {', '.join(f'{c.name} {c.total_ms / 1000:.1f}s' for c in classes if c.long) or 'none'})")
    return project, classes


def hash_text(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


# --------------------------------------------------------------------------- running Maven

@dataclasses.dataclass
class Run:
    variant: str
    config: str
    repeat: int
    wall_s: float
    exit_code: int
    log: str
    expected_tests: int = 0
    reports: int = 0
    tests: int = 0
    failures: int = 0
    errors: int = 0
    skipped: int = 0
    test_time_s: float = 0.0      # summed testcase times
    suite_time_s: float = 0.0     # summed <testsuite time>: the per-class time Surefire reports
    longest_class_s: float = 0.0  # largest per-class sum
    efficiency_pct: float | None = None  # distest's efficiency line: ideal / its own wall time
    startup_s: float | None = None       # distest: JVM start to ready (median of the workers)
    first_test_s: float | None = None    # distest: JVM start to first test (median of the workers)

    @property
    def ok(self) -> bool:
        return (self.exit_code == 0 and self.failures == 0 and self.errors == 0
                and self.tests == self.expected_tests)


def mvn_cmd(s: Settings, *args: str, offline: bool | None = None, quiet: bool = True,
            settings: str | None = None) -> list[str]:
    cmd = [s.mvn]
    settings = settings or os.environ.get("BENCH_SETTINGS", "").strip()
    if settings:
        cmd += ["-s", settings]
    if s.offline if offline is None else offline:
        cmd.append("-o")
    return cmd + (["-q"] if quiet else []) + ["-B", "-Dstyle.color=never", *args]


EFFICIENCY = re.compile(r"efficiency (\d+) % of the ideal .*JVM start-up ([\d.]+) s; first test ([\d.]+) s after JVM start")


def read_efficiency(log_path: Path, run: "Run") -> None:
    try:
        match = EFFICIENCY.search(log_path.read_text(errors="replace"))
    except OSError:
        return
    if match:
        run.efficiency_pct = float(match.group(1))
        run.startup_s = float(match.group(2))
        run.first_test_s = float(match.group(3))


def run_logged(cmd: list[str], cwd: Path, log_path: Path) -> tuple[int, float]:
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w") as out:
        out.write("$ " + " ".join(cmd) + "\n")
        out.flush()
        start = time.perf_counter()
        code = subprocess.run(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL).returncode
        elapsed = time.perf_counter() - start
    return code, elapsed


def tail(path: Path, lines: int = 25) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def read_reports(project: Path, run: Run) -> None:
    per_class: dict[str, float] = {}
    files = sorted(glob.glob(str(project / "target" / "surefire-reports" / "TEST-*.xml")))
    run.reports = len(files)
    for f in files:
        try:
            root = ET.parse(f).getroot()
        except ET.ParseError:
            run.errors += 1
            continue
        suites = [root] if root.tag == "testsuite" else root.iter("testsuite")
        for suite in suites:
            run.suite_time_s += float(suite.get("time") or 0)
            for case in suite.iter("testcase"):
                run.tests += 1
                t = float(case.get("time") or 0)
                run.test_time_s += t
                cls = case.get("classname") or suite.get("name") or f
                per_class[cls] = per_class.get(cls, 0.0) + t
                if case.find("failure") is not None:
                    run.failures += 1
                if case.find("error") is not None:
                    run.errors += 1
                if case.find("skipped") is not None:
                    run.skipped += 1
    run.longest_class_s = max(per_class.values(), default=0.0)


def prime_history(s: Settings, variant: str, project: Path) -> None:
    """A fresh durations history from one untimed distest run, for the "+hist" configurations."""
    history = project / ".distest"
    if history.exists():
        shutil.rmtree(history)
    n = min(s.ns)
    log_path = WORK_DIR / "logs" / f"{variant}-prime-history.log"
    code, elapsed = run_logged(mvn_cmd(s, "test", f"-Ddistest.tx={n}*popen",
                                       settings=s.builds[0][1] if s.builds else None), project, log_path)
    if code != 0 or not (history / "durations.tsv").is_file():
        sys.exit(f"bench: the history run of {variant} failed (exit {code}); see {log_path}\n{tail(log_path)}")
    log(f"[{variant}] durations history written by an untimed {n}*popen run ({elapsed:.1f}s)")


def prime(s: Settings, variant: str, project: Path, classes: list[TestClass], configs: list[Config]) -> None:
    """Resolves every dependency online once (plugins, Surefire provider, distest's launcher) so `-o` works."""
    wanted = sorted({c.tool for c in configs} | {f"distest[{label}]" for label, _ in s.builds})
    stamp = project / "bench-primed.txt"
    if stamp.is_file() and set(stamp.read_text().split()) >= set(wanted):
        return
    log(f"[{variant}] priming dependencies online ({', '.join(wanted)}) ...")
    shortest = min(classes, key=lambda c: c.total_ms).name
    steps = [("surefire", ["test", f"-Dtest={shortest}", "-Dsurefire.failIfNoSpecifiedTests=false"])]
    if "distest" in wanted:
        steps.append(("distest", ["test", f"-Dtest={shortest}", "-Dsurefire.failIfNoSpecifiedTests=false",
                                  "-Ddistest.tx=1*popen"]))
    for tool, args in steps:
        for label, settings in (s.builds if tool == "distest" and s.builds else (("", None),)):
            log_path = WORK_DIR / "logs" / f"{variant}-prime-{tool}{'-' + label if label else ''}.log"
            code, _ = run_logged(mvn_cmd(s, *args, offline=False, settings=settings), project, log_path)
            if code != 0:
                sys.exit(f"bench: priming {variant} with {tool} failed (exit {code}); see {log_path}\n{tail(log_path)}")
    stamp.write_text(" ".join(wanted) + "\n")


def warm_up(s: Settings, variant: str, project: Path) -> None:
    log_path = WORK_DIR / "logs" / f"{variant}-warmup.log"
    code, elapsed = run_logged(mvn_cmd(s, "test-compile"), project, log_path)
    if code != 0:
        sys.exit(f"bench: warm-up `mvn test-compile` failed for {variant} (exit {code}); see {log_path}\n{tail(log_path)}")
    log(f"[{variant}] warm-up test-compile {elapsed:.1f}s")


def time_config(s: Settings, variant: str, project: Path, config: Config, rep: int, expected: int) -> Run:
    reports = project / "target" / "surefire-reports"
    if reports.exists():
        shutil.rmtree(reports)
    (project / FIRST_RUN_HISTORY).unlink(missing_ok=True)
    slug = re.sub(r"[^A-Za-z0-9]+", "-", config.name).strip("-")
    log_path = WORK_DIR / "logs" / f"{variant}-{slug}-{rep}.log"
    # not -q: the logs keep each tool's per-class lines and distest's efficiency line (same cost for both tools)
    code, elapsed = run_logged(mvn_cmd(s, "test", *config.args, quiet=False, settings=config.settings), project,
                               log_path)
    run = Run(variant, config.name, rep, elapsed, code, str(log_path.relative_to(BENCH_DIR)), expected)
    read_reports(project, run)
    if config.tool == "distest":
        read_efficiency(log_path, run)
    status = "ok" if run.ok else (f"FAILED (exit {code}, {run.failures} failures, {run.errors} errors, "
                                  f"{run.tests} of {expected} tests reported)")
    efficiency = "" if run.efficiency_pct is None else f", efficiency {run.efficiency_pct:.0f}%"
    log(f"[{variant}] {config.name:<28} run {rep}/{s.repeat}: {elapsed:6.2f}s wall, "
        f"{run.tests} tests in {run.reports} reports, test time {run.test_time_s:.1f}s{efficiency}  {status}")
    if not run.ok:
        log(f"  see {log_path}\n" + "\n".join("  | " + l for l in tail(log_path, 15).splitlines()))
    return run


# --------------------------------------------------------------------------- output

def log(message: str) -> None:
    print(message, flush=True)


def first_line(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        text = (out.stdout + out.stderr).strip()
        return re.sub(r"\x1b\[[0-9;]*m", "", text.splitlines()[0]) if text else "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


def machine_facts(s: Settings) -> dict[str, str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "java": first_line(["java", "-version"]),
        "maven": first_line([s.mvn, "-v"]),
        "os": f"{platform.system()} {platform.release()}",
        "load average": load_average(),
    }


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"


def summarise(s: Settings, runs: list[Run]) -> list[dict]:
    rows = []
    for variant in s.variants:
        configs = configs_for(s, variant)
        medians: dict[tuple[str, int], float] = {}
        for config in configs:
            mine = [r for r in runs if r.variant == variant and r.config == config.name]
            good = [r for r in mine if r.ok]
            row = {
                "variant": variant, "config": config.name, "tool": config.tool, "n": config.n,
                "runs": [round(r.wall_s, 2) for r in mine],
                "failed_runs": len(mine) - len(good),
                "median_s": statistics.median([r.wall_s for r in good]) if good else None,
                "test_time_s": statistics.median([r.test_time_s for r in good]) if good else None,
                "outside_s": statistics.median([r.suite_time_s - r.test_time_s for r in good]) if good else None,
                "tests": good[0].tests if good else None,
                "skipped": good[0].skipped if good else None,
                "bound_s": (statistics.median([max(r.test_time_s / config.n, r.longest_class_s) for r in good])
                            if good else None),
                "history": config.history,
                "efficiency_pct": median_of([r.efficiency_pct for r in good]),
                "first_test_s": median_of([r.first_test_s for r in good]),
            }
            if row["median_s"] is not None:
                medians[(config.tool, config.n)] = row["median_s"]
            rows.append(row)
        for row in (r for r in rows if r["variant"] == variant):
            base = medians.get(("surefire", row["n"]))
            one = medians.get(("surefire", 1))
            row["vs_surefire_same_n"] = row["median_s"] / base if row["median_s"] and base else None
            row["speedup_vs_fork1"] = one / row["median_s"] if row["median_s"] and one else None
    return rows


def median_of(values: list) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def fmt(value, spec: str, missing: str = "-") -> str:
    return missing if value is None else format(value, spec)


def print_table(s: Settings, rows: list[dict], facts: dict[str, str], planned: dict[str, float]) -> str:
    header = ["variant", "configuration", "N", "median wall s", f"runs (s)", "vs surefire same N",
              "speedup vs fork=1", "summed test time s", "suites - tests s", "bound s", "efficiency %", "first test s",
              "tests"]
    table = [header]
    for r in rows:
        runs = " ".join(f"{x:.1f}" for x in r["runs"]) + (f" ({r['failed_runs']} FAILED)" if r["failed_runs"] else "")
        table.append([
            r["variant"], r["config"], str(r["n"]),
            fmt(r["median_s"], ".2f", "FAILED"), runs,
            fmt(r["vs_surefire_same_n"], ".2f"), fmt(r["speedup_vs_fork1"], ".2f"),
            fmt(r["test_time_s"], ".1f"), fmt(r["outside_s"], ".2f"), fmt(r["bound_s"], ".1f"),
            fmt(r["efficiency_pct"], ".0f"), fmt(r["first_test_s"], ".1f"),
            "-" if r["tests"] is None else f"{r['tests']} ({r['skipped']} skipped)",
        ])
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    numeric = {2, 3, 5, 6, 7, 8, 9, 10, 11}

    def line(row: list[str]) -> str:
        return "  ".join(cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
                         for i, cell in enumerate(row)).rstrip()

    out = []
    out.append("")
    out.append("machine: " + ", ".join(f"{k} {v}" for k, v in facts.items()))
    out.append(f"settings: REPEAT={s.repeat}, N={','.join(map(str, s.ns))}; cpu/sleep: {s.classes} classes "
               f"({s.long_classes} long, last by name), ~{s.total_seconds:g}s sequential test time, seed {s.seed}; "
               f"trivial: {s.trivial_tests} tests in {s.trivial_classes} classes"
               + (", Surefire only" if s.surefire_only else ""))
    out.append("planned sequential test time: " + ", ".join(f"{v} {t:.1f}s" for v, t in planned.items()))
    out.append("")
    out.append(line(header))
    out.append(line(["-" * w for w in widths]))
    previous = None
    for row in table[1:]:
        if previous is not None and row[0] != previous:
            out.append("")
        out.append(line(row))
        previous = row[0]
    out.append("")
    out.append("median wall s      wall clock of `mvn -o test <args>` (Maven start-up included), median of the runs")
    out.append("vs surefire same N median / median of Surefire with forkCount=N (below 1.00: faster than Surefire)")
    out.append("speedup vs fork=1  median of Surefire forkCount=1 / this median")
    out.append("summed test time s sum of <testcase time> over the TEST-*.xml reports (median over runs)")
    out.append("suites - tests s   sum of <testsuite time> minus sum of <testcase time>: per-class time outside the test")
    out.append("                   methods (discovery, class set-up, reporting), median over runs")
    out.append("bound s            max(summed test time / N, longest class): the best a class-by-class scheduler can do,")
    out.append("                   excluding JVM start-up")
    out.append("+hist              distest planning with the durations history of earlier runs (longest first, long")
    out.append("                   classes split); without it: a first run (its history file is removed before each run)")
    out.append("efficiency %       distest's own end-of-run line: max(unit time / N, longest unit) + JVM start-up, over")
    out.append("                   its wall time from starting workers to the last result (Maven excluded)")
    out.append("first test s       distest: from starting a worker JVM to its first test (median of the workers)")
    out.extend(targets(s, rows))
    text = "\n".join(out)
    print(text, flush=True)
    return text


TARGETS = {"cpu": 0.85, "sleep": 0.85, "trivial": 1.0}
EFFICIENCY_TARGET = ("sleep", 4, 90.0)


def targets(s: Settings, rows: list[dict]) -> list[str]:
    """Issue 6's targets: distest with history against Surefire forkCount=N, and its efficiency."""
    if s.surefire_only:
        return []
    out = ["", "targets (distest with history):"]
    for r in rows:
        if r["tool"] != "distest" or not r["history"]:
            continue
        goal = TARGETS[r["variant"]]
        ratio = r["vs_surefire_same_n"]
        verdict = "-" if ratio is None else ("met" if ratio <= goal else f"missed by {ratio - goal:.3f}")
        out.append(f"  {r['variant']:<8} N={r['n']}: {fmt(ratio, '.3f')} x Surefire forkCount={r['n']} "
                   f"(target <= {goal:.2f}): {verdict}")
        if r["variant"] == "trivial" and ratio is not None and r["tests"]:
            surefire = r["median_s"] / ratio
            per_test_ms = (r["median_s"] - surefire) * 1000 / r["tests"]
            out.append(f"  {'':<8}      per test: {per_test_ms:+.2f} ms against Surefire ({r['tests']} tests)")
        variant, n, minimum = EFFICIENCY_TARGET
        if r["variant"] == variant and r["n"] == n:
            eff = r["efficiency_pct"]
            verdict = "-" if eff is None else ("met" if eff >= minimum else f"missed by {minimum - eff:.0f} points")
            out.append(f"  {variant:<8} N={n}: efficiency {fmt(eff, '.0f')} % (target >= {minimum:.0f} %): {verdict}")
    return out


# --------------------------------------------------------------------------- main

def main() -> int:
    s = Settings.from_env()
    if shutil.which(s.mvn) is None:
        sys.exit(f"bench: Maven command {s.mvn!r} not found (set MVN)")
    if shutil.which("java") is None:
        sys.exit("bench: java not found on PATH")
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    facts = machine_facts(s)
    log("machine: " + ", ".join(f"{k} {v}" for k, v in facts.items()))

    with_plugin = with_plugin_decision(s)
    units = calibrate(s) if "cpu" in s.variants else 0

    logs = WORK_DIR / "logs"
    if logs.exists():
        shutil.rmtree(logs)
    projects: dict[str, Path] = {}
    expected: dict[str, int] = {}
    planned: dict[str, float] = {}
    for variant in s.variants:
        project, classes = generate(s, variant, with_plugin, units)
        projects[variant] = project
        planned[variant] = sum(c.total_ms for c in classes) / 1000
        expected[variant] = sum(len(c.method_ms) for c in classes)
        configs = configs_for(s, variant)
        if s.offline:
            prime(s, variant, project, classes, configs)
        warm_up(s, variant, project)
        if any(c.history for c in configs):
            prime_history(s, variant, project)

    # Repeats are interleaved (all configurations once, then again) so that a slow moment of the
    # machine spreads over the configurations instead of landing on one of them; every other round goes in
    # reverse order, so that load rising (or falling) through a round does not always favour the first ones.
    runs: list[Run] = []
    started = time.perf_counter()
    for rep in range(1, s.repeat + 1):
        for variant in s.variants:
            configs = configs_for(s, variant)
            for config in (configs if rep % 2 else configs[::-1]):
                runs.append(time_config(s, variant, projects[variant], config, rep, expected[variant]))
    log(f"timed runs took {time.perf_counter() - started:.0f}s")

    rows = summarise(s, runs)
    facts["load average at end"] = load_average()
    text = print_table(s, rows, facts, planned)

    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    result_file = WORK_DIR / f"results-{stamp}.json"
    result_file.write_text(json.dumps({
        "machine": facts, "settings": dataclasses.asdict(s), "planned_test_seconds": planned,
        "rows": rows, "runs": [dataclasses.asdict(r) for r in runs],
    }, indent=2) + "\n")
    (WORK_DIR / f"results-{stamp}.txt").write_text(text + "\n")
    log(f"\nresults saved to {result_file.relative_to(BENCH_DIR)} (and .txt); Maven logs in work/logs/")
    failed = sum(1 for r in runs if not r.ok)
    if failed:
        log(f"{failed} run(s) FAILED: their times are left out of the medians; see the logs above.")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
