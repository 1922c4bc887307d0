#!/usr/bin/env bash
# bench/targets.sh [--rounds N] [--skip-200k] [--skip-real]: every target of issue 13 measured in one run, then one
# table: target, measured, met / not met, and the 1-minute load average when the run began.
#   (a) real sites: bench/realsites.sh (JDK 17 and Python 3.11 docs from Debian's packages, nginx on 127.0.0.1:18091):
#       MB of bodies per CPU-second of trawl's process, start-up included; target >= 25 each.
#   (b) the synthetic 20,000-page site (../shared/bench/gensite.py, generated for port 18092 under $BENCH_TMP, served
#       by the shared nginx.conf moved to 127.0.0.1:18092): trawl into SQLite (target >= 10,000 pages/s) and the
#       seed-style crawler of bench/seedstyle/ (asyncio + aiohttp + asyncpg + lxml, one INSERT per page into
#       PostgreSQL, concurrency 64; its pinned requirements installed into a venv under $BENCH_TMP); target: trawl
#       >= 10x its pages/s.
#   (c) the synthetic 200,000-page site (~2.9 GB under $BENCH_TMP, generated once): pages/s (target >= 15,000) and
#       peak RSS of trawl's process (target < 400 MB).
#   (d) the 20,000-page crawl into PostgreSQL (a fresh database per run on 127.0.0.1:5432, user postgres), beside
#       the SQLite crawl of (b): target >= 80 % of its pages/s; PostgreSQL's own CPU (utime + stime of the
#       postmaster, its live children and the children it has reaped, from /proc, before and after) beside it.
# Every trawl crawl: `./trawl crawl SEED --concurrency 64 --per-host 64 --max-pages-per-host 0 --ignore-robots --quiet`
# (the site is one host, and the default stops a host at 100,000 pages) under /usr/bin/time
# (wall clock from launch to exit, CPU = user + system of the process, peak RSS), checked for the expected number of
# pages stored with status 200. With --rounds N the real sites and the 20,000-page crawls (b, d) run N times (b and d
# interleaved); the table gives the median, and the load of every run. Wrap the run in `flock /tmp/trawl-bench.lock` so that no other benchmark shares the machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$root/../shared/bench"
rounds=1 skip_200k="" skip_real=""
usage="usage: bench/targets.sh [--rounds N] [--skip-200k] [--skip-real]"
while [[ $# -gt 0 ]]; do
  if [[ "$1" == --rounds ]]; then rounds="${2:?bench: --rounds needs a number}"; shift
  elif [[ "$1" == --skip-200k ]]; then skip_200k=1
  elif [[ "$1" == --skip-real ]]; then skip_real=1
  else echo "bench: unknown argument '$1' ($usage)" >&2; exit 2
  fi
  shift
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "bench: --rounds must be a positive number, got '$rounds'" >&2; exit 2; }
export BENCH_TMP="${BENCH_TMP:-/tmp/trawl-bench}"
port=18092
pg="postgresql://postgres@127.0.0.1:5432"
work="$BENCH_TMP/targets-$$"
results="$work/results.tsv" # kind, round, value...
mkdir -p "$work"

missing=()
for tool in nginx sqlite3 psql bc; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[[ -x /usr/bin/time ]] || missing+=(time)
if [[ ${#missing[@]} -gt 0 ]]; then
  missing=("${missing[@]/psql/postgresql-client}")
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
psql "$pg/postgres" -Atqc 'SELECT 1' >/dev/null || { echo "bench: no PostgreSQL at $pg (trust auth, user postgres)" >&2; exit 1; }

load1() { cut -d' ' -f1 /proc/loadavg; }

# --- the synthetic site, on its own nginx (bench/docsite.sh on port 18092) ---------------------------------------
serve_stop() { DOCSITE_PORT=$port bash "$root/bench/docsite.sh" stop; }
serve_site() { # serve_site PAGES: generates the site when missing, then serves it on $port
  local pages=$1 site="$BENCH_TMP/site-$1"
  if ! grep -qs "\"base\": \"http://127.0.0.1:$port\"" "$site/site.json" || ! grep -qs "\"pages\": $pages," "$site/site.json"; then
    echo "bench: generating $pages pages in $site (links to 127.0.0.1:$port)" >&2
    rm -rf "$site"
    python3 "$shared/gensite.py" "$site" -n "$pages" --base "http://127.0.0.1:$port" >/dev/null
  fi
  chmod o+rx "$BENCH_TMP" 2>/dev/null || true
  DOCSITE_PORT=$port bash "$root/bench/docsite.sh" start "$site" >/dev/null
}
trap 'serve_stop; rm -rf "$work"' EXIT

# --- PostgreSQL: fresh databases and the server's own CPU ------------------------------------------------------
fresh_db() { # fresh_db NAME: prints its URL
  psql "$pg/postgres" -Atq -c 'SET client_min_messages = warning' -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null
  echo "$pg/$1"
}
drop_db() { psql "$pg/postgres" -Atqc "DROP DATABASE IF EXISTS $1" >/dev/null; }
postmaster_pid() { head -n 1 "$(psql "$pg/postgres" -Atqc 'SHOW data_directory')/postmaster.pid"; }
# Clock ticks of CPU the server has used: the postmaster's own and its reaped children's (fields 14-17 of
# /proc/PID/stat), plus every live child's own. A backend that ended is in the postmaster's cutime once reaped.
pg_ticks() {
  local pm=$1 total=0 child
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
  for child in $(ps --ppid "$pm" -o pid= 2>/dev/null); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
pg_settle() { # waits until the server has no more children than at the start (the crawl's backends reaped)
  local pm=$1 want=$2
  for _ in $(seq 50); do
    [[ $(ps --ppid "$pm" -o pid= | wc -l) -le $want ]] && return 0
    sleep 0.1
  done
}

# --- one measured run --------------------------------------------------------------------------------------------
# timed NAME CMD...: runs CMD under /usr/bin/time; sets wall, cpu, rss_mb, load
timed() {
  local name=$1; shift
  load=$(load1)
  /usr/bin/time -f '%e %U %S %M' -o "$work/$name.time" "$@" >"$work/$name.out" 2>&1 \
    || { echo "bench: $name failed:" >&2; tail -n 20 "$work/$name.out" >&2; exit 1; }
  local user sys kb
  read -r wall user sys kb <"$work/$name.time"
  cpu=$(echo "$user + $sys" | bc -l)
  rss_mb=$((kb / 1024))
}
trawl_crawl() { # trawl_crawl NAME DB: the crawl of the served site (one host: no --max-pages-per-host limit)
  timed "$1" "$root/trawl" crawl "http://127.0.0.1:$port/index.html" --db "$2" --concurrency 64 --per-host 64 \
    --max-pages-per-host 0 --ignore-robots --quiet
}
check_pages() { # check_pages NAME EXPECTED GOT
  [[ "$3" -eq "$2" ]] || { echo "bench: $1 stored $3 pages with status 200, expected $2" >&2; exit 1; }
}
record() { # record KIND ROUND PAGES: appends a line to the results and prints it
  local rate; rate=$(echo "$3 / $wall" | bc -l)
  printf '%s\t%s\t%s\t%.2f\t%.2f\t%.0f\t%d\t%s%s\n' "$1" "$2" "$3" "$wall" "$cpu" "$rate" "$rss_mb" "$load" "${4:-}" | tee -a "$results" >&2
}

"$root/trawl" --version >/dev/null # builds the jar and its AOT cache outside the measurement
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr), $(date -u '+%Y-%m-%d %H:%M UTC'), trawl $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# (a) real sites
if [[ -z "$skip_real" ]]; then
  echo "bench: (a) real sites" >&2
  BENCH_TMP="$BENCH_TMP" bash "$root/bench/realsites.sh" --rounds "$rounds" "$root" | tee "$work/realsites.txt" >&2
fi

# the seed-style crawler's venv, made once per requirements file
req="$root/bench/seedstyle/requirements.txt"
venv="$BENCH_TMP/seedstyle-venv-$(sha1sum "$req" | cut -c1-12)"
if [[ ! -x "$venv/bin/python" ]]; then
  echo "bench: installing the seed-style crawler's requirements into $venv" >&2
  rm -rf "$venv.tmp"
  python3 -m venv "$venv.tmp" && "$venv.tmp/bin/pip" install -q -r "$req" >"$work/pip.log" 2>&1 \
    || { echo "bench: pip could not install $req:" >&2; tail -n 5 "$work/pip.log" >&2; exit 1; }
  mv "$venv.tmp" "$venv"
fi

# (b) and (d): the 20,000-page crawls, interleaved per round
echo "bench: (b, d) the 20,000-page site" >&2
serve_site 20000
pm=$(postmaster_pid)
for round in $(seq "$rounds"); do
  db="$work/b.db"; rm -f "$db" "$db-wal" "$db-shm"
  trawl_crawl sqlite "$db"
  check_pages "trawl into SQLite" 20000 "$(sqlite3 "$db" 'SELECT count(*) FROM pages WHERE status = 200')"
  record sqlite "$round" 20000

  url=$(fresh_db trawl_targets_pg)
  children=$(ps --ppid "$pm" -o pid= | wc -l); before=$(pg_ticks "$pm")
  trawl_crawl postgres "$url"
  pg_settle "$pm" "$children"; after=$(pg_ticks "$pm")
  check_pages "trawl into PostgreSQL" 20000 "$(psql "$url" -Atqc 'SELECT count(*) FROM pages WHERE status = 200')"
  record postgres "$round" 20000 "$(printf '\t%.2f' "$(echo "($after - $before) / $(getconf CLK_TCK)" | bc -l)")"
  drop_db trawl_targets_pg

  url=$(fresh_db trawl_targets_seed)
  children=$(ps --ppid "$pm" -o pid= | wc -l); before=$(pg_ticks "$pm")
  timed seedstyle "$venv/bin/python" "$root/bench/seedstyle/crawl.py" "http://127.0.0.1:$port/index.html" "$url" --concurrency 64
  pg_settle "$pm" "$children"; after=$(pg_ticks "$pm")
  check_pages "the seed-style crawler" 20000 "$(psql "$url" -Atqc 'SELECT count(*) FROM pages WHERE status = 200')"
  record seedstyle "$round" 20000 "$(printf '\t%.2f' "$(echo "($after - $before) / $(getconf CLK_TCK)" | bc -l)")"
  drop_db trawl_targets_seed
done

# (c) 200,000 pages
if [[ -z "$skip_200k" ]]; then
  echo "bench: (c) the 200,000-page site" >&2
  serve_site 200000
  db="$work/c.db"
  trawl_crawl big "$db"
  check_pages "the 200,000-page crawl" 200000 "$(sqlite3 "$db" 'SELECT count(*) FROM pages WHERE status = 200')"
  record big 1 200000
  rm -f "$db" "$db-wal" "$db-shm"
fi
serve_stop

# --- the table ---------------------------------------------------------------------------------------------------
echo
echo "runs (kind round pages wall_s cpu_s pages/s peak_rss_mb load1 [postgres_cpu_s]):"
cat "$results"
[[ -f "$work/realsites.txt" ]] && { echo; cat "$work/realsites.txt"; }
echo
python3 - "$results" "$work/realsites.txt" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    kind, rnd, pages, wall, cpu, rate, rss, load, *pg = line.rstrip("\n").split("\t")
    runs.setdefault(kind, []).append(dict(rate=float(rate), cpu=float(cpu), rss=int(rss), load=load,
                                          pg=float(pg[0]) if pg else None))
def median(kind, key): return statistics.median(r[key] for r in runs[kind])
def loads(kind): return "/".join(r["load"] for r in runs[kind])
rows = []
real = {}
try:
    for line in open(sys.argv[2]):
        f = line.split()
        if f and f[0] in ("jdk", "python") and len(f) >= 9:
            real.setdefault(f[0], []).append(f)
except FileNotFoundError:
    pass
for site, crawls in real.items():
    name = {"jdk": "JDK 17 docs", "python": "Python 3.11 docs"}[site]
    rate = statistics.median(float(f[7]) for f in crawls)
    rows.append((f"{name}: MB per CPU-s >= 25", f"{rate:.1f} ({'/'.join(f[7] for f in crawls)}; {crawls[0][3]} pages, "
                 f"{crawls[0][4]} MB, {'/'.join(f[6] for f in crawls)} CPU-s)", rate >= 25, "/".join(f[8] for f in crawls)))
if "sqlite" in runs:
    s = median("sqlite", "rate")
    rows.append(("20,000 pages: pages/s >= 10,000", f"{s:,.0f} ({median('sqlite', 'cpu'):.2f} CPU-s)", s >= 10000, loads("sqlite")))
    seed = median("seedstyle", "rate")
    rows.append(("20,000 pages: >= 10x the seed-style crawler", f"{s / seed:.1f}x ({seed:,.0f} pages/s, "
                 f"{median('seedstyle', 'cpu'):.2f} CPU-s + PostgreSQL {median('seedstyle', 'pg'):.2f} CPU-s)",
                 s >= 10 * seed, loads("seedstyle")))
    p = median("postgres", "rate")
    rows.append(("20,000 pages into PostgreSQL: >= 80 % of SQLite", f"{100 * p / s:.0f} % ({p:,.0f} pages/s, "
                 f"{median('postgres', 'cpu'):.2f} CPU-s + PostgreSQL {median('postgres', 'pg'):.2f} CPU-s)",
                 p >= 0.8 * s, loads("postgres")))
if "big" in runs:
    b = runs["big"][0]
    rows.append(("200,000 pages: pages/s >= 15,000", f"{b['rate']:,.0f} ({b['cpu']:.2f} CPU-s)", b["rate"] >= 15000, b["load"]))
    rows.append(("200,000 pages: peak RSS < 400 MB", f"{b['rss']} MB", b["rss"] < 400, b["load"]))
print("| target | measured | met | load |")
print("| --- | --- | --- | --- |")
for target, measured, met, load in rows:
    print(f"| {target} | {measured} | {'met' if met else 'not met'} | {load} |")
PY
