#!/usr/bin/env bash
# What the timeline costs on the trivial 5,000-test suite, and how big it is for 300 classes (see bench/timeline.py).
# Writes bench/results/timeline.txt. Settings: REPEAT (5), BENCH_TX (2*popen), BENCH_TIMELINE_CLASSES (300),
# BENCH_PLUGIN_REPO / BENCH_SETTINGS to take the plugin from a private repository instead of ~/.m2.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$here/results"
python3 "$here/timeline.py" | tee "$here/results/timeline.txt"
