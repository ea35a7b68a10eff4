#!/usr/bin/env bash
# Idle-stream memory by server set-up, in one run: builds the app (Jetty, as shipped) and its Tomcat build (-Ptomcat),
# then runs StreamMemoryMain with one instance per option, 10,000 and 20,000 streams each (see StreamMemoryMain).
#   (a) tomcat-8k:  Tomcat with its own buffer sizes (8 KB socket buffers, 8 KB + 16 KB response buffers)
#   (b) tomcat:     Tomcat with small buffers (boardcast.tomcat.* in application.yml)
#   (c) jetty:      the app as shipped, on Jetty 12
# Extra arguments go to the bench JVM, e.g. -Dbench.memory.streams=1000 -Dbench.memory.options=tomcat,jetty
# Environment: BENCH_APP_JAVA (the app's java, default this java), BENCH_JAVA (the load generator's).
set -euo pipefail
cd "$(dirname "$0")"
# 20,000 streams: a descriptor each in the app and in the generator, plus their jars, database and Redis connections
# and jcmd's pipes. Raise the hard limit where allowed (root with CAP_SYS_RESOURCE); where it stays at 20,000 (as on the
# machine of bench/results/stream-memory-*.md) the top step is 500 below it, since neither process can hold 20,000.
ulimit -Hn 65536 2>/dev/null || true
ulimit -n "$(ulimit -Hn)"
STREAMS=10000,20000
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 20500 ]; then
  STREAMS=10000,$(( $(ulimit -n) - 500 ))
fi
if [ "${SKIP_BUILD:-}" != "1" ]; then
  (cd .. && ./mvnw -B -q -pl app -am -Ptomcat -DskipTests package)
  (cd .. && ./mvnw -B -q -pl bench -am -DskipTests package)
fi
CP="target/classes:$(cat target/classpath.txt)"
BENCH_JAVA=${BENCH_JAVA:-java}
APP_JAVA=${BENCH_APP_JAVA:-$(command -v java)}
# Copies, so that a build during the run cannot replace a jar under a running instance.
JARS=target/stream-memory-jars
mkdir -p "$JARS/tomcat" "$JARS/jetty"
cp "$(ls ../app/tomcat/target/boardcast-app-*.jar | grep -v original | head -1)" "$JARS/tomcat/boardcast-app.jar"
cp "$(ls ../app/target/boardcast-app-*.jar | grep -v original | head -1)" "$JARS/jetty/boardcast-app.jar"
TOMCAT_JAR=$JARS/tomcat/boardcast-app.jar
JETTY_JAR=$JARS/jetty/boardcast-app.jar
TOMCAT_8K="--boardcast.tomcat.socket-buffer-size=8192 --boardcast.tomcat.response-buffer-size=8192 --boardcast.tomcat.page-buffer-size=8192"
"$BENCH_JAVA" -Xmx6g -cp "$CP" -Dbench.app.java="$APP_JAVA" \
    -Dbench.memory.options=tomcat-8k,tomcat,jetty -Dbench.memory.streams="$STREAMS" \
    -Dbench.memory.tomcat-8k.jar="$TOMCAT_JAR" -Dbench.memory.tomcat-8k.args="$TOMCAT_8K" \
    -Dbench.memory.tomcat.jar="$TOMCAT_JAR" \
    -Dbench.memory.jetty.jar="$JETTY_JAR" \
    -Djava.util.logging.SimpleFormatter.format='%1$tT %5$s%n' "$@" io.boardcast.bench.StreamMemoryMain
