#!/usr/bin/env bash
# bench/docsite.sh start jdk|python|DIR | stop: serves real documentation from Debian's packages on loopback for the
# benchmarks (bench/realsites.sh, bench/profile.sh --seed), installing the package when missing (apt-get update
# first), or a directory with an index.html (a site of ../shared/bench/gensite.py: bench/targets.sh). One nginx per
# port, ../shared/bench/nginx.conf moved to port $DOCSITE_PORT (default 18091, so that a bench/crawl.sh on 8088 is
# not disturbed), its state under $BENCH_TMP/docsite[-PORT]. start prints the seed URL of the site.
#   jdk     openjdk-17-doc: the JDK 17 API docs (~10,100 HTML pages), seed /api/index.html
#   python  python3.11-doc: the Python 3.11 docs (~530 HTML pages), seed /index.html
#   DIR     the directory, seed /index.html
set -euo pipefail
shared="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../shared/bench" && pwd)"
port="${DOCSITE_PORT:-18091}"
prefix="${BENCH_TMP:-/tmp/trawl-bench}/docsite"
[[ "$port" == 18091 ]] || prefix+="-$port"

stop() {
  [[ -s "$prefix/nginx.pid" ]] || return 0
  local pid; pid="$(cat "$prefix/nginx.pid")"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$prefix/nginx.pid"
}

case "${1:-} ${2:-}" in
  "start jdk") package=openjdk-17-doc; docroot=/usr/share/doc/openjdk-17-doc; seed=/api/index.html ;;
  "start python") package=python3.11-doc; docroot=/usr/share/doc/python3.11/html; seed=/index.html ;;
  "stop "*) stop; exit 0 ;;
  "start /"*) package=""; docroot="$2"; seed=/index.html ;;
  *) echo "usage: bench/docsite.sh start jdk|python|/DIR | stop" >&2; exit 2 ;;
esac
missing=()
if [[ -n "$package" ]]; then
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
fi
command -v nginx >/dev/null || missing+=(nginx)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "docsite: installing ${missing[*]}" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[[ -f "$docroot$seed" ]] || { echo "docsite: ${package:-the site} is there but $docroot$seed is missing" >&2; exit 1; }
stop
mkdir -p "$prefix/tmp"
sed "s/127\.0\.0\.1:8088/127.0.0.1:$port/" "$shared/nginx.conf" >"$prefix/nginx.conf"
grep -q "127.0.0.1:$port" "$prefix/nginx.conf" || { echo "docsite: could not move $shared/nginx.conf to port $port" >&2; exit 1; }
ln -sfn "$docroot" "$prefix/html"
chmod o+rx "$docroot" 2>/dev/null || true # nginx's worker runs as nobody
nginx -p "$prefix/" -e error.log -c "$prefix/nginx.conf"
for _ in $(seq 50); do
  if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port$seed" 2>/dev/null; then
    echo "http://127.0.0.1:$port$seed"; exit 0
  fi
  sleep 0.1
done
echo "docsite: nginx did not serve $seed on $port; see $prefix/error.log" >&2; exit 1
