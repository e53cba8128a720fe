#!/usr/bin/env bash
# Benchmark (not a test): every apportionment method over 100,000 units, total 1,000,000, with long
# weights and with the BigInteger weights of the Königstein key; prints median and p90 per method.
# Usage: bench/apportionment.sh. Needs a JDK; uses the Maven repository of earlier builds when it can.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -o test-compile 2>/dev/null || ./mvnw -q -B -ntp test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test \
    >/dev/null 2>&1 \
    || ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test

java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" nl.doorstroom.quota.ApportionmentBenchmark
