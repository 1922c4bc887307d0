#!/usr/bin/env bash
# bench/counters.sh [ROUNDS] [PAGES|URL]: the same crawl with and without live counters (mapped file and
# sampler, as `trawl crawl` runs them), in alternating runs, printing pages/s of each and the medians.
# Without a URL it crawls a built-in loopback site of PAGES pages (default 10000); with one, e.g. the shared
# nginx site (bench/crawl.sh starts it: http://127.0.0.1:8088/index.html), it crawls that.
exec "$(dirname "${BASH_SOURCE[0]}")/run-test-class.sh" dev.trawl.stats.CountersBench "$@"
