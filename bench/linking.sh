#!/usr/bin/env bash
# Benchmark (not a test): the linking engine on a synthetic instance with a fixed seed, beside a greedy
# baseline and the engine's proven bound (the Lagrangian dual, equal to the LP bound for this problem).
# Usage: bench/linking.sh [households=20000] [seconds=10]
#   bench/linking.sh                 20,000 households, 10 s (the issue's first goal)
#   bench/linking.sh 200000 60       the scale goal (runs with -Xmx4g)
# Prints the objectives as a share of the bound and the engine's summary line. No OR-Tools yet (issue 5).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile 2>/dev/null || ./mvnw -q -B -ntp test-compile
java -Xmx4g -cp target/test-classes:target/classes nl.doorstroom.matching.engine.LinkingEngineBench "${1:-20000}" "${2:-10}"
