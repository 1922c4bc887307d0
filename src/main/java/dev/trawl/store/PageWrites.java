package dev.trawl.store;

/**
 * The write role of a store: records go to a single writer thread that commits in batches; a record and the
 * frontier entries it discovered are committed together.
 */
public interface PageWrites {
    /**
     * Queues a record for the writer thread and returns; blocks while the queue is full, which is the
     * back-pressure that keeps memory flat when the disk is slower than the network.
     */
    void write(PageRecord record) throws InterruptedException;

    /** Blocks until every record queued so far is committed. */
    void flush() throws InterruptedException;
}
