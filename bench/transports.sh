#!/usr/bin/env bash
# bench/transports.sh [PAGES] [ROUNDS]: whole crawls of the shared benchmark site through each HTTP client in
# turn (-Dtrawl.transport=http1|jdk|apache|jetty, a switch that exists only at the measurement commit), rounds
# interleaved so that the machine's load falls on every client alike. Private nginx (../shared/bench/nginx.conf
# moved to port 18089) so that other benchmarks on 8088 cannot stop it mid-run. Prints one line per crawl:
# client, wall s, CPU s (user+sys of the JVM), pages/s, CPU ms per page, peak RSS, pages stored with 200.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$root/../shared/bench"
pages="${1:-20000}"; rounds="${2:-3}"
tmp="${BENCH_TMP:-/tmp/transport-bench}"
port=18089; site="$tmp/site-$pages-$port"; prefix="$tmp/nginx"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"; java="$JAVA_HOME/bin/java"
[[ -f "$site/site.json" ]] || python3 "$shared/gensite.py" "$site" -n "$pages" --base "http://127.0.0.1:$port" >/dev/null
mkdir -p "$prefix/tmp"; ln -sfn "$site" "$prefix/html"; chmod o+rx "$tmp" "$site"
sed "s/127.0.0.1:8088/127.0.0.1:$port/" "$shared/nginx.conf" >"$prefix/nginx.conf"
nginx -p "$prefix/" -e error.log -c "$prefix/nginx.conf"
trap 'kill "$(cat "$prefix/nginx.pid")" 2>/dev/null || true' EXIT
sleep 0.5
(cd "$root" && mvn -o -q -DskipTests package >/dev/null)
for round in $(seq "$rounds"); do
  for client in ${CLIENTS:-http1 jdk apache jetty}; do
    db="$tmp/crawl-$client-$round.db"; rm -f "$db"*
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time.txt" "$java" -XX:+UseSerialGC -Xmx192m -XX:+UseCompactObjectHeaders \
      -XX:-UseOnStackReplacement -XX:+ExitOnOutOfMemoryError -XX:UserThreadWaitAttemptsAtExit=0 -Dtrawl.transport="$client" -jar "$root/target/trawl.jar" crawl \
      "http://127.0.0.1:$port/index.html" --db "$db" --concurrency 64 --per-host 64 --ignore-robots --quiet >/dev/null 2>&1
    read -r wall user sys rss <"$tmp/time.txt"
    ok=$(sqlite3 "$db" 'select count(*) from pages where status=200')
    awk -v c="$client" -v r="$round" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v n="$pages" -v ok="$ok" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
      'BEGIN { printf "round=%d client=%-6s wall_s=%.2f cpu_s=%.2f pages_per_s=%.0f cpu_ms_per_page=%.3f peak_rss_mb=%.0f stored_200=%d load=%s\n", r, c, w, u+s, n/w, 1000*(u+s)/n, m/1024, ok, l }'
    rm -f "$db"*
  done
done
