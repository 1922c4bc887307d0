#!/usr/bin/env bash
# bench/crawl.sh [PAGES] [sqlite]: crawl the shared benchmark site served by nginx and report
# pages/s, CPU seconds, peak RSS and pages per CPU-second, plus the HTTP-only ceiling measured by wrk.
# Uses ../shared/bench (gensite.py, nginx.conf, serve.sh, urls.lua) so figures stay comparable.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$root/../shared/bench"
pages="${1:-20000}"
export BENCH_TMP="${BENCH_TMP:-/tmp/trawl-bench}"
site="$BENCH_TMP/site-$pages"
work="$BENCH_TMP/run-$$"
mkdir -p "$work"

need() { command -v "$1" >/dev/null 2>&1 || { echo "bench: installing $2" >&2; apt-get install -y -qq "$2" >/dev/null; }; }
need nginx nginx
need wrk wrk
[[ -x /usr/bin/time ]] || apt-get install -y -qq time >/dev/null

if [[ ! -f "$site/site.json" ]] || ! grep -q "\"pages\": $pages," "$site/site.json"; then
  echo "bench: generating $pages pages in $site" >&2
  python3 "$shared/gensite.py" "$site" -n "$pages" >/dev/null
fi
bash "$shared/serve.sh" start "$site" >&2

"$root/trawl" --version >/dev/null # builds the jar outside the measurement

echo "bench: crawling $pages pages" >&2
/usr/bin/time -v -o "$work/time.txt" "$root/trawl" crawl http://127.0.0.1:8088/index.html \
  --db "$work/bench.db" --concurrency 64 --per-host 64 --ignore-robots --quiet >"$work/crawl.txt"

wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
user=$(awk -F': ' '/User time/ {print $2}' "$work/time.txt")
sys=$(awk -F': ' '/System time/ {print $2}' "$work/time.txt")
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
stored=$("$root/trawl" export --db "$work/bench.db" --format csv | tail -n +2 | grep -c ',200,' || true)

echo "bench: HTTP-only ceiling with wrk (10 s)" >&2
ceiling=$(cd "$shared" && wrk -t2 -c64 -d10s -s urls.lua http://127.0.0.1:8088 -- "$site/urls.txt" | sed -n 's/.*rps=\([0-9.]*\).*/\1/p')
bash "$shared/serve.sh" stop >&2

cpu=$(echo "$user + $sys" | bc -l)
printf 'pages=%d stored_200=%d wall_s=%.2f pages_per_s=%.0f cpu_s=%.2f pages_per_cpu_s=%.0f peak_rss_mb=%.0f wrk_rps=%.0f ratio=%.3f\n' \
  "$pages" "$stored" "$wall" "$(echo "$pages / $wall" | bc -l)" "$cpu" "$(echo "$pages / $cpu" | bc -l)" \
  "$(echo "$rss_kb / 1024" | bc -l)" "$ceiling" "$(echo "($pages / $wall) / $ceiling" | bc -l)"
cat "$work/crawl.txt" >&2
[[ "$stored" -eq "$pages" ]] || { echo "bench: expected $pages pages stored with status 200, got $stored" >&2; exit 1; }
rm -rf "$work"
