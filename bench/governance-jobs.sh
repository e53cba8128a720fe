#!/usr/bin/env bash
# Benchmark (not a test): time from asking to DONE for background weekly reports (three in a row: the first is
# cold) and a letter batch to every municipality with figures (twice), on the test context with the demo data
# (embedded PostgreSQL). Prints lines starting with BENCH; asserts nothing.
# Usage: bench/governance-jobs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -q verify -Dtest=GovernanceJobsBench -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep '^BENCH' || true
grep -h '^BENCH' target/surefire-reports/*GovernanceJobsBench*-output.txt 2>/dev/null || true
