#!/usr/bin/env bash
# Issue 15, "the coordinator is never the bottleneck", without a cluster: the real worker pool and run loop with
# 1,000 fake workers on in-memory channels answering the real protocol, 1,000,000 test results (10,000 classes of
# 100 tests). Prints the coordinator's CPU time (run loop thread and connection readers; the fakes' CPU apart), the
# wall time and the heap after a GC at every tenth of the results (flat: nothing grows with results reported).
# Runs in the reactor (no mvn install); the numbers also go to bench/results/coordinator.txt.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.." && mkdir -p "$here/work" "$here/results"
mvn -o -B -Dstyle.color=never -pl distest-maven-plugin -am verify -Dtest=CoordinatorBench \
    -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.skip > "$here/work/coordinator.log" 2>&1 \
  || { tail -60 "$here/work/coordinator.log"; exit 1; }
{
  echo "# bench/coordinator.sh, $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
  grep -h '^BENCH' "$here/work/coordinator.log" distest-maven-plugin/target/surefire-reports/*CoordinatorBench*-output.txt \
      2>/dev/null | sed 's/^BENCH //' | awk '!seen[$0]++'
} | tee "$here/results/coordinator.txt"
