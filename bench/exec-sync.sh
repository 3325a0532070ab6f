#!/usr/bin/env bash
# Sync benchmark of the exec= gateway (issue 14): the same project over `ssh=` (sshj: SFTP for the worker jar,
# ssh tunnels for the connections) and over `exec=ssh -T …` (the OpenSSH client; the worker jar and every
# connection through its stdin/stdout), against one loopback OpenSSH sshd with generated keys. For each: a first
# run into an empty far-side cache, an unchanged second run, a run after one class changed; prints files and
# bytes sent, the sync time and the whole run's time (two worker JVMs, three small test classes).
# Runs in the reactor (no mvn install): needs /usr/sbin/sshd and the ssh client.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.." && mkdir -p "$here/work"
mvn -o -B -Dstyle.color=never -pl distest-maven-plugin -am verify -Dtest=ExecSyncBench \
    -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.skip > "$here/work/exec-sync.log" 2>&1 \
  || { tail -60 "$here/work/exec-sync.log"; exit 1; }
grep -h '^BENCH' "$here/work/exec-sync.log" distest-maven-plugin/target/surefire-reports/*ExecSyncBench*-output.txt 2>/dev/null \
  | sed 's/^BENCH //' | awk '!seen[$0]++'
