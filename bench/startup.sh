#!/usr/bin/env bash
# Start-up of each launcher, interleaved: the time from launching `trawl crawl` to the first request reaching a local
# listener, and to the exit of a one-page crawl. Usage: bench/startup.sh [RUNS] [LAUNCHER...]
# (default: 5 runs of ./trawl and, when the .deb is installed, /usr/bin/trawl). Needs python3 for the listener.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-5}"; shift || true
launchers=("$@")
if (( ${#launchers[@]} == 0 )); then
  launchers=(./trawl)
  [[ -x /usr/bin/trawl ]] && launchers+=(/usr/bin/trawl)
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A listener that notes when the first request arrives (ns since the epoch) and answers it with a one-link page.
cat > "$work/first.py" <<'EOF'
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", 0)); s.listen(16)
print(s.getsockname()[1], flush=True)
first = None
s.settimeout(30)
try:
    while True:
        c, _ = s.accept()
        if first is None:
            first = time.time_ns()
            open(sys.argv[1], "w").write(str(first))
        c.recv(65536)
        body = b"<title>one</title>"
        c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
        c.close()
except socket.timeout:
    pass
EOF

"${launchers[0]}" --version >/dev/null 2>&1 # builds ./trawl and its AOT cache first, outside the measurement
echo "launcher | run | launch to first request (ms) | launch to exit (ms)"
for run in $(seq "$runs"); do
  for launcher in "${launchers[@]}"; do
    rm -f "$work"/one.db* "$work/first"
    coproc LISTEN { exec python3 "$work/first.py" "$work/first"; }
    read -r port <&"${LISTEN[0]}"
    start=$(date +%s%N)
    "$launcher" crawl "http://127.0.0.1:$port/" --max-pages 1 --ignore-robots --quiet --db "$work/one.db" >/dev/null 2>&1
    end=$(date +%s%N)
    kill "$LISTEN_PID" 2>/dev/null || true; wait "$LISTEN_PID" 2>/dev/null || true
    first=$(cat "$work/first" 2>/dev/null || echo "$end")
    echo "$launcher | $run | $(( (first - start) / 1000000 )) | $(( (end - start) / 1000000 ))"
  done
done
