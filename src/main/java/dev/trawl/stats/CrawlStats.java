package dev.trawl.stats;

import dev.trawl.crawl.CrawlListener;
import dev.trawl.store.PageRecord;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of a crawl, updated by thousands of tasks at once. LongAdder keeps updates exact and cheap under
 * contention (no lost updates, no lock on the fetch path).
 */
public final class CrawlStats implements CrawlListener {
    private final LongAdder requests = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder recorded = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder robotsDenied = new LongAdder();
    private final LongAdder bytes = new LongAdder();

    @Override
    public void requestStarted() {
        requests.increment();
    }

    @Override
    public void retryScheduled() {
        retries.increment();
    }

    @Override
    public void recorded(PageRecord record) {
        recorded.increment();
        bytes.add(record.bodyBytes());
        if ("robots".equals(record.error())) robotsDenied.increment();
        else if (record.error() != null || (record.status() != null && record.status() >= 400)) errors.increment();
    }

    public long requests() { return requests.sum(); }
    public long retries() { return retries.sum(); }
    public long recorded() { return recorded.sum(); }
    public long errors() { return errors.sum(); }
    public long robotsDenied() { return robotsDenied.sum(); }
    public long bytes() { return bytes.sum(); }
}
