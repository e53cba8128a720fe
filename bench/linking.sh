#!/usr/bin/env bash
# Benchmark (not a test): the linking engine on a synthetic instance with a fixed seed (SyntheticLinkingInstance:
# shared appeal of municipalities, capacities by population share, scores growing with household size; a plain
# greedy reaches about 70% of the LP bound), beside two greedy baselines, OR-Tools CP-SAT and the exact LP bound
# (min-cost flow; GLOP as a check on request). The engine's own (Lagrangian) bound is printed too.
# Usage: bench/linking.sh [households=20000] [seconds=10] [CP-SAT seconds=60, 0 to leave it out] [GLOP check 1/0]
#   bench/linking.sh                 20,000 households, 10 s (the issue's first goal)
#   bench/linking.sh 200000 60 0     the scale goal (runs with -Xmx4g), without CP-SAT
#   bench/linking.sh 20000 10 60 1   with GLOP's LP as a check of the min-cost flow's (1 to 2 minutes more)
# OR-Tools (CP-SAT, min-cost flow, GLOP) is a test-scope dependency, Linux x86-64 native only.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile 2>/dev/null || ./mvnw -q -B -ntp test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null 2>&1 \
    || ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" nl.doorstroom.matching.engine.LinkingEngineBench "$@"
