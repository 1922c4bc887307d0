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

    /**
     * Replaces the extracted fields of the pages of these ids (a null value clears them) and sets a meta key, in one
     * transaction: `trawl extract` records how far it got with the fields it wrote, so a kill -9 loses neither.
     */
    void saveFields(java.util.Map<Long, String> fieldsById, String metaKey, String metaValue) throws InterruptedException;
}
