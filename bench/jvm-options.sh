#!/usr/bin/env bash
# bench/jvm-options.sh [--rounds N] [--site 20000|python|jdk] OPTS...: A/B of JVM options (or of checkouts) on one
# crawl. Each OPTS is one quoted set of options given to ./trawl as TRAWL_JAVA_OPTS ("" is ./trawl as it is), and may
# start with @CHECKOUT to run that checkout's ./trawl instead of this one's ("@/tmp/base", "@/tmp/base -XX:..."); each
# round crawls with every set in turn, so that they share the machine's load. The site: the synthetic one of bench/targets.sh
# (generated for port 18092 under $BENCH_TMP) or the JDK / Python docs (bench/docsite.sh). Prints per crawl: pages,
# wall, CPU (user + system of trawl's process, start-up included), peak RSS, load average; then the median CPU per set.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds=3 site=20000 sets=()
while [[ $# -gt 0 ]]; do
  if [[ "$1" == --rounds ]]; then rounds="${2:?bench: --rounds needs a number}"; shift
  elif [[ "$1" == --site ]]; then site="${2:?bench: --site needs 20000, python or jdk}"; shift
  else sets+=("$1")
  fi
  shift
done
[[ ${#sets[@]} -gt 0 ]] || sets=("")
export BENCH_TMP="${BENCH_TMP:-/tmp/trawl-bench}"
work="$BENCH_TMP/jvm-options-$$"
mkdir -p "$work"
if [[ "$site" == python || "$site" == jdk ]]; then
  seed="$(bash "$root/bench/docsite.sh" start "$site")"
  trap 'bash "$root/bench/docsite.sh" stop; rm -rf "$work"' EXIT
else
  [[ -f "$BENCH_TMP/site-$site/index.html" ]] || { echo "bench: no site in $BENCH_TMP/site-$site (bench/targets.sh makes it)" >&2; exit 1; }
  seed="$(DOCSITE_PORT=18092 bash "$root/bench/docsite.sh" start "$BENCH_TMP/site-$site")"
  trap 'DOCSITE_PORT=18092 bash "$root/bench/docsite.sh" stop; rm -rf "$work"' EXIT
fi
launcher() { # launcher SET: the ./trawl a set runs
  if [[ "$1" == @* ]]; then local dir="${1%% *}"; echo "${dir#@}/trawl"; else echo "$root/trawl"; fi
}
options() { # options SET: its JVM options
  if [[ "$1" == @* ]]; then [[ "$1" == *" "* ]] && echo "${1#* }"; else echo "$1"; fi
}
for set in "${sets[@]}"; do
  "$(launcher "$set")" --version >/dev/null || { echo "bench: no working launcher for '$set'" >&2; exit 2; }
done
printf '%-5s %-50s %7s %7s %7s %8s %6s\n' round options pages wall_s cpu_s rss_mb load1
for round in $(seq "$rounds"); do
  for i in "${!sets[@]}"; do
    db="$work/crawl.db"; rm -f "$db" "$db-wal" "$db-shm"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    TRAWL_JAVA_OPTS="$(options "${sets[$i]}")" /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$(launcher "${sets[$i]}")" crawl "$seed" --db "$db" \
      --concurrency 64 --per-host 64 --max-pages-per-host 0 --ignore-robots --quiet >"$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
    read -r wall user sys kb <"$work/time"
    pages=$(sqlite3 "$db" 'SELECT count(*) FROM pages')
    cpu=$(echo "$user + $sys" | bc -l)
    echo "$i $cpu" >>"$work/cpu"
    printf '%-5s %-50s %7d %7.2f %7.2f %8d %6s\n' "$round" "'${sets[$i]}'" "$pages" "$wall" "$cpu" $((kb / 1024)) "$load"
  done
done
echo "median CPU-s per set:"
for i in "${!sets[@]}"; do
  printf '  %-50s %s\n' "'${sets[$i]}'" "$(awk -v i="$i" '$1 == i {print $2}' "$work/cpu" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')"
done
