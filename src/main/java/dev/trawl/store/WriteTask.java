package dev.trawl.store;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** What the writer thread takes from its queue: data to commit, or a signal about the commits before it. */
sealed interface WriteTask {

    /** A page record, its outlinks already JSON-encoded by the producing thread to spare the writer. */
    record Page(PageRecord record, String outlinksJson) implements WriteTask {}

    /** URLs to add as pending unless known (seeds). */
    record Pending(List<FrontierEntry> entries, Instant discoveredAt) implements WriteTask {}

    /** Counted down once every task queued before it is committed. */
    record Barrier(CountDownLatch committed) implements WriteTask {}

    /** Commit what is queued before it, then end the writer thread. */
    record Stop() implements WriteTask {}
}
