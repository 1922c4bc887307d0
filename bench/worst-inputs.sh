#!/usr/bin/env bash
# The worst inputs for memory, crawled with ./trawl's default heap (192 MB): serves WorstInputs (test sources) on
# 127.0.0.1 and crawls it 64 requests at once, then prints peak RSS, wall time, exit code and the rows by outcome.
# Usage: bench/worst-inputs.sh [COUNT] [KINDS...]   (COUNT pages of each kind, default 8; KINDS: see WorstInputs,
# "stall:40" sets one kind's count). Needs /usr/bin/time and sqlite3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
count="${1:-8}"
shift || true
kinds=("$@")
[[ ${#kinds[@]} -gt 0 ]] || kinds=(dense gzdense svgdense stall:40 bomb title deep wide)
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
./trawl --help >/dev/null 2>&1 || true # build outside the measurement
bench/run-test-class.sh dev.trawl.testsite.WorstInputs "$count" "${kinds[@]}" >"$work/server.out" 2>&1 &
server=$!
for _ in $(seq 1 120); do grep -q 'http://' "$work/server.out" 2>/dev/null && break; sleep 1; done
url="$(grep -o -m1 'http://[0-9.:]*/' "$work/server.out")"
echo "serving $count of each of: ${kinds[*]} at $url"
set +e
/usr/bin/time -v ./trawl crawl "$url" --db "$work/worst.db" --max-depth 1 --concurrency 64 --per-host 64 \
  --timeout 10s --retries 1 --quiet 2>"$work/time.txt"
code=$?
set -e
echo "exit code: $code"
grep -E 'Maximum resident set size|Elapsed \(wall clock\)' "$work/time.txt" | sed 's/^\s*//'
sqlite3 "$work/worst.db" "SELECT 'kind ' || substr(f.url, instr(substr(f.url, 8), '/') + 8,
    instr(substr(f.url, instr(substr(f.url, 8), '/') + 9), '/') - 1) AS kind,
    coalesce(p.error, 'status ' || p.status) AS outcome, count(*) AS pages, sum(p.links_cut) AS links_cut,
    max(length(p.title)) AS longest_title FROM pages p JOIN frontier f ON f.id = p.frontier_id
    GROUP BY 1, 2 ORDER BY 1, 2" -header -column
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr)"
