#!/usr/bin/env bash
# Benchmark (not a test): cold start to ready, then throughput and p99 latency with wrk of
#   /ping                    trivial endpoint, no session (the ceiling)
#   /ping + session cookie   trivial endpoint through the session store (JDBC sessions)
#   /api/v1/municipalities   with an API token
#   /                        the national map page, signed in
#   /progress                the national progress overview (totals, charts, map by realisation), signed in
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
JAR=target/doorstroom.jar

start_app() {
    local started=$(date +%s%N)
    java -jar "$JAR" --server.port=$PORT --doorstroom.embedded-database.data-directory="$WORK/pg" --doorstroom.demo.enabled=true \
        > "$WORK/app.log" 2>&1 &
    APP=$!
    until curl -sf "$BASE/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.1; done
    echo "start to ready ($1): $(( ($(date +%s%N) - started) / 1000000 )) ms"
}

start_app "first start: new database, migrations, demo accounts"
kill $APP; wait $APP || true
start_app "second start: existing database"

jar=$WORK/cookies
csrf() { curl -s -c "${jar}" -b "${jar}" "$BASE$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=admin&password=doorstroom-demo&_csrf=$(csrf /login)" "$BASE/login"
TOKEN=$(curl -s -c "$jar" -b "$jar" -L -d "accountId=1&name=bench&validDays=1&_csrf=$(csrf /admin/tokens)" "$BASE/admin/tokens" \
    | grep -o 'value="dst_[^"]*"' | sed 's/value="//;s/"$//')
[ -n "$TOKEN" ] || { echo "could not sign in"; exit 1; }

# One session per simulated user: 32 connections on one session would all wait for the same row lock.
export SESSIONS_FILE=$WORK/sessions
for i in $(seq 1 "$CONNECTIONS"); do
    user=$WORK/user$i
    curl -s -c "$user" -b "$user" -o /dev/null \
        -d "username=coordinator&password=doorstroom-demo&_csrf=$(jar=$user csrf /login)" "$BASE/login"
    grep -E '\sSESSION\s' "$user" | awk '{print $7}' >> "$SESSIONS_FILE"
done
SESSION=$(head -1 "$SESSIONS_FILE")

# run NAME URL [wrk options]: a 15 s warm-up, then the measured run.
run() {
    local name=$1 url=$2; shift 2
    wrk -t2 -c"$CONNECTIONS" -d15s "$@" "$url" >/dev/null   # warm-up: let the JIT compile the path
    echo "$name"
    wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$@" "$url" \
        | grep -E 'Requests/sec|99%|Non-2xx|Socket errors'
}

curl -s -o /dev/null -w "map page: HTTP %{http_code}, %{size_download} bytes\n" -H "Cookie: SESSION=$SESSION" "$BASE/"
run "/ping, trivial, no session" "$BASE/ping"
run "/ping, trivial, signed in ($CONNECTIONS sessions)" "$BASE/ping" -s bench/sessions.lua
run "/api/v1/municipalities, API token" "$BASE/api/v1/municipalities" -H "Authorization: Bearer $TOKEN"
run "/, national map page, signed in ($CONNECTIONS sessions)" "$BASE/" -s bench/sessions.lua
curl -s -o /dev/null -w "progress page: HTTP %{http_code}, %{size_download} bytes\n" -H "Cookie: SESSION=$SESSION" "$BASE/progress"
run "/progress, national overview, signed in ($CONNECTIONS sessions)" "$BASE/progress" -s bench/sessions.lua
