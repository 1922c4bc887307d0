#!/usr/bin/env bash
# Store write throughput: SQLite vs PostgreSQL (array and row-by-row statements).
# Usage: bench/store.sh [RECORDS] [PRODUCERS]; PostgreSQL from TRAWL_PG_URL (default postgresql://postgres@127.0.0.1:5432/test).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/jdk.sh
trawl_find_jdk || exit 1
export JAVA_HOME="$TRAWL_JAVA_HOME"
mvn -B -q -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec "$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  dev.trawl.store.StoreBenchmark "$@"
