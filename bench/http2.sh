#!/usr/bin/env bash
# bench/http2.sh [PAGES] [ROUNDS]: CPU per page of https:// crawls over HTTP/1.1 (trawl's own client) and over HTTP/2
# (--http2, Jetty's client), interleaved in one run against the same local server: Debian's nginx serving the shared
# benchmark site (../shared/bench/gensite.py, absolute links to https://127.0.0.1:8443) over TLS with h2 and http/1.1
# offered by ALPN, a certificate made for the run. Prints one line per crawl and the median of each; nginx's access log
# gives the protocol every request really used. Defaults: 5000 pages, 3 rounds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$root/../shared/bench"
pages="${1:-5000}"
rounds="${2:-3}"
export BENCH_TMP="${BENCH_TMP:-/tmp/trawl-bench}"
site="$BENCH_TMP/site-https-$pages"
work="$(mktemp -d "$BENCH_TMP/http2-XXXXXX")"
port=8443
[[ -x /usr/bin/time ]] || apt-get install -y -qq time >/dev/null
command -v nginx >/dev/null || apt-get install -y -qq nginx >/dev/null

if [[ ! -f "$site/site.json" ]] || ! grep -q "\"pages\": $pages," "$site/site.json"; then
  python3 "$shared/gensite.py" "$site" -n "$pages" --base "https://127.0.0.1:$port" >/dev/null
fi
chmod o+rx "$BENCH_TMP" "$site" 2>/dev/null || true

# A key and certificate for 127.0.0.1, and a trust store holding the certificate for trawl's JVM.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
keytool -importcert -noprompt -alias bench -file "$work/cert.pem" -storetype PKCS12 -keystore "$work/trust.p12" \
  -storepass changeit >/dev/null 2>&1
mkdir -p "$work/tmp"
chmod o+rx "$work" # nginx's worker runs as nobody
ln -s "$site" "$work/html"
cat >"$work/nginx.conf" <<EOF
worker_processes 1;
pid nginx.pid;
error_log error.log warn;
daemon on;
events { worker_connections 4096; }
http {
    types { text/html html; text/plain txt; }
    default_type application/octet-stream;
    charset utf-8;
    log_format proto '\$server_protocol';
    access_log access.log proto;
    sendfile on;
    keepalive_timeout 65s;
    keepalive_requests 1000000;
    client_body_temp_path tmp/client_body;
    proxy_temp_path tmp/proxy;
    fastcgi_temp_path tmp/fastcgi;
    uwsgi_temp_path tmp/uwsgi;
    scgi_temp_path tmp/scgi;
    server {
        listen 127.0.0.1:$port ssl http2 backlog=4096;
        ssl_certificate $work/cert.pem;
        ssl_certificate_key $work/key.pem;
        root html;
        index index.html;
        disable_symlinks off;
    }
}
EOF
nginx -p "$work/" -e error.log -c "$work/nginx.conf"
trap 'kill -TERM "$(cat "$work/nginx.pid")" 2>/dev/null || true; sleep 0.5; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -fsSk -o /dev/null --max-time 2 "https://127.0.0.1:$port/robots.txt" && break; sleep 0.1; done

"$root/trawl" --version >/dev/null # builds the jar outside the measurement
export TRAWL_JAVA_OPTS="-Djavax.net.ssl.trustStore=$work/trust.p12 -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12"

crawl() { # $1: label, rest: extra options
  local label="$1"; shift
  rm -f "$work/crawl.db"*
  : >"$work/access.log"
  kill -USR1 "$(cat "$work/nginx.pid")" # reopen the log
  sleep 0.2
  /usr/bin/time -f '%U %S %e' -o "$work/time.txt" "$root/trawl" crawl "https://127.0.0.1:$port/index.html" \
    --db "$work/crawl.db" --concurrency 64 --per-host 64 --ignore-robots --quiet "$@" >/dev/null 2>"$work/crawl.err" \
    || { echo "the $label crawl failed:" >&2; cat "$work/crawl.err" >&2; exit 1; }
  read -r user sys wall <"$work/time.txt"
  local stored protocols
  stored=$(sqlite3 "$work/crawl.db" "SELECT count(*) FROM pages WHERE status = 200")
  [[ $stored -gt 0 ]] || { sqlite3 "$work/crawl.db" "SELECT url, status, error FROM pages p JOIN frontier f ON f.id = p.frontier_id LIMIT 5" >&2; cat "$work/crawl.err" >&2; exit 1; }
  protocols=$(sort "$work/access.log" | uniq -c | awk '{printf "%s %s; ", $2, $1}')
  printf '%s\t%s\t%.3f\t%.1f\t%s\n' "$label" "$stored" "$(echo "($user + $sys) * 1000 / $stored" | bc -l)" \
    "$(echo "$stored / $wall" | bc -l)" "$protocols" | tee -a "$work/results.tsv"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'client\tpages_200\tcpu_ms_per_page\tpages_per_s\trequests by protocol (nginx)\n'
for round in $(seq 1 "$rounds"); do
  crawl "http/1.1" 
  crawl "h2 (--http2)" --http2
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for label in "http/1.1" "h2 (--http2)"; do
  awk -F'\t' -v l="$label" '$1 == l {print $3}' "$work/results.tsv" | sort -n \
    | awk -v l="$label" '{v[NR] = $1} END {printf "median %s: %.3f CPU ms per page over %d crawls\n", l, v[int((NR + 1) / 2)], NR}'
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr), nginx $(nginx -v 2>&1 | cut -d/ -f2)"
