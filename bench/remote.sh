#!/usr/bin/env bash
# Remote benchmark (issue 15): popen vs ssh on loopback vs ssh through a latency-injecting proxy (0/50/150 ms RTT),
# on a generated sleep-bound suite (32 classes, 98 tests, durations history present, 4 workers). Brings its own
# OpenSSH sshd (generated keys, loopback port) and bench/LatencyProxy.java; builds this checkout into bench/work/m2
# (never `mvn install` into ~/.m2). Prints one table and saves it to bench/results/remote.txt.
#
#   bash bench/remote.sh                       # REPEAT=3: about 5 minutes on 2 cores
#   REPEAT=1 REMOTE_RTTS=50 bash bench/remote.sh
#
# Knobs are environment variables, listed at the top of bench/remote.py and in bench/README.md.
set -euo pipefail
command -v python3 >/dev/null || { echo "remote.sh: python3 (3.11+) is required" >&2; exit 2; }
exec python3 "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/remote.py"
