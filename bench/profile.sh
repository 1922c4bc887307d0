#!/usr/bin/env bash
# bench/profile.sh [PAGES | jdk | python]: where a crawl's CPU goes. Crawls the shared benchmark site of PAGES pages
# (as bench/crawl.sh or bench/targets.sh generate it: run one first; served on the port its links name), or the JDK or Python docs (served by bench/docsite.sh, as
# bench/realsites.sh crawls them), under async-profiler (Maven Central's tools.profiler:async-profiler jar, Linux
# x64/arm64), CPU samples every 1 ms across all threads, JIT and kernel included, and prints the share per thread
# and for the main stages. The collapsed stacks are kept in $BENCH_TMP/profile-PAGES.collapsed (for a flame graph).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pages="${1:-20000}"
version=4.2
export BENCH_TMP="${BENCH_TMP:-/tmp/trawl-bench}"
site="$BENCH_TMP/site-$pages"
if [[ "$pages" != jdk && "$pages" != python ]]; then
  [[ -f "$site/site.json" ]] || { echo "bench: no $pages-page site in $site; run bench/crawl.sh $pages first" >&2; exit 1; }
fi
case "$(uname -m)" in x86_64) arch=linux-x64 ;; aarch64) arch=linux-arm64 ;; *) echo "bench: no async-profiler for $(uname -m)" >&2; exit 1 ;; esac
lib="$BENCH_TMP/async-profiler-$version/$arch/libasyncProfiler.so"
if [[ ! -f "$lib" ]]; then
  source "$root/scripts/jdk.sh"
  trawl_find_jdk || exit 1
  JAVA_HOME="$TRAWL_JAVA_HOME" mvn -q -ntp dependency:get -Dartifact="tools.profiler:async-profiler:$version" >/dev/null
  mkdir -p "$BENCH_TMP/async-profiler-$version"
  (cd "$BENCH_TMP/async-profiler-$version" && unzip -o -q "$HOME/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version.jar" "$arch/libasyncProfiler.so")
fi
if [[ "$pages" == jdk || "$pages" == python ]]; then
  seed="$(bash "$root/bench/docsite.sh" start "$pages")"
  trap 'bash "$root/bench/docsite.sh" stop >&2 || true' EXIT
else
  # the port the site's absolute links name: 8088 (bench/crawl.sh's) or another (bench/targets.sh's 18092)
  port="$(sed -n 's/.*"base": "http:\/\/127\.0\.0\.1:\([0-9]*\)".*/\1/p' "$site/site.json")"
  seed="$(DOCSITE_PORT="${port:-8088}" bash "$root/bench/docsite.sh" start "$(cd "$site" && pwd)")"
  trap 'DOCSITE_PORT="${port:-8088}" bash "$root/bench/docsite.sh" stop >&2 || true' EXIT
fi
"$root/trawl" --version >/dev/null
out="$BENCH_TMP/profile-$pages.collapsed"
db="$BENCH_TMP/profile-$$.db"
TRAWL_JAVA_OPTS="-agentpath:$lib=start,event=cpu,interval=1ms,file=$out,collapsed,threads" \
  "$root/trawl" crawl "$seed" --db "$db" --concurrency 64 --per-host 64 --max-pages-per-host 0 --ignore-robots --quiet --debug
rm -f "$db" "$db-wal" "$db-shm"
python3 - "$out" <<'PY'
import collections, re, sys
total = 0; threads = collections.Counter(); inclusive = collections.Counter()
for line in open(sys.argv[1]):
    stack, n = line.rsplit(' ', 1); n = int(n); total += n
    frames = stack.split(';')
    threads[re.sub(r'[-#]?\d+$', '', re.sub(r' tid=\d+\]', '', frames[0]).strip('['))] += n
    for f in set(frames[1:]): inclusive[f] += n
print(f"{total} samples of 1 ms CPU; share by thread:")
for name, n in threads.most_common(10): print(f"  {100 * n / total:5.1f} %  {name}")
print("share by stage (inclusive):")
for label, frame in [("JIT: C2", "C2Compiler::compile_method"), ("JIT: C1", "Compiler::compile_method"),
                     ("parse (all)", "dev/trawl/parse/PageParser.parse"), ("  tag scan", "dev/trawl/parse/TagScanner.read"),
                     ("  jsoup (fallbacks)", "dev/trawl/parse/PageParser.jsoup"), ("  link resolution", "dev/trawl/url/UrlNormalizer.resolve"),
                     ("  bytes to text", "java/lang/String.<init>"), ("HTTP client", "dev/trawl/fetch/Http1Client.get"),
                     ("store writer commits", "dev/trawl/store/BatchStatements.commit"), ("page record + links", "dev/trawl/crawl/PageTask.record"),
                     ("payload digest (SHA-1)", "dev/trawl/warc/PayloadDigest.ofEntity"),
                     ("scheduler take", "dev/trawl/frontier/Scheduler.take")]:
    print(f"  {100 * inclusive[frame] / total:5.1f} %  {label}")
PY
