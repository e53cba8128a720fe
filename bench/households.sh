#!/usr/bin/env bash
# Benchmark (not a test): the permit-holder lists and funnel with 200,000 households and 2,000,000
# timeline events in the database, as p50 / p99 latency under wrk, beside /ping of the same application.
#   1. Starts the application from the test classpath (nl.doorstroom.permitholders.HouseholdsBenchmark) on a
#      fresh data directory with the demo on, adds synthetic households and events by SQL up to those numbers,
#      runs ANALYZE, prints each list and count query's time and the indexes it used (whole plans in
#      target/bench-households-plans.txt) and the facades' times in-process.
#   2. Signs in one session per connection as the demo's COA planner (the API gets a token of that account),
#      checks that every endpoint answers 200, and runs wrk --latency against each:
#        /ping (signed in); the overdue list for the nation and for province PV26 (Utrecht), as page and API;
#        the funnel, as page and API.
# Usage: bench/households.sh [seconds=20] [connections=16]
#   An endpoint that does not answer 200 stops the run with its status. SKIP_MISSING=1 skips endpoints that
#   answer 404 (not in this build yet) instead.
# Needs wrk (apt-get install -y wrk) and a JDK; about 6 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
CONNECTIONS=${2:-16}
PORT=${BENCH_PORT:-18081}
BASE=http://localhost:$PORT
WORK=$(mktemp -d)
APP=
cleanup() {
    if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
./mvnw -q -B -o test-compile 2>/dev/null || ./mvnw -q -B -ntp test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test \
    >/dev/null 2>&1 \
    || ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test

java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" nl.doorstroom.permitholders.HouseholdsBenchmark \
    --server.port=$PORT --doorstroom.embedded-database.data-directory="$WORK/pg" \
    --bench.ready="$WORK/ready" --bench.plans=target/bench-households-plans.txt > "$WORK/app.log" 2>&1 &
APP=$!
started=$(date +%s)
until [ -f "$WORK/ready" ]; do
    if ! kill -0 "$APP" 2>/dev/null; then
        echo "The application stopped before it was ready:" >&2; tail -60 "$WORK/app.log" >&2; exit 1
    fi
    if [ $(( $(date +%s) - started )) -gt 900 ]; then
        echo "Not ready after 15 minutes:" >&2; tail -60 "$WORK/app.log" >&2; exit 1
    fi
    sleep 1
done
echo "start, demo, seeding, plans and facade timings: $(( $(date +%s) - started )) s"
grep -o 'Demo households loaded in .*' "$WORK/app.log" || true
grep '^bench| ' "$WORK/app.log" | sed 's/^bench| //'
TOKEN=$(cat "$WORK/ready.token")

csrf() { curl -s -c "$1" -b "$1" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
export SESSIONS_FILE=$WORK/sessions
for i in $(seq 1 "$CONNECTIONS"); do
    user=$WORK/user$i
    curl -s -c "$user" -b "$user" -o /dev/null \
        -d "username=coa&password=doorstroom-demo&_csrf=$(csrf "$user")" "$BASE/login"
    grep -E '\sSESSION\s' "$user" | awk '{print $7}' >> "$SESSIONS_FILE"
done
[ "$(wc -l < "$SESSIONS_FILE")" -eq "$CONNECTIONS" ] || { echo "could not sign in as coa" >&2; exit 1; }
SESSION=$(head -1 "$SESSIONS_FILE")

# measure NAME PATH session|token: checks for 200, warms up for 5 s, then prints p50, p99 and throughput.
measure() {
    local name=$1 path=$2 auth=$3 code
    local -a options
    if [ "$auth" = session ]; then
        options=(-s bench/sessions.lua)
        code=$(curl -s -o "$WORK/body" -w '%{http_code}' -H "Cookie: SESSION=$SESSION" "$BASE$path")
    else
        options=(-H "Authorization: Bearer $TOKEN")
        code=$(curl -s -o "$WORK/body" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE$path")
    fi
    if [ "$code" != 200 ]; then
        if [ "${SKIP_MISSING:-0}" = 1 ] && [ "$code" = 404 ]; then
            printf '%-52s skipped: 404, not in this build\n' "$name"
            return 0
        fi
        echo "FAILED: $name ($path) answered HTTP $code" >&2
        head -c 400 "$WORK/body" >&2; echo >&2
        exit 1
    fi
    wrk -t2 -c"$CONNECTIONS" -d5s "${options[@]}" "$BASE$path" > /dev/null
    wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "${options[@]}" "$BASE$path" > "$WORK/wrk.out"
    if grep -q -E 'Non-2xx or 3xx responses|Socket errors' "$WORK/wrk.out"; then
        echo "FAILED: $name ($path) under load:" >&2; cat "$WORK/wrk.out" >&2; exit 1
    fi
    printf '%-52s p50 %9s  p99 %9s  %8s req/s\n' "$name" \
        "$(awk '$1 == "50%" {print $2}' "$WORK/wrk.out")" "$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")" \
        "$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")"
}

echo
echo "wrk: $CONNECTIONS connections (one signed-in session each as coa, or one API token), ${SECONDS_PER_RUN} s per endpoint"
measure "/ping (trivial, signed in)" "/ping" session
measure "overdue list, nation (page)" "/households?overdue=OVERDUE" session
measure "overdue list, province PV26 (page)" "/households?overdue=OVERDUE&province=PV26" session
measure "funnel (page)" "/households/funnel" session
measure "overdue list, nation (API)" "/api/v1/households?overdue=OVERDUE" token
measure "overdue list, province PV26 (API)" "/api/v1/households?overdue=OVERDUE&province=PV26" token
measure "funnel (API)" "/api/v1/household-funnel" token
