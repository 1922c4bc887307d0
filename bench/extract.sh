#!/usr/bin/env bash
# bench/extract.sh [PAGES]: what keeping bodies costs and what re-extraction gains, on the shared benchmark site.
#   1. crawls it with --rules (the fields below), plain, then with --rules --store-bodies: wall, CPU, and the bytes
#      a stored body takes per page (SQLite's bodies table: head + body, zstd);
#   2. runs `trawl extract` with the same rules over copies of the stored crawl with 1 and 2 threads: pages/s and CPU
#      per page, to set beside the crawl's.
# Figures go to docs/BENCHMARKS.md by hand, with the machine and load average this prints.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$root/../shared/bench"
pages="${1:-20000}"
export BENCH_TMP="${BENCH_TMP:-/tmp/trawl-bench}"
site="$BENCH_TMP/site-$pages"
work="$BENCH_TMP/extract-$$"
mkdir -p "$work"
trap 'bash "$shared/serve.sh" stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "bench: installing $2" >&2; apt-get install -y -qq "$2" >/dev/null; }; }
need nginx nginx
need sqlite3 sqlite3
[[ -x /usr/bin/time ]] || apt-get install -y -qq time >/dev/null
if [[ ! -f "$site/site.json" ]] || ! grep -q "\"pages\": $pages," "$site/site.json"; then
  echo "bench: generating $pages pages in $site" >&2
  python3 "$shared/gensite.py" "$site" -n "$pages" >/dev/null
fi
cat >"$work/rules.yaml" <<'RULES'
rules:
  - fields:
      heading: 'h1::text'
      description: 'meta[name=description]::attr(content)'
      nav[]: 'nav a::attr(href)'
      words: 'main p ::text'
RULES
bash "$shared/serve.sh" start "$site" >&2
"$root/trawl" --version >/dev/null # builds the jar outside the measurement

# runs "$@" under /usr/bin/time; prints "wall cpu"
timed() {
  /usr/bin/time -f '%e %U %S' -o "$work/t" "$@" >"$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$work/t"
}
report() { # label wall cpu
  printf '%-34s wall_s=%6.2f cpu_s=%6.2f pages_per_s=%6.0f cpu_ms_per_page=%.3f\n' "$1" "$2" "$3" \
    "$(echo "$pages / $2" | bc -l)" "$(echo "1000 * $3 / $pages" | bc -l)"
}
crawl() { # db extra-args...
  local db=$1; shift
  timed "$root/trawl" crawl http://127.0.0.1:8088/index.html --db "$db" --concurrency 64 --per-host 64 \
    --ignore-robots --max-pages-per-host 0 --quiet --rules "$work/rules.yaml" "$@"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
read -r w c < <(crawl "$work/plain.db"); report "crawl --rules" "$w" "$c"
read -r w c < <(crawl "$work/bodies.db" --store-bodies); report "crawl --rules --store-bodies" "$w" "$c"
bash "$shared/serve.sh" stop >&2
for db in plain bodies; do # every figure below is per page of the site: all of them must have been crawled
  got=$(sqlite3 "$work/$db.db" "SELECT COUNT(*) FROM pages WHERE status = 200")
  [[ "$got" == "$pages" ]] || { echo "bench: the $db crawl stored $got pages with 200, not $pages" >&2; exit 1; }
done
sqlite3 "$work/bodies.db" "SELECT printf('stored bodies: %d pages, %.0f bytes per page (head %.0f + body %.0f), %s of them zstd; pages served %.0f bytes per page',
  COUNT(*), AVG(length(head) + length(body)), AVG(length(head)), AVG(length(body)),
  SUM(coding = 'zstd'), (SELECT AVG(body_bytes) FROM pages WHERE status = 200)) FROM bodies"
printf 'database sizes: plain %s MB, with bodies %s MB\n' "$(du -m "$work/plain.db" | cut -f1)" "$(du -m "$work/bodies.db" | cut -f1)"
for threads in 1 2; do
  cp "$work/bodies.db" "$work/x$threads.db"
  read -r w c < <(timed "$root/trawl" extract --db "$work/x$threads.db" --rules "$work/rules.yaml" --threads "$threads")
  report "trawl extract --threads $threads" "$w" "$c"
  grep -o 'extracted.*' "$work/out" >&2
  # the crawl extracted through jsoup's tree; extract reads plain pages without one: the fields must be the same
  sqlite3 "$work/x$threads.db" "ATTACH '$work/bodies.db' AS crawl; SELECT printf('fields equal to the crawl''s: %d of %d pages', SUM(p.fields IS c.fields), COUNT(*)) FROM pages p JOIN crawl.pages c ON c.frontier_id = p.frontier_id WHERE p.status = 200" >&2
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
