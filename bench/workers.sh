#!/usr/bin/env bash
# Many workers, one PostgreSQL frontier: pages/s, each worker's share, claim/upkeep transactions/s, and the seconds
# to rebalance after a worker joins and after one is killed with SIGKILL, for 1, 2, 4 and 8 trawl processes on 12
# hosts; then one host with --per-host 8 and 1, 2, 4 workers.
# Usage: bench/workers.sh [PAGES] [WORKER_COUNTS] [PAGE_DELAY_MS] [HOSTS]
#   e.g. bench/workers.sh 12000 1,2,4,8 20 12
# PostgreSQL from TRAWL_PG_URL (default postgresql://postgres@127.0.0.1:5432/test); a fresh database per run.
exec "$(dirname "${BASH_SOURCE[0]}")/run-test-class.sh" dev.trawl.WorkersBenchmark "$@"
