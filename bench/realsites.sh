#!/usr/bin/env bash
# bench/realsites.sh [--rounds N] [--sites jdk,python] [CHECKOUT...]: crawls real documentation that ships in
# Debian packages, served by nginx on loopback, and reports per crawl: pages stored, MB of bodies, wall clock, CPU
# (user + system of trawl's process, start-up included), MB per CPU-second, and which reader parsed the HTML pages
# (the summary's --debug line: the tag scanner, or jsoup and why).
#   jdk     openjdk-17-doc: the JDK 17 API docs (~10,100 pages, ~290 MB), seed /api/index.html
#   python  python3.11-doc: the Python 3.11 docs (~530 pages, ~51 MB), seed /index.html
# bench/docsite.sh serves them (installing the packages when missing, apt-get update first) with the shared
# ../shared/bench/nginx.conf moved to port 18091, so that a bench/crawl.sh of someone else on 8088 is not disturbed.
# Every crawl: `CHECKOUT/trawl crawl SEED --concurrency 64 --per-host 64 --ignore-robots --quiet --debug` under
# /usr/bin/time. CHECKOUT (default: this one) may be given several times, e.g. a worktree of the commit before a
# change: each round then crawls with each checkout in turn, alternating, so that they share the machine's load.
# The seed-style crawler of bench/seedstyle/ is run on the synthetic site by bench/targets.sh, not here.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds=1
sites="jdk,python"
checkouts=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="${2:?bench: --rounds needs a number}"; shift 2 ;;
    --sites) sites="${2:?bench: --sites needs jdk, python or jdk,python}"; shift 2 ;;
    -*) echo "bench: unknown option '$1' (usage: bench/realsites.sh [--rounds N] [--sites jdk,python] [CHECKOUT...])" >&2; exit 2 ;;
    *) [[ -x "$1/trawl" ]] || { echo "bench: no trawl launcher in '$1'" >&2; exit 2; }; checkouts+=("$(cd "$1" && pwd)"); shift ;;
  esac
done
[[ ${#checkouts[@]} -gt 0 ]] || checkouts=("$root")
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "bench: --rounds must be a positive number, got '$rounds'" >&2; exit 2; }

IFS=, read -r -a wanted <<<"$sites"
for site in "${wanted[@]}"; do
  [[ "$site" == jdk || "$site" == python ]] || { echo "bench: unknown site '$site' (jdk, python)" >&2; exit 2; }
done
missing=()
[[ -x /usr/bin/time ]] || missing+=(time)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
if [[ ${#missing[@]} -gt 0 ]]; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export BENCH_TMP="${BENCH_TMP:-/tmp/trawl-bench}"
work="$BENCH_TMP/realsites-$$"
mkdir -p "$work"
trap 'bash "$root/bench/docsite.sh" stop; rm -rf "$work"' EXIT

for checkout in "${checkouts[@]}"; do "$checkout/trawl" --version >/dev/null; done # builds outside the measurement

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr)"
printf '%-7s %-5s %-28s %7s %7s %8s %7s %9s %7s  %s\n' site round checkout pages MB wall_s cpu_s MB/cpu_s load1 parsed
for site in "${wanted[@]}"; do
  url="$(bash "$root/bench/docsite.sh" start "$site")" # installs the package when missing
  for round in $(seq "$rounds"); do
    for checkout in "${checkouts[@]}"; do
      db="$work/$site.db"
      rm -f "$db" "$db-wal" "$db-shm"
      load="$(cut -d' ' -f1 /proc/loadavg)"
      /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$checkout/trawl" crawl "$url" \
        --db "$db" --concurrency 64 --per-host 64 --ignore-robots --quiet --debug >"$work/crawl.txt" 2>&1 \
        || { echo "bench: the crawl of $site with $checkout failed:" >&2; cat "$work/crawl.txt" >&2; exit 1; }
      read -r wall user sys <"$work/time.txt"
      read -r pages bytes < <(sqlite3 -separator ' ' "$db" 'SELECT count(*), coalesce(sum(body_bytes), 0) FROM pages')
      parsed="$(sed -n 's/^parsed //p' "$work/crawl.txt")"
      awk -v site="$site" -v round="$round" -v co="$(basename "$checkout")@$(git -C "$checkout" rev-parse --short HEAD 2>/dev/null || cat "$checkout/.commit" 2>/dev/null || echo "?")" \
          -v pages="$pages" -v bytes="$bytes" -v wall="$wall" -v user="$user" -v sys="$sys" -v load1="$load" -v parsed="$parsed" \
          'BEGIN { mb = bytes / 1e6; cpu = user + sys;
                   printf "%-7s %-5s %-28s %7d %7.1f %8.2f %7.2f %9.1f %7s  %s\n", site, round, co, pages, mb, wall, cpu, mb / cpu, load1, parsed }'
    done
  done
done
