package dev.trawl.crawl;

import dev.trawl.fetch.Header;
import dev.trawl.parse.ParsedPage;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;

/**
 * The library's hook into every fetched page, the programmatic twin of {@code --extract}: what crawler4j's
 * {@code visit} and Scrapy's {@code parse} are. {@link Crawler#start(CrawlConfig, PageHandler)} calls it on the parse
 * pool (many threads at once: it must be thread-safe) for each response whose body was read (2xx HTML); what it
 * returns is stored with the page and followed.
 *
 * <pre>{@code
 * PageHandler prices = page -> {
 *     Element price = page.document().selectFirst(".price");
 *     return new PageHandler.Result(Map.of("price", price == null ? "" : price.text()),
 *             page.document().select("a.next").eachAttr("href"));
 * };
 * }</pre>
 */
@FunctionalInterface
public interface PageHandler {
    /**
     * What to keep of a page and where to go from it. An exception thrown here is recorded as the page's error
     * {@code internal}; the crawl goes on.
     */
    Result handle(Page page);

    /**
     * Whether {@link Page#document()} should be built for the page served from this URL: jsoup's tree costs several
     * times the crawl's own parse, so only pages that ask get one. Default: every page.
     */
    default boolean wantsDocument(String url) {
        return true;
    }

    /**
     * A fetched page.
     *
     * @param url      the URL the body was served from (after redirects)
     * @param status   its HTTP status
     * @param headers  every response header, in order, control characters cleaned
     * @param body     the body, decoded from its Content-Encoding (not from its charset)
     * @param parsed   what trawl's parser found (title, links, charset, ...)
     * @param document jsoup's tree of the page, with url as its base URI; null when {@link #wantsDocument} said no,
     *                 or for a page of more than a million characters
     */
    record Page(String url, int status, List<Header> headers, byte[] body, ParsedPage parsed, Document document) {}

    /**
     * What the handler keeps and follows.
     *
     * @param fields stored with the page in its {@code fields} JSON: values are strings, lists of strings or null;
     *               names as --extract's (a letter, then letters, digits, '_' or '-'). A field an extraction rule
     *               also gives keeps the rule's value
     * @param links  URLs to follow, absolute or relative to the page, like the page's own links: scope, filters,
     *               --max-depth and the trap rules apply; with the page's own links, at most
     *               {@link dev.trawl.parse.PageLimits#MAX_LINKS} a page are kept
     */
    record Result(Map<String, Object> fields, List<String> links) {
        public static final Result NOTHING = new Result(Map.of(), List.of());

        public Result {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
            links = List.copyOf(links);
        }
    }

    /** No handler: the crawl's own parse only. */
    PageHandler NONE = new PageHandler() {
        @Override
        public Result handle(Page page) {
            return Result.NOTHING;
        }

        @Override
        public boolean wantsDocument(String url) {
            return false;
        }
    };
}
