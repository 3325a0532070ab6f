#!/usr/bin/env bash
# distest benchmark: Surefire vs distest on generated JUnit 5 projects. See bench/README.md.
#
#   bench/run.sh                      # everything, REPEAT=3 (about 18 minutes on 2 cores)
#   bench/run.sh --variant sleep      # some variants only (cpu | sleep | trivial | both | all | a,b)
#   bench/run.sh --dry-run            # Surefire configurations only (= BENCH_SURFIRE_ONLY=1)
#   REPEAT=1 BENCH_CLASSES=12 BENCH_TOTAL_SECONDS=8 bench/run.sh --dry-run   # a quick check
#
# Other settings are environment variables, listed at the top of bench/bench.py.
set -euo pipefail

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --dry-run|--surefire-only) export BENCH_SURFIRE_ONLY=1 ;;
    --variant) [[ $# -ge 2 ]] || { echo "run.sh: --variant needs cpu, sleep, trivial, both or all" >&2; exit 2; }
               export BENCH_VARIANT="$2"; shift ;;
    --variant=*) export BENCH_VARIANT="${1#--variant=}" ;;
    --cpu|--sleep|--trivial|--all) export BENCH_VARIANT="${1#--}" ;;
    --repeat) [[ $# -ge 2 ]] || { echo "run.sh: --repeat needs a number" >&2; exit 2; }
              export REPEAT="$2"; shift ;;
    --repeat=*) export REPEAT="${1#--repeat=}" ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

command -v python3 >/dev/null || { echo "run.sh: python3 (3.11+) is required" >&2; exit 2; }
exec python3 "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/bench.py"
