#!/usr/bin/env bash
# --render never, auto and always on a mixed local site (every fifth page an app shell): pages/s, rendered pages/s
# and the peak memory of trawl plus its headless Chromium (RSS and PSS), with the load average. Needs chromium.
# Usage: bench/render.sh [PAGES] [RENDER_CONCURRENCY]   e.g. bench/render.sh 500 2
exec "$(dirname "${BASH_SOURCE[0]}")/run-test-class.sh" dev.trawl.render.RenderBenchmark "$@"
