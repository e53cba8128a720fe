#!/usr/bin/env bash
# Benchmark (not a test): the allocation-share engine: the needed share of 342 municipalities (the nation-wide
# table) and a full comparison of four shares with needed share and sensitivity over 104 weeks; prints median
# and p90. Usage: bench/allocation.sh. Needs a JDK; uses the Maven repository of earlier builds when it can.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -o test-compile 2>/dev/null || ./mvnw -q -B -ntp test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test \
    >/dev/null 2>&1 \
    || ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test

java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" nl.doorstroom.housingmarket.engine.AllocationBenchmark
