#!/usr/bin/env python3
"""distest remote benchmark (issue 15): popen vs ssh on loopback vs ssh across a slow link.

Standard library only (Python 3.11). Started through bench/remote.sh; see bench/README.md.

One run: builds this checkout's plugin into a private local repository (bench/work/m2; ~/.m2 is only read),
generates a sleep-bound JUnit 5 suite, starts a real OpenSSH sshd on a loopback port with generated keys and one
LatencyProxy (bench/LatencyProxy.java) per round-trip time in front of it, then times `mvn -o test` with
`REMOTE_WORKERS` workers over popen, ssh direct and ssh through each proxy, and prints a table with the whole
command's wall clock and what distest's efficiency line says (its own wall, efficiency, first-test latency).

Knobs (environment):

  REPEAT                 runs per configuration, interleaved; medians are reported            (3)
  REMOTE_RTTS            round-trip times through the proxy, ms, comma-separated              (0,50,150)
  REMOTE_MBIT            the proxy's rate per direction, Mbit/s (0: unlimited)                (100)
  REMOTE_WORKERS         workers per configuration                                            (4)
  REMOTE_CLASSES         test classes of the generated suite                                  (32)
  REMOTE_TESTS           tests of the generated suite                                         (98)
  REMOTE_TOTAL_SECONDS   sequential test time of the generated suite                          (24)
  REMOTE_LONG_CLASSES    long classes (last by name), 30 % of the time between them           (2)
  REMOTE_SEED            generator seed                                                       (15)
  REMOTE_CONFIGS         which rows, comma-separated: popen, ssh, proxy (all RTTs)            (popen,ssh,proxy)
  REMOTE_BUILD           1: build this checkout into bench/work/m2 first; 0: use what is there (1)
  REMOTE_OUT             where the table is appended                               (bench/results/remote.txt)
  REMOTE_MVN_ARGS        extra arguments for every timed mvn run, split like a shell would   (none)
  MVN                    the Maven command                                                    (mvn)
"""

from __future__ import annotations

import dataclasses
import datetime
import glob
import os
import random
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import env_int, fmt, log, run_logged, tail  # noqa: E402  (the helpers bench.py already has)

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
WORK = BENCH_DIR / "work" / "remote"
M2 = BENCH_DIR / "work" / "m2"
SUREFIRE_VERSION = "3.5.4"
JUNIT_VERSION = "5.14.4"
SSHD = "/usr/sbin/sshd"


def env_list(name: str, default: str) -> list[str]:
    return [v.strip() for v in (os.environ.get(name, "").strip() or default).split(",") if v.strip()]


@dataclasses.dataclass(frozen=True)
class Settings:
    repeat: int
    rtts: tuple[int, ...]
    mbit: float
    workers: int
    classes: int
    tests: int
    total_seconds: float
    long_classes: int
    seed: int
    configs: tuple[str, ...]
    build: bool
    out: Path
    mvn: str

    @staticmethod
    def from_env() -> "Settings":
        try:
            rtts = tuple(int(v) for v in env_list("REMOTE_RTTS", "0,50,150"))
            mbit = float(os.environ.get("REMOTE_MBIT", "").strip() or "100")
            total = float(os.environ.get("REMOTE_TOTAL_SECONDS", "").strip() or "24")
        except ValueError as e:
            sys.exit(f"remote: REMOTE_RTTS, REMOTE_MBIT and REMOTE_TOTAL_SECONDS must be numbers: {e}")
        if any(r < 0 for r in rtts) or mbit < 0 or total <= 0:
            sys.exit("remote: REMOTE_RTTS and REMOTE_MBIT must be >= 0, REMOTE_TOTAL_SECONDS > 0")
        configs = tuple(env_list("REMOTE_CONFIGS", "popen,ssh,proxy"))
        if not configs or any(c not in ("popen", "ssh", "proxy") for c in configs):
            sys.exit(f"remote: REMOTE_CONFIGS must list popen, ssh and/or proxy, was {configs!r}")
        classes = env_int("REMOTE_CLASSES", 32, 2)
        tests = env_int("REMOTE_TESTS", 98, classes)
        long_classes = env_int("REMOTE_LONG_CLASSES", 2, 0)
        if long_classes >= classes:
            sys.exit(f"remote: REMOTE_LONG_CLASSES ({long_classes}) must be less than REMOTE_CLASSES ({classes})")
        out = Path(os.environ.get("REMOTE_OUT", "").strip() or BENCH_DIR / "results" / "remote.txt")
        return Settings(env_int("REPEAT", 3, 1), rtts, mbit, env_int("REMOTE_WORKERS", 4, 1), classes, tests, total,
                        long_classes, env_int("REMOTE_SEED", 15), configs,
                        os.environ.get("REMOTE_BUILD", "1").strip() != "0", out,
                        os.environ.get("MVN", "mvn").strip() or "mvn")


# --------------------------------------------------------------------------- the suite

def plan(s: Settings) -> list[tuple[str, list[int]]]:
    """(class name, method durations in ms): short classes of lognormal length first, the long ones last by name."""
    rng = random.Random(s.seed)
    n_short = s.classes - s.long_classes
    total_ms = s.total_seconds * 1000
    long_ms = total_ms * 0.3 if s.long_classes else 0
    short_w = [rng.lognormvariate(0.0, 0.8) for _ in range(n_short)]
    durations = [(total_ms - long_ms) * w / sum(short_w) for w in short_w]
    durations += [long_ms / s.long_classes] * s.long_classes
    # tests per class: at least 1, the rest spread at random, long classes first served
    counts = [1] * s.classes
    for _ in range(s.tests - s.classes):
        counts[rng.randrange(s.classes)] += 1
    width = max(2, len(str(s.classes)))
    classes = []
    for i, (class_ms, count) in enumerate(zip(durations, counts)):
        weights = [rng.uniform(0.5, 1.5) for _ in range(count)]
        classes.append((f"Remote{i + 1:0{width}d}Test",
                        [max(5, round(class_ms * w / sum(weights))) for w in weights]))
    return classes


POM = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by distest/bench/remote.py: do not edit. -->
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.distest.bench</groupId>
  <artifactId>bench-remote</artifactId>
  <version>0.1.0-SNAPSHOT</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>%(junit)s</version>
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
        <version>%(surefire)s</version>
      </plugin>
      <plugin>
        <groupId>io.distest</groupId>
        <artifactId>distest-maven-plugin</artifactId>
        <version>0.1.0-SNAPSHOT</version>
        <extensions>true</extensions>
      </plugin>
    </plugins>
  </build>
</project>
"""

# ~/.m2 serves as a read-only source of releases; snapshots (io.distest) come only from bench/work/m2.
SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<settings>
  <localRepository>%(m2)s</localRepository>
  <profiles>
    <profile>
      <id>bench-repo</id>
      <activation><activeByDefault>true</activeByDefault></activation>
      <repositories>
        <repository>
          <id>home.m2</id>
          <url>file://%(home)s</url>
          <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
          <snapshots><enabled>false</enabled></snapshots>
        </repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository>
          <id>home.m2</id>
          <url>file://%(home)s</url>
          <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
          <snapshots><enabled>false</enabled></snapshots>
        </pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
</settings>
"""


def generate(s: Settings) -> tuple[Path, int]:
    project = WORK / "project"
    if project.exists():
        shutil.rmtree(project)
    src = project / "src" / "test" / "java" / "bench"
    src.mkdir(parents=True)
    (project / "pom.xml").write_text(POM % {"junit": JUNIT_VERSION, "surefire": SUREFIRE_VERSION})
    classes = plan(s)
    for name, methods in classes:
        lines = ["package bench;", "", "import org.junit.jupiter.api.Test;", "",
                 f"/** Generated: {sum(methods)} ms of sleeping in {len(methods)} tests. */", f"class {name} {{"]
        for i, ms in enumerate(methods, 1):
            lines += ["", "    @Test", f"    void sleeps{ms}ms_{i}() throws InterruptedException {{",
                      f"        Thread.sleep({ms});", "    }"]
        (src / f"{name}.java").write_text("\n".join(lines + ["}", ""]))
    tests = sum(len(m) for _, m in classes)
    log(f"generated {project.relative_to(BENCH_DIR)}: {len(classes)} classes, {tests} tests, "
        f"{sum(sum(m) for _, m in classes) / 1000:.1f} s of sleeping (longest class "
        f"{max(sum(m) for _, m in classes) / 1000:.1f} s)")
    return project, tests


# --------------------------------------------------------------------------- processes

def build(s: Settings) -> None:
    """Packages this checkout and lets the invoker plugin install it (and its dependencies) into a private
    repository: never `mvn install` into ~/.m2, which other builds on this machine read."""
    log_path = WORK / "logs" / "build.log"
    code, elapsed = run_logged([s.mvn, "-o", "-B", "-q", "-pl", "distest-maven-plugin", "-am", "verify",
                                "-Dtest=NONE", "-Dsurefire.failIfNoSpecifiedTests=false",
                                "-Dinvoker.test=NO-SUCH-IT"], ROOT, log_path)
    installed = ROOT / "distest-maven-plugin" / "target" / "local-repo"
    if code != 0 or not (installed / "io" / "distest" / "distest-maven-plugin").is_dir():
        sys.exit(f"remote: building the plugin failed (exit {code}); see {log_path}\n{tail(log_path)}")
    if M2.exists():
        shutil.rmtree(M2 / "io" / "distest", ignore_errors=True)
    shutil.copytree(installed, M2, dirs_exist_ok=True)
    log(f"built this checkout's plugin into {M2.relative_to(BENCH_DIR)} ({elapsed:.0f} s)")


class Sshd:
    """A real OpenSSH sshd on a free loopback port, keys generated in its own directory; ~/.ssh is not touched."""

    def __init__(self, directory: Path):
        self.dir = directory
        self.process: subprocess.Popen | None = None
        self.port = 0

    def start(self) -> None:
        if not os.access(SSHD, os.X_OK):
            sys.exit(f"remote: {SSHD} is missing: install openssh-server (apt-get install openssh-server)")
        if self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True)
        for key in ("host_ed25519_key", "user_ed25519"):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "distest-bench", "-f",
                            str(self.dir / key)], check=True)
        shutil.copy(self.dir / "user_ed25519.pub", self.dir / "authorized_keys")
        Path("/run/sshd").mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        config = self.dir / "sshd_config"
        config.write_text("\n".join([
            "ListenAddress 127.0.0.1", f"Port {self.port}", f"HostKey {self.dir / 'host_ed25519_key'}",
            f"AuthorizedKeysFile {self.dir / 'authorized_keys'}", f"PidFile {self.dir / 'sshd.pid'}",
            "UsePAM no", "StrictModes no", "PermitRootLogin yes", "PasswordAuthentication no",
            "KbdInteractiveAuthentication no", "AllowTcpForwarding yes", "Subsystem sftp internal-sftp",
            "MaxStartups 100", "MaxSessions 100", "LogLevel ERROR", ""]))
        self.process = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stdin=subprocess.DEVNULL,
                                        stdout=open(self.dir / "sshd.log", "w"), stderr=subprocess.STDOUT)
        wait_for_port(self.port, self.process, "sshd", self.dir / "sshd.log")

    def known_hosts(self, ports: list[int]) -> Path:
        kind, key = (self.dir / "host_ed25519_key.pub").read_text().split()[:2]
        path = self.dir / "known_hosts"
        path.write_text("".join(f"[127.0.0.1]:{p} {kind} {key}\n" for p in ports))
        return path

    def stop(self) -> None:
        stop(self.process)


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, what: str, log_path: Path) -> None:
    import socket
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"remote: {what} exited with {process.returncode}: {tail(log_path)}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    stop(process)
    sys.exit(f"remote: {what} did not listen on port {port} within 15 s: {tail(log_path)}")


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def start_proxy(target_port: int, rtt_ms: int, mbit: float, log_path: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    half = rtt_ms / 2
    process = subprocess.Popen(["java", str(BENCH_DIR / "LatencyProxy.java"), str(port), f"127.0.0.1:{target_port}",
                                str(half), str(half), str(mbit), str(mbit)], stdin=subprocess.DEVNULL,
                               stdout=open(log_path, "w"), stderr=subprocess.STDOUT)
    wait_for_port(port, process, f"the {rtt_ms} ms proxy", log_path)
    return process, port


# --------------------------------------------------------------------------- timed runs

@dataclasses.dataclass(frozen=True)
class Config:
    name: str
    tx: str


@dataclasses.dataclass
class Run:
    config: str
    wall_s: float
    code: int
    tests: int = 0
    failures: int = 0
    distest_wall_s: float | None = None
    efficiency: float | None = None
    startup_s: float | None = None
    first_test_s: float | None = None
    sync_s: float | None = None
    ready_s: list[float] = dataclasses.field(default_factory=list)
    early_s: float | None = None
    log: str = ""


EFFICIENCY = re.compile(r"distest: ([\d.]+) s wall, .*efficiency (\d+) % of the ideal .*JVM start-up ([\d.]+) s; "
                        r"first test ([\d.]+) s after JVM start")
SYNC = re.compile(r"synced \d+ files .* in ([\d.]+) s")
READY = re.compile(r"\] .*, ready in ([\d.]+) s")
EARLY = re.compile(r"beside the build's earlier phases in [\d.]+ s: (?:ready ([\d.]+) s before|the tests waited ([\d.]+) s)")


def mvn_cmd(s: Settings, *args: str, offline: bool = True) -> list[str]:
    return [s.mvn, *(["-o"] if offline else []), "-B", "-Dstyle.color=never", "-s", str(WORK / "settings.xml"),
            *args]


def timed(s: Settings, project: Path, config: Config, rep: int, expected: int) -> Run:
    reports = project / "target" / "surefire-reports"
    shutil.rmtree(reports, ignore_errors=True)
    log_path = WORK / "logs" / f"{re.sub('[^A-Za-z0-9]+', '-', config.name).strip('-')}-{rep}.log"
    extra = shlex.split(os.environ.get("REMOTE_MVN_ARGS", ""))
    code, elapsed = run_logged(mvn_cmd(s, "test", f"-Ddistest.tx={config.tx}", *ssh_args(), *extra), project,
                               log_path)
    run = Run(config.name, elapsed, code, log=str(log_path.relative_to(BENCH_DIR)))
    for f in glob.glob(str(reports / "TEST-*.xml")):
        for case in ET.parse(f).getroot().iter("testcase"):
            run.tests += 1
            if case.find("failure") is not None or case.find("error") is not None:
                run.failures += 1
    text = log_path.read_text(errors="replace")
    if m := EFFICIENCY.search(text):
        run.distest_wall_s, run.efficiency = float(m.group(1)), float(m.group(2))
        run.startup_s, run.first_test_s = float(m.group(3)), float(m.group(4))
    if m := SYNC.search(text):
        run.sync_s = float(m.group(1))
    run.ready_s = [float(x) for x in READY.findall(text)]
    if m := EARLY.search(text):
        run.early_s = float(m.group(1)) if m.group(1) else -float(m.group(2))
    ok = code == 0 and run.failures == 0 and run.tests == expected
    log(f"  {config.name:<24} run {rep}/{s.repeat}: {elapsed:6.2f} s wall, distest {fmt(run.distest_wall_s, '.1f')} s, "
        f"efficiency {fmt(run.efficiency, '.0f')} %, first test {fmt(run.first_test_s, '.1f')} s"
        + ("" if ok else f"  FAILED (exit {code}, {run.tests}/{expected} tests, {run.failures} failed; {log_path})"))
    if not ok:
        run.code = code or 1
    return run


SSH_ARGS: list[str] = []


def ssh_args() -> list[str]:
    return SSH_ARGS


def median(values) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def table(s: Settings, configs: list[Config], runs: list[Run], facts: str, suite: str) -> str:
    header = ["gateway", "whole mvn s", "runs (s)", "distest wall s", "efficiency %", "JVM start-up s",
              "first test s", "sync s", "ready s (max)", "early start s"]
    rows = [header]
    for c in configs:
        mine = [r for r in runs if r.config == c.name]
        good = [r for r in mine if r.code == 0]
        rows.append([c.name, fmt(median(r.wall_s for r in good), ".2f"),
                     " ".join(f"{r.wall_s:.1f}" for r in mine) + ("" if len(good) == len(mine) else " (FAILED)"),
                     fmt(median(r.distest_wall_s for r in good), ".1f"), fmt(median(r.efficiency for r in good), ".0f"),
                     fmt(median(r.startup_s for r in good), ".1f"), fmt(median(r.first_test_s for r in good), ".1f"),
                     fmt(median(r.sync_s for r in good), ".2f"),
                     fmt(median(max(r.ready_s) if r.ready_s else None for r in good), ".1f"),
                     fmt(median(r.early_s for r in good), "+.2f")])
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    line = lambda r: "  ".join(c.ljust(widths[i]) if i in (0, 2) else c.rjust(widths[i]) for i, c in enumerate(r)).rstrip()
    out = [f"machine: {facts}", f"suite: {suite}; {s.workers} workers each; REPEAT={s.repeat} (interleaved), medians;"
           f" proxy rate {s.mbit:g} Mbit/s per direction", "", line(header), line(["-" * w for w in widths])]
    out += [line(r) for r in rows[1:]]
    out += ["",
            "whole mvn s     wall clock of `mvn -o test -Ddistest.tx=...` (Maven start-up included)",
            "distest wall s  distest's efficiency line: from opening the gateways (ssh connect, sync) to the last result",
            "efficiency %    distest's efficiency line: max(test time / N, longest unit) + one JVM start-up, over its wall",
            "JVM start-up s  the efficiency line's: quickest worker from starting its JVM to connected",
            "first test s    the efficiency line's: from starting a worker JVM to its first test (median of the workers)",
            "sync s          the ssh gateway's sync line (unchanged project: manifest only)",
            "ready s (max)   the slowest worker's `ready in` (from asking for the worker to its hello)",
            "early start s   ssh: how long before the test run asked for it the connection and far server, started",
            "                beside compile and test-compile, were ready (negative: how long the run waited; - : none)"]
    return "\n".join(out)


def main() -> int:
    s = Settings.from_env()
    for tool in (s.mvn, "java", "ssh-keygen"):
        if shutil.which(tool) is None:
            sys.exit(f"remote: {tool} not found on PATH")
    WORK.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(WORK / "logs", ignore_errors=True)
    cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                if l.startswith("model name")), "?")
    facts = (f"nproc {os.cpu_count()}, {cpu}, load average at start "
             + " ".join(f"{x:.2f}" for x in os.getloadavg()) + f", commit "
             + subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True).stdout.strip()
             + (" (+ uncommitted changes)" if subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                                                              cwd=ROOT, capture_output=True, text=True).stdout.strip()
                else ""))
    log("machine: " + facts)
    if s.build:
        build(s)
    elif not (M2 / "io" / "distest" / "distest-maven-plugin").is_dir():
        sys.exit(f"remote: REMOTE_BUILD=0 but nothing is built in {M2}")
    (WORK / "settings.xml").write_text(SETTINGS % {"m2": M2, "home": Path.home() / ".m2" / "repository"})
    project, expected = generate(s)
    suite = f"{s.classes} classes, {expected} tests, {s.total_seconds:g} s of Thread.sleep, durations history present"

    code, elapsed = run_logged(mvn_cmd(s, "test", "-Ddistest.tx=1*popen", "-Dtest=Remote01Test", offline=False),
                               project, WORK / "logs" / "prime.log")
    if code != 0:
        sys.exit(f"remote: priming dependencies failed; see {WORK / 'logs' / 'prime.log'}\n{tail(WORK / 'logs' / 'prime.log')}")
    (project / ".distest").exists() and shutil.rmtree(project / ".distest")
    code, elapsed = run_logged(mvn_cmd(s, "test", f"-Ddistest.tx={s.workers}*popen"), project,
                               WORK / "logs" / "history.log")
    if code != 0:
        sys.exit(f"remote: the history run failed; see {WORK / 'logs' / 'history.log'}")
    log(f"durations history written by an untimed {s.workers}*popen run ({elapsed:.1f} s)")

    sshd = Sshd(WORK / "sshd")
    proxies: list[subprocess.Popen] = []
    runs: list[Run] = []
    try:
        configs = [Config(f"{s.workers}*popen", f"{s.workers}*popen")] if "popen" in s.configs else []
        wants_ssh = "ssh" in s.configs or "proxy" in s.configs
        if wants_ssh:
            sshd.start()
            cache = WORK / "far-side-cache"  # the far side's cache (//chdir=): not the real ~/.cache/distest
            spec = lambda port: f"{s.workers}*ssh=root@127.0.0.1:{port}//chdir={cache}"
            ports = [sshd.port]
            if "ssh" in s.configs:
                configs.append(Config(f"{s.workers}*ssh direct", spec(sshd.port)))
            if "proxy" in s.configs:
                for rtt in s.rtts:
                    process, port = start_proxy(sshd.port, rtt, s.mbit, WORK / "logs" / f"proxy-{rtt}.log")
                    proxies.append(process)
                    ports.append(port)
                    configs.append(Config(f"{s.workers}*ssh proxy {rtt} ms", spec(port)))
            known_hosts = sshd.known_hosts(ports)
            SSH_ARGS.extend([f"-Ddistest.ssh.config={sshd.dir / 'no-config'}",
                             f"-Ddistest.ssh.knownHosts={known_hosts}",
                             f"-Ddistest.ssh.identities={sshd.dir / 'user_ed25519'}"])
            log(f"sshd on 127.0.0.1:{sshd.port}; proxies on {', '.join(map(str, ports[1:])) or '-'}")
            # fills the far side's cache, so that timed runs sync an unchanged project as in daily use
            warm = Config("warm-up", spec(sshd.port))
            r = timed(s, project, warm, 0, expected)
            if r.code != 0:
                sys.exit(f"remote: the warm-up ssh run failed; see {BENCH_DIR / r.log}\n{tail(BENCH_DIR / r.log)}")
        for rep in range(1, s.repeat + 1):
            for config in configs:
                runs.append(timed(s, project, config, rep, expected))
    finally:
        for p in proxies:
            stop(p)
        sshd.stop()
    text = table(s, configs, runs, facts, suite)
    log("\n" + text)
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    s.out.parent.mkdir(parents=True, exist_ok=True)
    # appended: the file keeps the earlier tables (before/after comparisons live in it)
    with s.out.open("a") as results:
        results.write(f"\n==== bench/remote.sh, {stamp} (a 2-core machine shared with other work) ====\n\n{text}\n")
    log(f"\nappended to {s.out}; Maven logs in {(WORK / 'logs').relative_to(BENCH_DIR)}/")
    return 1 if any(r.code != 0 for r in runs) else 0


if __name__ == "__main__":
    def interrupted(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, interrupted)
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
