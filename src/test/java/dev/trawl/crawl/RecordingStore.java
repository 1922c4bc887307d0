package dev.trawl.crawl;

import dev.trawl.store.Claim;
import dev.trawl.store.Coordination;
import dev.trawl.store.ExportRow;
import dev.trawl.store.FrontierEntry;
import dev.trawl.store.HandOver;
import dev.trawl.store.PageRecord;
import dev.trawl.store.PageStore;
import dev.trawl.store.SitemapRecord;
import dev.trawl.store.SitemapRow;
import dev.trawl.store.PageReads.StoredPage;
import dev.trawl.store.WorkerDemand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A store for the crawl's unit tests that keeps what it is told in lists: records written (queued until a flush,
 * then committed, their discoveries then pending and claimable, as the real writer makes them), and every call the
 * end-of-crawl decision makes, in order. Roles the decisions never use throw. The integration tests use the real
 * databases.
 */
final class RecordingStore implements PageStore {
    private final List<PageRecord> queued = new ArrayList<>();
    private final List<PageRecord> committed = new ArrayList<>();
    private final List<FrontierEntry> pending = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final Frontier coordination = new Frontier();
    /** Whether other workers still hold claimed URLs (a shared frontier), so that the crawl is not over. */
    boolean workElsewhere;
    /** Whether the frontier is shared by several workers (PostgreSQL): a redirect to another host goes there. */
    boolean shared;

    synchronized List<PageRecord> written() {
        var all = new ArrayList<>(committed);
        all.addAll(queued);
        return all;
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** A URL pending in the database, claimable now. */
    synchronized void addCommittedPending(String url) {
        pending.add(new FrontierEntry(url, 0));
    }

    @Override
    public synchronized void write(PageRecord record) {
        calls.add("write " + record.url());
        queued.add(record);
    }

    @Override
    public synchronized void flush() {
        calls.add("flush");
        for (PageRecord r : queued) {
            for (FrontierEntry e : r.discovered()) if (!e.requested()) pending.add(e);
        }
        committed.addAll(queued);
        queued.clear();
    }

    @Override
    public void saveFields(Map<Long, String> fieldsById, String metaKey, String metaValue) {
        throw new UnsupportedOperationException("not a decision of the crawl's unit tests");
    }

    @Override
    public List<SitemapRow> loadSitemaps(String site) {
        throw new UnsupportedOperationException("not a decision of the crawl's unit tests");
    }

    @Override
    public void writeSitemap(SitemapRecord record) {
        throw new UnsupportedOperationException("not a decision of the crawl's unit tests");
    }

    @Override
    public Coordination coordination() {
        return coordination;
    }

    @Override
    public void close() {}

    @Override
    public void loadFrontier(FrontierVisitor visitor, long limit) {
        throw new UnsupportedOperationException("not a decision of the crawl's unit tests");
    }

    @Override
    public void addPending(List<FrontierEntry> entries) {
        throw new UnsupportedOperationException("not a decision of the crawl's unit tests");
    }

    @Override
    public synchronized long countPending() {
        return pending.size();
    }

    @Override
    public long reserveHostUrls(String host, long wanted, long limit) {
        throw new UnsupportedOperationException("the unit tests' host budget has no limit");
    }

    @Override
    public void returnHostUrls(Map<String, Long> unused) {}

    @Override
    public int requeueFailed() {
        throw new UnsupportedOperationException("not a decision of the crawl's unit tests");
    }

    @Override
    public long requeueForRecrawl(java.time.Instant fetchedBefore) {
        throw new UnsupportedOperationException("not a decision of the crawl's unit tests");
    }

    @Override
    public dev.trawl.store.PreviousFetch previousFetch(String url) {
        throw new UnsupportedOperationException("not a decision of the crawl's unit tests");
    }

    /** No page it holds was made pending again: the tasks' requests are never conditional. */
    @Override
    public boolean recrawlPending() {
        return false;
    }

    @Override
    public synchronized long countAttempted() {
        return committed.size();
    }

    @Override
    public void exportRows(Selection selection, Consumer<ExportRow> sink) {
        throw new UnsupportedOperationException("not a decision of the crawl's unit tests");
    }

    @Override
    public void storedPages(long afterId, Consumer<StoredPage> sink) {
        throw new UnsupportedOperationException("not a decision of the crawl's unit tests");
    }

    @Override
    public String meta(String key) {
        throw new UnsupportedOperationException("not a decision of the crawl's unit tests");
    }

    @Override
    public List<String> fieldNames() {
        return List.of();
    }

    /** A frontier that claims the committed pending URLs, oldest first; no other workers unless told. */
    private final class Frontier implements Coordination {
        @Override
        public void join(WorkerDemand demand) {}

        @Override
        public Claim claim(int max, long maxPages) {
            synchronized (RecordingStore.this) {
                List<FrontierEntry> got = new ArrayList<>(pending.subList(0, Math.min(max, pending.size())));
                pending.subList(0, got.size()).clear();
                calls.add("claim " + got.size());
                return new Claim(got, List.of(), Map.of(), List.of(), Map.of());
            }
        }

        @Override
        public boolean hasWorkLeft(long maxPages) {
            synchronized (RecordingStore.this) {
                calls.add("hasWorkLeft");
                return workElsewhere || !pending.isEmpty();
            }
        }

        @Override
        public Claim upkeep() {
            return Claim.NONE;
        }

        @Override
        public Duration upkeepInterval() {
            return Duration.ofSeconds(3);
        }

        @Override
        public void handOver(HandOver handOver, List<String> unstarted) {
            throw new UnsupportedOperationException("no hand-overs in the crawl's unit tests");
        }

        @Override
        public void releaseStaleClaims() {}

        @Override
        public Duration reserveStart(String host, Duration gap, Duration margin) {
            return Duration.ZERO; // one process: the scheduler keeps the gap itself
        }

        /** No wait: the tests drive time themselves. */
        @Override
        public Duration emptyClaimWait(int emptyClaims) {
            return Duration.ZERO;
        }

        @Override
        public boolean acceptsWorkers() {
            return shared;
        }

        @Override
        public String agreeOnOptions(String mine) {
            return mine;
        }

        @Override
        public String crawlOptions() {
            return null;
        }

        @Override
        public String offerCrawlOptions(String options) {
            return options;
        }
    }
}
