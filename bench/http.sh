#!/usr/bin/env bash
# Benchmark (not a test): cold start to ready, then throughput and p99 latency with wrk of
#   /ping                    trivial endpoint, no session (the ceiling)
#   /ping + session cookie   trivial endpoint through the session store (JDBC sessions)
#   /api/v1/municipalities   with an API token
#   /                        the national map page, signed in
# Usage: bench/http.sh [seconds=30] [connections=32]. Needs wrk (apt-get install wrk) and a JDK.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-30}
CONNECTIONS=${2:-32}
PORT=18080
BASE=http://localhost:$PORT
WORK=$(mktemp -d)
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT

./mvnw -q -B -ntp -DskipTests package
JAR=$(ls target/doorstroom-*.jar | grep -v original | head -1)

start_app() {
    local started=$(date +%s%N)
    java -jar "$JAR" --server.port=$PORT --doorstroom.embedded-database.data-directory="$WORK/pg" \
        > "$WORK/app.log" 2>&1 &
    APP=$!
    until curl -sf "$BASE/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.1; done
    echo "start to ready ($1): $(( ($(date +%s%N) - started) / 1000000 )) ms"
}

start_app "first start: new database, migrations, demo accounts"
kill $APP; wait $APP || true
start_app "second start: existing database"

jar=$WORK/cookies
csrf() { curl -s -c "$jar" -b "$jar" "$BASE$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=admin&password=doorstroom-demo&_csrf=$(csrf /login)" "$BASE/login"
TOKEN=$(curl -s -c "$jar" -b "$jar" -L -d "accountId=1&name=bench&validDays=1&_csrf=$(csrf /admin/tokens)" "$BASE/admin/tokens" \
    | grep -o 'value="dst_[^"]*"' | sed 's/value="//;s/"$//')
SESSION=$(grep -E '\sSESSION\s' "$jar" | awk '{print $7}')
[ -n "$TOKEN" ] && [ -n "$SESSION" ] || { echo "could not sign in"; exit 1; }

run() {
    local name=$1; shift
    curl -s -o /dev/null -w "$name: HTTP %{http_code}, %{size_download} bytes\n" "$@"
    wrk -t2 -c4 -d5s "${@: -1}" ${WRK_HEADERS[@]+"${WRK_HEADERS[@]}"} >/dev/null   # warm-up
    wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "${@: -1}" ${WRK_HEADERS[@]+"${WRK_HEADERS[@]}"} \
        | grep -E 'Requests/sec|99%|Non-2xx|Socket errors'
}

WRK_HEADERS=(); run "/ping (no session)" "$BASE/ping"
WRK_HEADERS=(-H "Cookie: SESSION=$SESSION"); run "/ping (session)" -H "Cookie: SESSION=$SESSION" "$BASE/ping"
WRK_HEADERS=(-H "Authorization: Bearer $TOKEN"); run "/api/v1/municipalities (token)" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/municipalities"
WRK_HEADERS=(-H "Cookie: SESSION=$SESSION"); run "/ (map page, session)" -H "Cookie: SESSION=$SESSION" "$BASE/"
