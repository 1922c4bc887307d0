package dev.trawl.store;

import java.util.List;
import java.util.function.Consumer;

/**
 * Durable crawl state: the frontier (every known URL, pending or done), pages and links.
 *
 * <p>Writes go through {@link #write} to a single writer thread that commits in batches; a record and
 * the frontier entries it discovered are committed together. Every method may throw {@link StoreException}.
 */
public interface PageStore extends AutoCloseable {

    /** Calls visitor once per known URL, pending ones in discovery order. For resuming. */
    void loadFrontier(FrontierVisitor visitor);

    /** Adds URLs as pending unless already known; committed before return. */
    void addPending(List<FrontierEntry> entries);

    /**
     * Queues a record for the writer thread and returns; blocks while the queue is full, which is the
     * back-pressure that keeps memory flat when the disk is slower than the network.
     */
    void write(PageRecord record) throws InterruptedException;

    /** Blocks until every record queued so far is committed. */
    void flush() throws InterruptedException;

    /**
     * Claims up to max pending URLs for this process to fetch, oldest first, and returns them; they stay
     * claimed until their record is written. Returns an empty list when no URL is pending now (URLs still
     * in the write queue are not visible yet: {@link #flush} first to see them).
     */
    List<FrontierEntry> claimPending(int max) throws InterruptedException;

    /**
     * Makes URLs claimed by processes that are gone pending again. A single-process store releases every
     * claim: call it before the first {@link #claimPending}.
     */
    void releaseStaleClaims();

    /** Number of URLs attempted and stored (pages table rows). */
    long countAttempted();

    /** Streams every attempted URL in discovery order, in constant memory. */
    void exportRows(Consumer<ExportRow> sink);

    /** Flushes, stops the writer and closes the database. */
    @Override
    void close();

    /** Receives known URLs on resume. */
    @FunctionalInterface
    interface FrontierVisitor {
        void visit(String url, int depth, boolean done);
    }
}
