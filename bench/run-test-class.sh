#!/usr/bin/env bash
# Shared by the benchmarks that live in the test sources: builds them and runs CLASS with a JDK >= 25, the
# test classpath and the given arguments. Usage: bench/run-test-class.sh CLASS [ARGS...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/jdk.sh
trawl_find_jdk || exit 1
export JAVA_HOME="$TRAWL_JAVA_HOME"
mvn -B -q -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
main_class="${1:?usage: bench/run-test-class.sh CLASS [ARGS...]}"
shift
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" "$main_class" "$@"
