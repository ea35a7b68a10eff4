#!/usr/bin/env bash
# The full fault suite: builds the app jar if it is missing, builds this module, runs FaultSuite at full size
# (FaultConfig.full: 2,100 slow sockets, 50 replays of 195 events (the replay window is 200), a 5-minute soak with 2,000 streams) and writes
# faults/RESULTS.md. Extra arguments go to the suite's JVM, e.g. ./run.sh -Dfaults.soakSeconds=60
# Needs PostgreSQL on 127.0.0.1:5432 (BOARDCAST_TEST_PG_*) and redis-server/redis-cli on the PATH; the suite starts
# its own Redis on a free port. Exits non-zero when a row misses its targets.
set -euo pipefail
cd "$(dirname "$0")"
# Thousands of streams and sockets: one descriptor each, in the app and in the suite.
ulimit -n "$(ulimit -Hn)"
if ! ls ../app/target/boardcast-app-*.jar >/dev/null 2>&1; then
  (cd .. && ./mvnw -B -q -pl app -am -DskipTests package)
fi
(cd .. && ./mvnw -B -q -pl faults -am -DskipTests package)
CP="target/classes:$(cat target/classpath.txt)"
status=0
java -Xmx2g -cp "$CP" -Dfaults.mode=full -Dfaults.out=. \
    -Djava.util.logging.SimpleFormatter.format='%1$tT %5$s%n' "$@" io.boardcast.faults.FaultSuite || status=$?
echo "Results in $(pwd)/RESULTS.md"
exit $status
