package dev.trawl.crawl;

import dev.trawl.extract.ExtractedFields;
import dev.trawl.extract.ExtractionRules;
import dev.trawl.fetch.HttpAnswer;
import dev.trawl.frontier.SkipReason;
import dev.trawl.frontier.TrapRules;
import dev.trawl.fetch.FetchError;
import dev.trawl.memory.MemoryBudget;
import dev.trawl.parse.PageLimits;
import dev.trawl.parse.PageParser;
import dev.trawl.parse.ParsedPage;
import dev.trawl.url.ScopeRule;
import dev.trawl.url.UrlFilters;
import dev.trawl.url.UrlNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import org.jsoup.nodes.Document;
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
    private final PageHandler handler;
    private final UrlNormalizer normalizer;

    PageAnalyzer(int threads, PageParser parser, ScopeRule scope, UrlFilters filters, int maxDepth, TrapRules traps,
                 ExtractionRules extraction, PageHandler handler, UrlNormalizer normalizer) {
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
        this.handler = handler;
        this.normalizer = normalizer;
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
    PageAnalysis analyze(HttpAnswer.Response response, String pageUrl, int depth) throws InterruptedException {
        byte[] body = response.body();
        MemoryBudget.Claim claim = MemoryBudget.current();
        long text = 2L * body.length;
        try {
            claim.reserve(text);
        } catch (MemoryBudget.OverBudgetException e) {
            return PageAnalysis.refused(e.pageShare() ? FetchError.TOO_LARGE.code() : FetchError.TIMEOUT.code());
        }
        Future<PageAnalysis> job = cpuPool.submit(
                () -> ScopedValue.where(MemoryBudget.CURRENT, claim).call(() -> analyzeNow(response, pageUrl, depth)));
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

    /**
     * The crawl's parse, and jsoup's tree only for pages that need it: a rule applies, or the library's handler asks
     * for it. The rules' fields come first; the handler's add to them.
     */
    private PageAnalysis analyzeNow(HttpAnswer.Response response, String pageUrl, int depth) {
        byte[] body = response.body();
        boolean rules = extraction.appliesTo(pageUrl);
        boolean handled = handler != PageHandler.NONE;
        Read read;
        if (rules || handled && handler.wantsDocument(pageUrl)) {
            // the rules and the handler read the tree while it is charged to the page's memory claim
            var parsed = parser.parseDocument(body, body.length, response.contentType(), pageUrl,
                    (page, doc) -> read(response, pageUrl, page, doc, rules && doc != null, handled));
            read = parsed.read();
        } else {
            read = read(response, pageUrl, parser.parse(body, body.length, response.contentType(), pageUrl), null,
                    false, handled);
        }
        ParsedPage page = read.page();
        String fields = fieldsJson(read.extracted(), read.handled().fields());
        var links = new LinkedHashSet<>(page.outlinks());
        for (String href : read.handled().links()) {
            if (links.size() >= PageLimits.MAX_LINKS) break; // the page's own bound: a handler reads outsider input
            String link = normalizer.resolve(pageUrl, href);
            if (link != null) links.add(link);
        }
        if (depth >= maxDepth) return new PageAnalysis(page, List.of(), List.of(), fields, null, false);
        List<String> followable = new ArrayList<>();
        List<PageAnalysis.Trapped> trapped = new ArrayList<>();
        for (String link : links) {
            if (!scope.isInScope(link) || !filters.accepts(link)) continue;
            SkipReason trap = traps.check(link);
            if (trap == null) followable.add(link);
            else trapped.add(new PageAnalysis.Trapped(link, trap));
        }
        return new PageAnalysis(page, followable, trapped, fields, null, false);
    }

    /** What was read from a page: its parse, its rules' fields (null: none applied) and the handler's result. */
    private record Read(ParsedPage page, ExtractedFields extracted, PageHandler.Result handled) {}

    private Read read(HttpAnswer.Response response, String pageUrl, ParsedPage page, Document doc, boolean rules,
                      boolean handled) {
        ExtractedFields extracted = rules ? extraction.extract(doc, pageUrl) : null;
        PageHandler.Result result = handled ? handler.handle(new PageHandler.Page(pageUrl, response.status(),
                response.headers(), response.body(), page, doc)) : PageHandler.Result.NOTHING;
        return new Read(page, extracted, result);
    }

    /** The rules' fields with the handler's added (a name both give keeps the rule's); null when neither gave any. */
    private static String fieldsJson(ExtractedFields extracted, Map<String, Object> handlerFields) {
        if (handlerFields.isEmpty()) return extracted == null ? null : extracted.toJson();
        ExtractedFields base = extracted == null ? ExtractedFields.NONE : extracted;
        Map<String, Object> values = new LinkedHashMap<>(base.values());
        handlerFields.forEach(values::putIfAbsent);
        return new ExtractedFields(values, base.truncated()).toJson();
    }

    @Override
    public void close() {
        cpuPool.shutdownNow();
    }
}
