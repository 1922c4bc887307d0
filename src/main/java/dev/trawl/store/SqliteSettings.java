package dev.trawl.store;

import java.time.Duration;

/**
 * Tuning for {@link SqlitePageStore}. Tests shrink these; the crawler uses {@link #DEFAULTS}.
 *
 * @param busyTimeout  how long a statement waits for another connection's lock before failing
 * @param queueCapacity records that may wait for the writer before {@code write} blocks
 * @param maxBatch     records committed in one transaction at most
 * @param batchWindow  how long the writer keeps collecting a batch after its first record
 */
record SqliteSettings(Duration busyTimeout, int queueCapacity, int maxBatch, Duration batchWindow) {
    /** 4096 queued records are a few MB; 1000 per commit amortises the WAL fsync at checkpoint time. */
    static final SqliteSettings DEFAULTS = new SqliteSettings(Duration.ofSeconds(10), 4096, 1000, Duration.ofMillis(50));

    SqliteSettings {
        new Batching(queueCapacity, maxBatch, batchWindow); // checks them
    }

    Batching batching() {
        return new Batching(queueCapacity, maxBatch, batchWindow);
    }
}
