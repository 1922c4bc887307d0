#!/usr/bin/env bash
# Store write throughput: SQLite vs PostgreSQL (array and row-by-row statements).
# Usage: bench/store.sh [RECORDS] [PRODUCERS]; PostgreSQL from TRAWL_PG_URL (default postgresql://postgres@127.0.0.1:5432/test).
exec "$(dirname "${BASH_SOURCE[0]}")/run-test-class.sh" dev.trawl.store.StoreBenchmark "$@"
