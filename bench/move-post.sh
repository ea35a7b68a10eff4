#!/usr/bin/env bash
# The move POST alone: one instance (postgres,redis profiles, demo data), no viewers, one connection moving a card back
# and forth with wrk. Warms up first (C2 compiles the path after ≈ 3,000 moves), then measures moves back to back and
# moves 500 ms apart (connections and threads idle in between, as in the latency rows at 2 moves/s over 2 instances).
# With MOVE_POST_VIEWER=1, one browser-like stream watches the board throughout, so each move is also rendered once for
# it: the script then prints the mean of boardcast.events.render (the instance's render of each pushed event).
# Usage: bench/move-post.sh [java] [app arguments...]   (default java: the one on PATH; needs wrk, curl, psql)
set -euo pipefail
cd "$(dirname "$0")"
JAVA=${1:-java}
shift || true
PORT=${MOVE_POST_PORT:-9071}
DB=boardcast_movepost_$(date +%s)
BASE=http://127.0.0.1:$PORT
PGHOST=${PGHOST:-127.0.0.1}
PSQL="psql -q -h $PGHOST -U ${PGUSER:-postgres} -d test"
WORK=$(mktemp -d)
(cd .. && ./mvnw -B -q -pl app -am -DskipTests package)
$PSQL -c "create database $DB"
"$JAVA" -jar ../app/target/boardcast-app-*.jar --spring.profiles.active=postgres,redis --server.port="$PORT" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$DB" --spring.datasource.username="${PGUSER:-postgres}" --boardcast.demo-data.enabled=true \
    --spring.session.redis.namespace="$DB:session" --boardcast.realtime.channel="$DB" \
    --boardcast.operator.username=operator --boardcast.operator.password="$DB" "$@" > "$WORK/app.log" 2>&1 &
APP=$!
cleanup() { # errexit off: the stopped app's status (143) must not end the trap before the drop
    set +e
    kill ${VIEWER:-} "$APP" 2>/dev/null
    wait "$APP" 2>/dev/null
    $PSQL -c "drop database if exists $DB with (force)"
    rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 120); do curl -sf "$BASE/actuator/health" > /dev/null && break; sleep 1; done
jar="$WORK/cookies"
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
version() { curl -s -b "$jar" "$BASE/boards/1" | grep -o 'id="task-1-version" value="[0-9]*"' | grep -o '[0-9]*"$' | tr -d '"'; }
token=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | csrf)
curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=alice&password=boardcast&_csrf=$token" "$BASE/login"
export TOK COOKIE V PAUSE
TOK=$(curl -s -c "$jar" -b "$jar" "$BASE/boards/1" | csrf)
COOKIE="SESSION=$(awk '$6 == "SESSION" {print $7}' "$jar")"
if [ "${MOVE_POST_VIEWER:-0}" = 1 ]; then
    curl -s -N -b "$jar" -H 'Accept: text/event-stream' "$BASE/boards/1/events" > /dev/null &
    VIEWER=$!
fi
renders() { # count and total seconds of the renders so far
    curl -s -u "operator:$DB" "$BASE/actuator/prometheus" | awk '/^boardcast_events_render_seconds_count/ {c += $2}
        /^boardcast_events_render_seconds_sum/ {s += $2} END {print c + 0, s + 0}'
}
rendered() { # the renders since the snapshot $1 ("count seconds")
    [ -z "${VIEWER:-}" ] || echo "$1 $(renders)" | awk '{n = $3 - $1;
        printf "; rendered %d, mean %.2f ms", n, (n > 0 ? ($4 - $2) / n * 1000 : 0)}'
}
run() { V=$(version) PAUSE=$2 wrk -t1 -c1 -d"$1" -s move-post/move.lua "$BASE" | tail -1; }
echo "java: $("$JAVA" -version 2>&1 | head -1); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "warm-up (60 s, back to back): $(run 60s 0)"
before=$(renders)
echo "back to back (20 s):          $(run 20s 0)$(rendered "$before")"
before=$(renders)
echo "500 ms apart (30 s):          $(run 30s 500)$(rendered "$before")"
