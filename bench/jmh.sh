#!/usr/bin/env bash
# bench/jmh.sh [REGEX] [JMH OPTIONS...]: builds target/benchmarks.jar (mvn -Pjmh package) when the sources
# changed, then runs the JMH microbenchmarks whose names match REGEX (all by default) with short settings:
# one fork, 3 warm-up iterations of 2 s, 5 measured iterations of 2 s. Options given after REGEX are passed
# to JMH and override those (e.g. bench/jmh.sh Parser -i 10 -r 5s; bench/jmh.sh . -l lists them).
# The microbenchmarks read pages of /tmp/trawl-bench/site-20000 when bench/crawl.sh left it there, else they
# generate 300 pages with ../shared/bench/gensite.py. Figures are noisy on shared cores: see docs/BENCHMARKS.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/jdk.sh"
trawl_find_jdk || exit 1
jar="$root/target/benchmarks.jar"

if [[ ! -f "$jar" || -n "$(find "$root/src/main" "$root/src/jmh" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; then
  echo "jmh: building $jar" >&2
  (cd "$root" && JAVA_HOME="$TRAWL_JAVA_HOME" mvn -B -q -ntp -Pjmh package >"$root/target/jmh-build.log" 2>&1) \
    || { echo "jmh: build failed; see $root/target/jmh-build.log" >&2; exit 1; }
fi

regex="."
if [[ $# -gt 0 && "$1" != -* ]]; then regex="$1"; shift; fi
# JMH refuses an option given twice, so a default goes in only when the caller did not give that option
defaults=()
for pair in "-f 1" "-wi 3" "-w 2s" "-i 5" "-r 2s"; do
  [[ " $* " == *" ${pair%% *} "* ]] || defaults+=($pair)
done
cd "$root" # the benchmarks find ../shared/bench/gensite.py from here
exec "$TRAWL_JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar "$jar" "$regex" "${defaults[@]}" \
  -prof dev.trawl.bench.CpuTimeProfiler -jvmArgsAppend "--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow" "$@"
