#!/usr/bin/env bash
# Many workers, one PostgreSQL frontier: pages/s and claims/s with 1, 2 and 4 trawl processes.
# Usage: bench/workers.sh [PAGES] [WORKER_COUNTS] [PAGE_DELAY_MS] [crawl options...]
#   e.g. bench/workers.sh 20000 1,2,4 20 --concurrency 8 --per-host 4
# PostgreSQL from TRAWL_PG_URL (default postgresql://postgres@127.0.0.1:5432/test); a fresh database per run.
exec "$(dirname "${BASH_SOURCE[0]}")/run-test-class.sh" dev.trawl.WorkersBenchmark "$@"
