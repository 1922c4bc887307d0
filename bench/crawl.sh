#!/usr/bin/env bash
# bench/crawl.sh [PAGES] [--store TARGET] [--rss] [--warc] [--store-bodies]: crawl the shared benchmark site served by nginx and report
# pages/s, CPU seconds, peak RSS and pages per CPU-second, plus the HTTP-only ceiling measured by wrk.
# Uses ../shared/bench (gensite.py, nginx.conf, serve.sh, urls.lua) so figures stay comparable.
#   PAGES          site size, default 20000 (200000 needs ~2.9 GB free under $BENCH_TMP and takes a while to generate)
#   --store TARGET crawl into TARGET (e.g. postgresql://user@host/db, which must hold no crawl yet) instead of a
#                  new SQLite file
#   --warc         also archive every exchange with --warc into a directory under $BENCH_TMP (removed after), and
#                  add warc_mb (the files' size) and warc_files to the result line
#   --store-bodies also keep every body in the database (--store-bodies), and add db_mb (the SQLite file's size)
#   --rss          also print a second line: RSS at 20,000 pages stored vs at the end (issue 5's flat-memory
#                  target); on by default when PAGES > 20000. The samples (seconds, VmRSS kB, pages stored,
#                  every 0.5 s) are kept in $BENCH_TMP/rss-PAGES.tsv.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$root/../shared/bench"
pages=20000
store=""
rss_line=""
warc=""
bodies=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --store) store="${2:?bench: --store needs a target}"; shift 2 ;;
    --rss) rss_line=1; shift ;;
    --warc) warc=1; shift ;;
    --store-bodies) bodies=1; shift ;;
    sqlite) shift ;; # the old second argument: SQLite is the default
    [0-9]*) pages="$1"; shift ;;
    *) echo "bench: unknown argument '$1' (usage: bench/crawl.sh [PAGES] [--store TARGET] [--rss] [--warc] [--store-bodies])" >&2; exit 2 ;;
  esac
done
[[ $pages -gt 20000 ]] && rss_line=1
export BENCH_TMP="${BENCH_TMP:-/tmp/trawl-bench}"
site="$BENCH_TMP/site-$pages"
work="$BENCH_TMP/run-$$"
mkdir -p "$work"
db="${store:-$work/bench.db}"

need() { command -v "$1" >/dev/null 2>&1 || { echo "bench: installing $2" >&2; apt-get install -y -qq "$2" >/dev/null; }; }
need nginx nginx
need wrk wrk
[[ -x /usr/bin/time ]] || apt-get install -y -qq time >/dev/null
[[ -z "$store" ]] && need sqlite3 sqlite3 # counts the pages stored while the crawl runs

if [[ ! -f "$site/site.json" ]] || ! grep -q "\"pages\": $pages," "$site/site.json"; then
  # ~13.7 KB per page on disk (site-20000 takes 273 MB); ask for that plus 10 %
  need_kb=$((pages * 15)); free_kb=$(df -Pk "$BENCH_TMP" | awk 'NR==2 {print $4}')
  if [[ $free_kb -lt $need_kb ]]; then
    echo "bench: $pages pages need about $((need_kb / 1024)) MB in $BENCH_TMP, only $((free_kb / 1024)) MB free" >&2; exit 1
  fi
  echo "bench: generating $pages pages in $site" >&2
  python3 "$shared/gensite.py" "$site" -n "$pages" >/dev/null
fi
bash "$shared/serve.sh" start "$site" >&2
trap 'bash "$shared/serve.sh" stop >&2 || true' EXIT # also when the crawl fails

"$root/trawl" --version >/dev/null # builds the jar outside the measurement

# Pages stored so far, cheaply: a count over SQLite's pages table (WAL lets it read during the crawl), or
# over PostgreSQL's when psql is there; empty when neither can be asked.
stored_now() {
  case "$db" in
    postgres://*|postgresql://*) command -v psql >/dev/null && psql "$db" -Atqc 'SELECT count(*) FROM pages' 2>/dev/null || true ;;
    *) [[ -f "$db" ]] && sqlite3 -readonly "$db" 'SELECT count(*) FROM pages' 2>/dev/null || true ;;
  esac
}

# Every 0.5 s: seconds since start, VmRSS of the crawl's JVM (kB), pages stored. The launcher execs java, so
# the JVM is /usr/bin/time's child.
sample_rss() {
  local time_pid=$1 jvm="" t0 rss
  t0=$(date +%s.%N)
  while kill -0 "$time_pid" 2>/dev/null; do
    [[ -z "$jvm" ]] && jvm=$(pgrep -P "$time_pid" | head -n 1 || true)
    if [[ -n "$jvm" ]]; then
      rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$jvm/status" 2>/dev/null || true)
      [[ -n "$rss" ]] && printf '%.1f\t%s\t%s\n' "$(echo "$(date +%s.%N) - $t0" | bc -l)" "$rss" "$(stored_now)"
    fi
    sleep 0.5
  done
}

warc_args=()
[[ -n "$warc" ]] && warc_args=(--warc "$work/warc")
[[ -n "$bodies" ]] && warc_args+=(--store-bodies)
echo "bench: crawling $pages pages into $db ${warc_args[*]}" >&2
/usr/bin/time -v -o "$work/time.txt" "$root/trawl" crawl http://127.0.0.1:8088/index.html \
  --db "$db" --concurrency 64 --per-host 64 --max-pages-per-host 0 --ignore-robots --quiet "${warc_args[@]}" >"$work/crawl.txt" &
crawl_pid=$!
sample_rss "$crawl_pid" >"$work/rss.tsv" &
sampler_pid=$!
crawl_rc=0
wait "$crawl_pid" || crawl_rc=$?
wait "$sampler_pid" || true
[[ $crawl_rc -eq 0 ]] || { echo "bench: the crawl exited with $crawl_rc" >&2; cat "$work/crawl.txt" >&2; exit 1; }
cp "$work/rss.tsv" "$BENCH_TMP/rss-$pages.tsv"

wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
user=$(awk -F': ' '/User time/ {print $2}' "$work/time.txt")
sys=$(awk -F': ' '/System time/ {print $2}' "$work/time.txt")
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
stored=$("$root/trawl" export --db "$db" --format csv | tail -n +2 | grep -c ',200,' || true)

echo "bench: HTTP-only ceiling with wrk (10 s)" >&2
ceiling=$(cd "$shared" && wrk -t2 -c64 -d10s -s urls.lua http://127.0.0.1:8088 -- "$site/urls.txt" | sed -n 's/.*rps=\([0-9.]*\).*/\1/p')
bash "$shared/serve.sh" stop >&2

cpu=$(echo "$user + $sys" | bc -l)
warc_line=""
if [[ -n "$warc" ]]; then
  warc_line=$(printf ' warc_mb=%.1f warc_files=%d' "$(du -sk "$work/warc" | awk '{print $1 / 1024}')" \
    "$(find "$work/warc" -name '*.warc.gz' | wc -l)")
fi
[[ -z "$store" ]] && warc_line+=$(printf ' db_mb=%.1f' "$(du -sk "$db" | awk '{print $1 / 1024}')")
printf 'pages=%d stored_200=%d wall_s=%.2f pages_per_s=%.0f cpu_s=%.2f pages_per_cpu_s=%.0f peak_rss_mb=%.0f wrk_rps=%.0f ratio=%.3f%s load=%s\n' \
  "$pages" "$stored" "$wall" "$(echo "$pages / $wall" | bc -l)" "$cpu" "$(echo "$pages / $cpu" | bc -l)" \
  "$(echo "$rss_kb / 1024" | bc -l)" "$ceiling" "$(echo "($pages / $wall) / $ceiling" | bc -l)" "$warc_line" \
  "$(cut -d' ' -f1 /proc/loadavg)"
if [[ -n "$rss_line" ]]; then
  # the first sample with at least 20,000 pages stored, and the last sample with a page count
  awk -F'\t' -v pages="$pages" '
    $3 != "" && $3 >= 20000 && !at20 { at20 = $2; s20 = $1 }
    $3 != "" { end = $2; send = $1; nend = $3 }
    { if ($2 > peak) peak = $2; n++ }
    END {
      if (!at20) { printf "rss: no sample with 20000 pages stored (%d samples)\n", n; exit }
      printf "rss_at_20000_mb=%.0f (t=%.1fs) rss_end_mb=%.0f (t=%.1fs, %d pages) rss_growth_pct=%.1f sampled_peak_mb=%.0f samples=%d\n",
        at20 / 1024, s20, end / 1024, send, nend, 100 * (end - at20) / at20, peak / 1024, n
    }' "$work/rss.tsv"
fi
cat "$work/crawl.txt" >&2
[[ "$stored" -eq "$pages" ]] || { echo "bench: expected $pages pages stored with status 200, got $stored" >&2; exit 1; }
rm -rf "$work"
