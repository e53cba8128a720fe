#!/usr/bin/env bash
# Benchmark (not a test): the forecasting engine's Monte Carlo on the illustrative national parameters
# (ForecastParameters.nationalExample) and on 342 synthetic municipalities (parameters scaled by a heavy-tailed
# population share, fixed seed), then a backtest of the drift forecaster on a synthetic history. Prints wall time,
# runs per second, peak heap (sum of the heap pools' peaks) and the heap the result keeps; asserts nothing.
# Usage: bench/forecast.sh [nation runs=10000] [runs per municipality=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile 2>/dev/null || ./mvnw -q -B -ntp test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null 2>&1 \
    || ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" nl.doorstroom.forecasting.engine.ForecastBench "$@"
