package dev.trawl.store;

import java.time.Duration;

/**
 * How the writer thread groups records into transactions.
 *
 * @param queueCapacity records that may wait for the writer before {@code write} blocks
 * @param maxBatch      records committed in one transaction at most
 * @param batchWindow   how long the writer keeps collecting a batch after its first record
 */
record Batching(int queueCapacity, int maxBatch, Duration batchWindow) {
    Batching {
        if (queueCapacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException(
                    "queueCapacity and maxBatch must be positive, got " + queueCapacity + " and " + maxBatch);
        }
    }
}
