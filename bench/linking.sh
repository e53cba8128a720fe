#!/usr/bin/env bash
# Benchmark (not a test): the linking engine on a synthetic instance with a fixed seed, beside a greedy
# baseline and the engine's proven bound (the Lagrangian dual, equal to the LP bound for this problem).
# Usage: bench/linking.sh [households=20000] [seconds=10] [CP-SAT seconds=60, 0 to leave it out]
#   bench/linking.sh                 20,000 households, 10 s (the issue's first goal)
#   bench/linking.sh 200000 60 0     the scale goal (runs with -Xmx4g), without CP-SAT
# Prints the objectives as a share of the bound and the engine's summary line; OR-Tools CP-SAT (a test-scope
# dependency, Linux x86-64 native only) gets the same instance.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile 2>/dev/null || ./mvnw -q -B -ntp test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null 2>&1 \
    || ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" nl.doorstroom.matching.engine.LinkingEngineBench "${1:-20000}" "${2:-10}" "${3:-60}"
