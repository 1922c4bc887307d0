package dev.trawl.extract;

import dev.trawl.fetch.ContentDecoding;
import dev.trawl.parse.PageLimits;
import dev.trawl.parse.PageParser;
import dev.trawl.store.PageReads;
import dev.trawl.store.PageStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;

/**
 * `trawl extract`: runs extraction rules over the bodies a crawl stored (--store-bodies) on a pool of platform
 * threads, the process-pool map of the text trawl grew out of. Pages stream from the store in id order; at most
 * {@code 2 × threads} chunks of up to 16 pages (1 MiB stored) are in flight, so memory does not grow with the crawl; results are committed in id order, 500
 * at a time, together with how far the run got, so after a kill -9 the same command goes on where it stopped (with
 * the same rules: other rules start over).
 */
public final class StoredPagesExtraction {
    /** The meta key of the progress: the rules' hash and the last page id done. */
    public static final String PROGRESS_KEY = "extract_progress";
    private static final int BATCH = 500;
    /**
     * Pages go to the pool in chunks of this many, or fewer when their stored bytes reach CHUNK_BYTES: a task per page
     * cost more in hand-offs and thread wake-ups than the page's extraction (measured). At most 2 chunks per thread
     * are in flight.
     */
    private static final int CHUNK_PAGES = 16;
    private static final long CHUNK_BYTES = 1 << 20;

    private final PageStore store;
    private final ExtractionRules rules;
    private final int threads;
    private final long maxBody;
    private final TreeReasons treeReasons; // null unless explaining

    /**
     * What a run did. withoutTree: pages whose fields were read from their markup without a jsoup tree
     * ({@link ExtractionRules#extractWithoutTree}); resumedAfter: the page id it went on after (0 when it started
     * from the first page).
     */
    public record Result(long pages, long withFields, long unreadable, long withoutTree, long resumedAfter,
                         Duration elapsed, Map<String, Long> treeReasons) {}

    public StoredPagesExtraction(PageStore store, ExtractionRules rules, int threads, long maxBody) {
        this(store, rules, threads, maxBody, false);
    }

    /**
     * explain: also count why pages went through jsoup's tree ({@link Result#treeReasons()}), at the cost of a second
     * reading of those pages.
     */
    public StoredPagesExtraction(PageStore store, ExtractionRules rules, int threads, long maxBody, boolean explain) {
        this.treeReasons = explain ? new TreeReasons() : null;
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.store = store;
        this.rules = rules;
        this.threads = threads;
        this.maxBody = maxBody;
    }

    /** One page's result: its new fields (null: no rule applies), or unreadable (its fields are left as they were). */
    private record Done(long id, String fields, boolean unreadable, boolean withoutTree) {}

    public Result run() throws InterruptedException {
        long started = System.nanoTime();
        String hash = hash(rules.toJson());
        long after = resumePoint(store.meta(PROGRESS_KEY), hash);
        var count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "trawl-extract-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        var inFlight = new ArrayDeque<Future<List<Done>>>();
        var batch = new LinkedHashMap<Long, String>();
        long[] totals = new long[4]; // pages, with fields, unreadable, without a tree
        long[] last = {after};
        try {
            InterruptedException[] interrupted = {null};
            List<PageReads.StoredPage> chunk = new ArrayList<>();
            long[] chunkBytes = {0};
            store.storedPages(after, page -> {
                if (interrupted[0] != null) return;
                chunk.add(page);
                chunkBytes[0] += page.body().bytes().length;
                if (chunk.size() < CHUNK_PAGES && chunkBytes[0] < CHUNK_BYTES) return;
                inFlight.add(submit(pool, chunk));
                chunkBytes[0] = 0;
                try {
                    while (inFlight.size() >= 2 * threads) drain(inFlight.poll(), batch, totals, last, hash);
                } catch (InterruptedException e) {
                    interrupted[0] = e;
                }
            });
            if (interrupted[0] != null) throw interrupted[0];
            if (!chunk.isEmpty()) inFlight.add(submit(pool, chunk));
            while (!inFlight.isEmpty()) drain(inFlight.poll(), batch, totals, last, hash);
            if (!batch.isEmpty() || last[0] > after) commit(batch, hash, last[0]);
        } finally {
            pool.shutdownNow();
        }
        return new Result(totals[0], totals[1], totals[2], totals[3], after, Duration.ofNanos(System.nanoTime() - started),
                treeReasons == null ? Map.of() : treeReasons.sorted());
    }

    /** Hands the chunk's pages to the pool and empties it. */
    private Future<List<Done>> submit(ExecutorService pool, List<PageReads.StoredPage> chunk) {
        List<PageReads.StoredPage> pages = List.copyOf(chunk);
        chunk.clear();
        return pool.submit(() -> extract(pages));
    }

    private List<Done> extract(List<PageReads.StoredPage> pages) {
        List<Done> done = new ArrayList<>(pages.size());
        for (PageReads.StoredPage page : pages) done.add(extract(page));
        return done;
    }

    private void drain(Future<List<Done>> next, Map<Long, String> batch, long[] totals, long[] last, String hash)
            throws InterruptedException {
        List<Done> chunk;
        try {
            chunk = next.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("extraction failed on a stored page", e.getCause());
        }
        for (Done done : chunk) {
            totals[0]++;
            if (done.withoutTree()) totals[3]++;
            if (done.unreadable()) {
                totals[2]++;
            } else {
                if (done.fields() != null) totals[1]++;
                batch.put(done.id(), done.fields());
            }
            last[0] = done.id();
            if (batch.size() >= BATCH) commit(batch, hash, last[0]);
        }
    }

    /** Commits the batch's fields (null ones clear the page's: no rule applies to it now) with the progress. */
    private void commit(Map<Long, String> batch, String hash, long lastId) throws InterruptedException {
        store.saveFields(new LinkedHashMap<>(batch), PROGRESS_KEY, hash + " " + lastId);
        batch.clear();
    }

    private Done extract(PageReads.StoredPage page) {
        String url = page.finalUrl() != null ? page.finalUrl() : page.url();
        if (!rules.appliesTo(url)) return new Done(page.id(), null, false, false);
        try {
            byte[] received = page.body().received(maxBody);
            byte[] body = ContentDecoding.decode(page.body().header("Content-Encoding"), received, maxBody);
            String html = PageParser.text(body, body.length, page.body().header("Content-Type"));
            if (html == null || html.length() > PageLimits.MAX_DOM_CHARS) { // the crawl's bound on what it reads
                return new Done(page.id(), null, true, false);
            }
            ExtractedFields fields = rules.extractWithoutTree(html, url);
            if (fields != null) return new Done(page.id(), fields.toJson(), false, true);
            if (treeReasons != null) treeReasons.count(rules, html, url);
            // the text decoded once: jsoup's tree of it, without the crawl's ParsedPage that extraction does not use
            return new Done(page.id(), rules.extract(Jsoup.parse(html, url), url).toJson(), false, false);
        } catch (IOException e) {
            return new Done(page.id(), null, true, false);
        }
    }

    /** Where a run with rules of this hash goes on: after the last page done by a run with the same rules. */
    static long resumePoint(String progress, String hash) {
        if (progress == null) return 0;
        int space = progress.indexOf(' ');
        if (space < 0 || !progress.substring(0, space).equals(hash)) return 0;
        try {
            return Long.parseLong(progress.substring(space + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String hash(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
