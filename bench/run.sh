#!/usr/bin/env bash
# The full benchmark: builds this module, then runs BenchMain once per app JDK, then draws latency.png.
# Extra arguments are passed to the bench JVM, e.g. ./run.sh -Dbench.viewers=100,1000 -Dbench.repeats=3
# Environment: BOARDCAST_APP_JAR (default ../app/target/boardcast-app-*.jar),
#              BENCH_JDKS (app JDK homes, default JDK 17 and Temurin 25), BENCH_JAVA (the load generator's java).
set -euo pipefail
cd "$(dirname "$0")"
# Thousands of streams: one descriptor each, in the app and in the load generator.
ulimit -n "$(ulimit -Hn)"
# The app jar it measures and the bench with the test kit it uses, from the reactor (nothing is installed into ~/.m2).
(cd .. && ./mvnw -B -q -pl app,bench -am -DskipTests package)
CP="target/classes:$(cat target/classpath.txt)"
BENCH_JAVA=${BENCH_JAVA:-java}
JDKS=${BENCH_JDKS:-"/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64"}
for jdk in $JDKS; do
  feature=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')
  "$BENCH_JAVA" -Xmx4g -cp "$CP" -Dbench.label="jdk$feature" -Dbench.app.java="$jdk/bin/java" \
      -Djava.util.logging.SimpleFormatter.format='%1$tT %5$s%n' "$@" io.boardcast.bench.BenchMain
done
"$BENCH_JAVA" -cp "$CP" io.boardcast.bench.LatencyPlot results latency.png
echo "Results in $(pwd)/results and $(pwd)/latency.png"
