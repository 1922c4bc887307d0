package dev.trawl.store;

import java.time.Duration;

/**
 * Tuning for {@link PostgresPageStore}. Tests shrink these; the crawler uses {@link #DEFAULTS}.
 *
 * @param batching       queue and batch sizes; a batch costs four round trips whatever its size, so batches are
 *                       as large as SQLite's
 * @param connectTimeout how long opening a connection may take (DNS, TCP, TLS, authentication)
 * @param socketTimeout  how long one statement may wait for the server before the connection counts as lost; a
 *                       server that vanished without closing its sockets is noticed after this
 * @param rowByRow       write with the SQLite statements (a round trip per page) instead of array statements; kept
 *                       for {@code StoreBenchmark}, which compares the two
 */
record PostgresSettings(Batching batching, Duration connectTimeout, Duration socketTimeout, boolean rowByRow) {
    static final PostgresSettings DEFAULTS = new PostgresSettings(
            new Batching(4096, 1000, Duration.ofMillis(50)), Duration.ofSeconds(10), Duration.ofSeconds(120), false);
}
