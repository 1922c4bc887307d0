package dev.trawl.crawl;

import dev.trawl.extract.ExtractionRules;
import dev.trawl.frontier.SkipReason;
import dev.trawl.frontier.TrapRules;
import dev.trawl.fetch.FetchError;
import dev.trawl.memory.MemoryBudget;
import dev.trawl.parse.PageParser;
import dev.trawl.parse.ParsedPage;
import dev.trawl.url.ScopeRule;
import dev.trawl.url.UrlFilters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parses HTML and picks the links to follow, on a pool of platform threads sized to the cores, so that
 * CPU-bound parsing never runs on (or starves) the virtual threads that do I/O.
 */
final class PageAnalyzer implements AutoCloseable {
    private final ExecutorService cpuPool;
    private final PageParser parser;
    private final ScopeRule scope;
    private final UrlFilters filters;
    private final int maxDepth;
    private final TrapRules traps;
    private final ExtractionRules extraction;

    PageAnalyzer(int threads, PageParser parser, ScopeRule scope, UrlFilters filters, int maxDepth, TrapRules traps,
                 ExtractionRules extraction) {
        var count = new AtomicInteger();
        this.cpuPool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "trawl-parse-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.parser = parser;
        this.scope = scope;
        this.filters = filters;
        this.maxDepth = maxDepth;
        this.traps = traps;
        this.extraction = extraction;
    }

    static boolean isHtml(String contentType) {
        if (contentType == null) return true; // no header: browsers sniff, and most such pages are HTML
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || type.startsWith("application/xhtml+xml");
    }

    /**
     * Parses on the CPU pool; the calling virtual thread waits without holding a request slot. The memory the parse
     * needs is reserved from the page's claim first, here, so that a wait for it never holds a parse thread: the
     * decoded text, two bytes a character at worst (the scan's own strings are small: links are capped). The parse
     * output stays charged until the page's record is handed to the store; the body itself is charged already.
     */
    PageAnalysis analyze(byte[] body, String contentType, String pageUrl, int depth) throws InterruptedException {
        MemoryBudget.Claim claim = MemoryBudget.current();
        long text = 2L * body.length;
        try {
            claim.reserve(text);
        } catch (MemoryBudget.OverBudgetException e) {
            return PageAnalysis.refused(e.pageShare() ? FetchError.TOO_LARGE.code() : FetchError.TIMEOUT.code());
        }
        Future<PageAnalysis> job = cpuPool.submit(
                () -> ScopedValue.where(MemoryBudget.CURRENT, claim).call(() -> analyzeNow(body, contentType, pageUrl, depth)));
        try {
            PageAnalysis analysis = job.get();
            long fields = analysis.fields() == null ? 0 : 2L * analysis.fields().length();
            claim.adopt(analysis.page().estimatedBytes() + 8L * analysis.followable().size() + fields);
            return analysis;
        } catch (ExecutionException e) {
            throw new IllegalStateException("parser failed on " + pageUrl, e.getCause());
        } catch (InterruptedException e) {
            job.cancel(true);
            throw e;
        } finally {
            claim.release(text);
        }
    }

    private PageAnalysis analyzeNow(byte[] body, String contentType, String pageUrl, int depth) {
        ParsedPage page;
        String fields = null;
        if (extraction.appliesTo(pageUrl)) { // only such pages need jsoup's tree: the rules' selectors read it
            var parsed = parser.parseDocument(body, body.length, contentType, pageUrl,
                    doc -> doc == null ? null : extraction.extract(doc, pageUrl).toJson());
            page = parsed.page();
            fields = parsed.read();
        } else {
            page = parser.parse(body, body.length, contentType, pageUrl);
        }
        if (depth >= maxDepth) return new PageAnalysis(page, List.of(), List.of(), fields, null);
        List<String> followable = new ArrayList<>();
        List<PageAnalysis.Trapped> trapped = new ArrayList<>();
        for (String link : page.outlinks()) {
            if (!scope.isInScope(link) || !filters.accepts(link)) continue;
            SkipReason trap = traps.check(link);
            if (trap == null) followable.add(link);
            else trapped.add(new PageAnalysis.Trapped(link, trap));
        }
        return new PageAnalysis(page, followable, trapped, fields, null);
    }

    @Override
    public void close() {
        cpuPool.shutdownNow();
    }
}
