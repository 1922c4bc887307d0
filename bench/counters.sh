#!/usr/bin/env bash
# bench/counters.sh [ROUNDS] [PAGES|URL]: the same crawl with and without live counters (mapped file and
# sampler, as `trawl crawl` runs them), in alternating runs, printing pages/s of each and the medians.
# Without a URL it crawls a built-in loopback site of PAGES pages (default 10000); with one, e.g. the shared
# nginx site (bench/crawl.sh starts it: http://127.0.0.1:8088/index.html), it crawls that.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/jdk.sh"
trawl_find_jdk || exit 1
export JAVA_HOME="$TRAWL_JAVA_HOME"
cd "$root"
mvn -B -q -ntp -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" dev.trawl.stats.CountersBench "$@"
