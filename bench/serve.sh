#!/usr/bin/env bash
# trawl serve on a large crawl: makes a SQLite database of ROWS pages (default 1,000,000) and times each view over
# HTTP (median and slowest of 5). Usage: bench/serve.sh [ROWS]
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/run-test-class.sh" dev.trawl.serve.ServeBenchmark "$@"
