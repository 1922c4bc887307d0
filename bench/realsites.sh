#!/usr/bin/env bash
# bench/realsites.sh [--rounds N] [--sites jdk,python] [CHECKOUT...]: crawls real documentation that ships in
# Debian packages, served by nginx on loopback, and reports per crawl: pages stored, MB of bodies, wall clock, CPU
# (user + system of trawl's process, start-up included), MB per CPU-second, and which reader parsed the HTML pages
# (the summary's --debug line: the tag scanner, or jsoup and why).
#   jdk     openjdk-17-doc: the JDK 17 API docs (~10,100 pages, ~290 MB), seed /api/index.html
#   python  python3.11-doc: the Python 3.11 docs (~530 pages, ~51 MB), seed /index.html
# The packages are installed when missing (apt-get update first). Each site gets its own nginx (the shared
# ../shared/bench/nginx.conf moved to port 18091, so a bench/crawl.sh of someone else on 8088 is not disturbed).
# Every crawl: `CHECKOUT/trawl crawl SEED --concurrency 64 --per-host 64 --ignore-robots --quiet --debug` under
# /usr/bin/time. CHECKOUT (default: this one) may be given several times, e.g. a worktree of the commit before a
# change: each round then crawls with each checkout in turn, alternating, so that they share the machine's load.
# ../shared/bench has no seed-style crawler to compare with (only its figures in its README), so none is run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$root/../shared/bench"
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

# site name -> Debian package, document root, seed path
declare -A package=([jdk]=openjdk-17-doc [python]=python3.11-doc)
declare -A docroot=([jdk]=/usr/share/doc/openjdk-17-doc [python]=/usr/share/doc/python3.11/html)
declare -A seed=([jdk]=/api/index.html [python]=/index.html)
IFS=, read -r -a wanted <<<"$sites"
for site in "${wanted[@]}"; do
  [[ -n "${package[$site]:-}" ]] || { echo "bench: unknown site '$site' (jdk, python)" >&2; exit 2; }
done

missing=()
for site in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "${package[$site]}" 2>/dev/null | grep -q "install ok installed" || missing+=("${package[$site]}")
done
command -v nginx >/dev/null || missing+=(nginx)
[[ -x /usr/bin/time ]] || missing+=(time)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "bench: installing ${missing[*]}" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export BENCH_TMP="${BENCH_TMP:-/tmp/trawl-bench}"
work="$BENCH_TMP/realsites-$$"
prefix="$work/nginx"
port=18091
mkdir -p "$prefix/tmp"
sed "s/127\.0\.0\.1:8088/127.0.0.1:$port/" "$shared/nginx.conf" >"$prefix/nginx.conf"
grep -q "127.0.0.1:$port" "$prefix/nginx.conf" || { echo "bench: could not move $shared/nginx.conf to port $port" >&2; exit 1; }

stop_nginx() {
  [[ -s "$prefix/nginx.pid" ]] || return 0
  local pid; pid="$(cat "$prefix/nginx.pid")"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$prefix/nginx.pid"
}
trap 'stop_nginx; rm -rf "$work"' EXIT

start_nginx() { # serves $1 on $port
  stop_nginx
  ln -sfn "$1" "$prefix/html"
  nginx -p "$prefix/" -e error.log -c "$prefix/nginx.conf"
  for _ in $(seq 50); do
    curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/" 2>/dev/null && return 0
    curl -sS -o /dev/null --max-time 2 "http://127.0.0.1:$port/" 2>/dev/null && return 0 # up, even if / is a 404
    sleep 0.1
  done
  echo "bench: nginx did not come up on $port; see $prefix/error.log" >&2; exit 1
}

for checkout in "${checkouts[@]}"; do "$checkout/trawl" --version >/dev/null; done # builds outside the measurement

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr), nginx $(nginx -v 2>&1 | sed 's/.*nginx\///')"
printf '%-7s %-5s %-28s %7s %7s %8s %7s %9s %7s  %s\n' site round checkout pages MB wall_s cpu_s MB/cpu_s load1 parsed
for site in "${wanted[@]}"; do
  start_nginx "${docroot[$site]}"
  for round in $(seq "$rounds"); do
    for checkout in "${checkouts[@]}"; do
      db="$work/$site.db"
      rm -f "$db" "$db-wal" "$db-shm"
      load="$(cut -d' ' -f1 /proc/loadavg)"
      /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$checkout/trawl" crawl "http://127.0.0.1:$port${seed[$site]}" \
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
