#!/usr/bin/env bash
# How fast the PostgreSQL frontier hands out work (claims/s, URLs/s) to 1, 2 and 4 workers, without HTTP.
# Usage: bench/claims.sh [URLS] [HOSTS] [BATCH] [WORKER_COUNTS]
# PostgreSQL from TRAWL_PG_URL (default postgresql://postgres@127.0.0.1:5432/test); a fresh database per run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/jdk.sh
trawl_find_jdk || exit 1
export JAVA_HOME="$TRAWL_JAVA_HOME"
mvn -B -q -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec "$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  dev.trawl.store.ClaimBenchmark "$@"
