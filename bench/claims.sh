#!/usr/bin/env bash
# How fast the PostgreSQL frontier hands out work (claims/s, URLs/s) to 1, 2 and 4 workers, without HTTP.
# Usage: bench/claims.sh [URLS] [HOSTS] [BATCH] [WORKER_COUNTS]
# PostgreSQL from TRAWL_PG_URL (default postgresql://postgres@127.0.0.1:5432/test); a fresh database per run.
exec "$(dirname "${BASH_SOURCE[0]}")/run-test-class.sh" dev.trawl.store.ClaimBenchmark "$@"
