#!/usr/bin/env bash
# Hostile clients against a real worker server (issue 11): starts `distest-worker.jar serve` as a child JVM with
# -Xmx512m on loopback and, under each load (40 clients announcing 16 MiB frames, 500 slowloris connections,
# three 16 MiB map frames before authentication), prints the server's resident memory, its heap in use, whether
# it is still alive, and how long an honest client takes to be admitted (5 tries; "refused"/"failed" if it is
# not). All traffic goes to 127.0.0.1.
#
#   bench/server-hostile.sh              # the worker jar of this checkout (build it first: mvn -q -o -pl distest-worker -am package -DskipTests)
#   bench/server-hostile.sh OTHER.jar    # any other worker jar, e.g. an older one for a before/after comparison
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${1:-$here/../distest-worker/target/distest-worker-0.1.0-SNAPSHOT.jar}"
[ -f "$jar" ] || { echo "no worker jar at $jar: build it first (mvn -q -o -pl distest-worker -am package -DskipTests)"; exit 1; }
exec java -cp "$jar" "$here/ServerHostile.java" "$jar"
