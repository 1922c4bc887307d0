package dev.trawl.store;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What both stores do the same way: writes through one {@link WriteQueue} (a single writer thread), reads through
 * {@link StoreReads}. The subclasses differ in their {@link Coordination} (how claims are shared between processes)
 * and in how they close.
 */
abstract sealed class QueuedPageStore implements PageStore permits SqlitePageStore, PostgresPageStore {
    final WriteQueue writes;
    final StoreReads reads;

    QueuedPageStore(WriteQueue writes, StoreReads reads) {
        this.writes = writes;
        this.reads = reads;
    }

    @Override
    public void loadFrontier(FrontierVisitor visitor, long limit) {
        reads.loadFrontier(visitor, limit);
    }

    /** Goes through the writer like everything else, so there is only ever one writing connection. */
    @Override
    public void addPending(List<FrontierEntry> entries) {
        writes.addPending(entries);
    }

    @Override
    public void write(PageRecord record) throws InterruptedException {
        writes.write(record);
    }

    @Override
    public void writeSitemap(SitemapRecord record) throws InterruptedException {
        writes.writeSitemap(record);
    }

    /** Through the writer, after what is queued: a site's walk reads what it wrote itself. */
    @Override
    public List<SitemapRow> loadSitemaps(String site) throws InterruptedException {
        return writes.exclusive(c -> SitemapRows.load(c, site));
    }

    @Override
    public void flush() throws InterruptedException {
        writes.flush();
    }

    @Override
    public long reserveHostUrls(String host, long wanted, long limit) throws InterruptedException {
        return writes.exclusive(c -> HostBudgets.reserve(c, host, wanted, limit));
    }

    @Override
    public void returnHostUrls(Map<String, Long> unused) {
        if (!unused.isEmpty()) writes.exclusiveUninterruptibly(c -> HostBudgets.giveBack(c, unused));
    }

    @Override
    public int requeueFailed() {
        return writes.exclusiveUninterruptibly(FailedPages::requeue);
    }

    @Override
    public long requeueForRecrawl(java.time.Instant fetchedBefore) {
        return requeueForRecrawl(fetchedBefore, RecrawlPages.BATCH);
    }

    /** As {@link #requeueForRecrawl(java.time.Instant)}, {@code batch} pages per transaction. */
    long requeueForRecrawl(java.time.Instant fetchedBefore, int batch) {
        long total = 0;
        for (long after = 0; after >= 0; ) {
            long from = after;
            RecrawlPages.Step step = writes.exclusiveUninterruptibly(
                    c -> RecrawlPages.requeue(c, fetchedBefore, from, batch));
            total += step.requeued();
            after = step.after();
        }
        return total;
    }

    @Override
    public boolean recrawlPending() {
        return reads.recrawlPending();
    }

    @Override
    public PreviousFetch previousFetch(String url) {
        return reads.previousFetch(url);
    }

    @Override
    public long countAttempted() {
        return reads.countAttempted();
    }

    @Override
    public long countPending() {
        return reads.countPending();
    }

    @Override
    public void exportRows(Selection selection, Consumer<ExportRow> sink) {
        reads.exportRows(selection, sink);
    }

    @Override
    public void storedPages(long afterId, Consumer<StoredPage> sink) {
        reads.storedPages(afterId, sink);
    }

    @Override
    public String meta(String key) {
        return reads.meta(key);
    }

    @Override
    public void saveFields(java.util.Map<Long, String> fieldsById, String metaKey, String metaValue)
            throws InterruptedException {
        writes.exclusive(c -> {
            StoredFields.save(c, fieldsById, metaKey, metaValue);
            return null;
        });
    }

    @Override
    public java.util.List<String> fieldNames() {
        return reads.fieldNames();
    }
}
