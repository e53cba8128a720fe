#!/usr/bin/env bash
# Benchmark (not a test): progress of all 342 municipalities over 12 half-years from 200,000 monthly
# figures in a throwaway embedded PostgreSQL; prints median and p90 of an uncached computation.
# Usage: bench/progress.sh. Needs a JDK; uses the Maven repository of earlier builds when it can.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -o test-compile 2>/dev/null || ./mvnw -q -B -ntp test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test \
    >/dev/null 2>&1 \
    || ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test

java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" nl.doorstroom.progress.ProgressBenchmark
