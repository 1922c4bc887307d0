#!/usr/bin/env bash
# WARC writing speed (issue 11): captures/s and MB/s into gzip WARC files, WarcArchive (parallel encode, one writer
# thread) against one jwarc WarcWriter shared under a lock. Usage: bench/warc.sh [DIR [CAPTURES [BODY [THREADS]]]]
exec "$(dirname "${BASH_SOURCE[0]}")/run-test-class.sh" dev.trawl.warc.WarcArchiveBenchmark "$@"
