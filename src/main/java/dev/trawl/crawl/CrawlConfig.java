package dev.trawl.crawl;

import dev.trawl.extract.ExtractionRules;
import dev.trawl.frontier.HostBudget;
import dev.trawl.fetch.FetchSettings;
import dev.trawl.fetch.ProxySpec;
import dev.trawl.frontier.SeenSet;
import dev.trawl.frontier.TrapRules;
import dev.trawl.render.RenderSettings;
import dev.trawl.url.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything that shapes a crawl, immutable. Build one with {@link #builder}; the defaults are the
 * command line's. Limits that are "unlimited" hold {@link #UNLIMITED}.
 *
 * @param seeds       absolute http(s) URLs to start from
 * @param db          store target: a SQLite file path
 * @param maxPages    URLs to fetch in this crawl in all (pages already stored count), or UNLIMITED
 * @param maxDepth    links more than this many hops from a seed are not followed, or UNLIMITED
 * @param concurrency requests in flight, all hosts together
 * @param perHost     requests in flight to one host
 * @param delay       minimum gap between request starts to one host
 * @param timeout     whole-request deadline: connect, headers and body
 * @param retries     retries on timeout, connect/reset errors, 5xx, 408 and 429
 * @param retryBase   first backoff step; later ones double, with jitter
 * @param timeLimit   the crawl stops gracefully after this long; null for none
 * @param parseThreads threads of the CPU pool that parses HTML
 * @param robotsRetryBase the first wait before robots.txt is fetched again after it was unreachable (5xx, no
 *                    response); later waits double, see RobotsBackoff. One minute unless a test needs less
 * @param seenLimit   known URLs kept in memory to skip writing links the store already has; past it the store's
 *                    unique URL does all the dedup. Default: what fits in a quarter of the heap (~2.7 million
 *                    URLs with the 192 MB heap ./trawl gives)
 * @param maxUrlLength    links longer than this (characters, request form) are not followed (skip row
 *                        url_too_long); 0 for no limit
 * @param maxPathRepeats  links in which one path segment occurs more often than this are not followed (skip row
 *                        repeating_path); 0 for no limit
 * @param maxPagesPerHost at most this many URLs of one host enter the frontier, for the whole crawl (skip row
 *                        host_page_limit); 0 for no limit
 * @param retryFailed before crawling, make the URLs stored with an error or a 5xx pending again, to be fetched
 *                    once more (see {@link dev.trawl.store.FailedPages})
 * @param headers     extra request headers (--header), each "Name: value"
 * @param proxy       where every request goes (--proxy), or null
 * @param allowPrivate whether links and redirects may reach internal addresses (--allow-private); without it only
 *                    the seeds' own hosts may be on loopback, private or link-local addresses
 * @param extraction  the fields to extract from pages (--extract, --rules), stored per page as a JSON object;
 *                    {@link ExtractionRules#NONE} for none
 * @param storeBodies keep each read response as received (head and body, compressed) in the store (--store-bodies)
 * @param sitemaps    read the sitemaps of the seeds' sites (robots.txt's Sitemap: lines and /sitemap.xml) and add
 *                    the URLs they list to the frontier (--sitemaps); per process, like --concurrency: a worker
 *                    joining a shared crawl does not read them
 * @param http2       https:// offers HTTP/2 (--http2); else every request is HTTP/1.1
 * @param warc        directory to write every HTTP exchange into as WARC/1.1 files (--warc), or null for none
 * @param warcMaxSize a WARC file is rotated before it would grow past this many bytes (--warc-max-size)
 * @param render      which pages are loaded in headless Chromium, which one, how many at once (--render,
 *                    --chromium, --render-concurrency); each page's render deadline is --timeout
 * @param recrawl     null: not a recrawl; else, before crawling, make the URLs stored with a response that were
 *                    fetched longer ago than this (ZERO: all of them) pending again, and fetch them with their
 *                    validators (--recrawl, --recrawl-older-than; see {@link dev.trawl.store.Change})
 */
public record CrawlConfig(
        List<String> seeds,
        String db,
        long maxPages,
        int maxDepth,
        int concurrency,
        int perHost,
        Duration delay,
        Duration timeout,
        int retries,
        Duration retryBase,
        Scope scope,
        List<Pattern> include,
        List<Pattern> exclude,
        boolean ignoreRobots,
        String userAgent,
        long maxBody,
        Duration timeLimit,
        int parseThreads,
        int seenLimit,
        int maxUrlLength,
        int maxPathRepeats,
        long maxPagesPerHost,
        Duration robotsRetryBase,
        boolean retryFailed,
        List<String> headers,
        ProxySpec proxy,
        boolean allowPrivate,
        ExtractionRules extraction,
        boolean storeBodies,
        boolean sitemaps,
        boolean http2,
        java.nio.file.Path warc,
        long warcMaxSize,
        RenderSettings render,
        Duration recrawl) {

    public static final int UNLIMITED = Integer.MAX_VALUE;
    public static final long DEFAULT_WARC_MAX_SIZE = 1L << 30;
    public static final String VERSION = "0.1.0";
    public static final String DEFAULT_USER_AGENT = "trawl/" + VERSION + " (+https://github.com/trawl-crawler/trawl)";

    public CrawlConfig {
        seeds = List.copyOf(seeds);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        headers = List.copyOf(headers);
        headers.forEach(FetchSettings::checkHeader);
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(extraction, "extraction");
        Objects.requireNonNull(render, "render");
        requirePositive("concurrency", concurrency);
        requirePositive("perHost", perHost);
        requirePositive("parseThreads", parseThreads);
        requirePositive("seenLimit", seenLimit);
        requirePositive("maxBody", maxBody);
        requirePositive("warcMaxSize", warcMaxSize);
        if (maxUrlLength < 0 || maxPathRepeats < 0 || maxPagesPerHost < 0) {
            throw new IllegalArgumentException("maxUrlLength, maxPathRepeats and maxPagesPerHost must be >= 0, got "
                    + maxUrlLength + ", " + maxPathRepeats + ", " + maxPagesPerHost);
        }
        if (maxPages < 0 || maxDepth < 0 || retries < 0) {
            throw new IllegalArgumentException("maxPages, maxDepth and retries must be >= 0, got " + maxPages + ", " + maxDepth + ", " + retries);
        }
        Objects.requireNonNull(robotsRetryBase, "robotsRetryBase");
        if (robotsRetryBase.isNegative() || robotsRetryBase.isZero()) {
            throw new IllegalArgumentException("robotsRetryBase must be > 0, got " + robotsRetryBase);
        }
        if (recrawl != null && recrawl.isNegative()) throw new IllegalArgumentException("recrawl must be >= 0, got " + recrawl);
        if (delay.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("delay must be >= 0 and timeout > 0, got " + delay + ", " + timeout);
        }
    }

    /** The trap rules links must pass: --max-url-length and --max-path-repeats. */
    public TrapRules traps() {
        return new TrapRules(maxUrlLength, maxPathRepeats);
    }

    private static void requirePositive(String name, long value) {
        if (value < 1) throw new IllegalArgumentException(name + " must be >= 1, got " + value);
    }

    public static Builder builder(List<String> seeds) {
        return new Builder(seeds);
    }

    /** Fills a {@link CrawlConfig} with the command line's defaults. */
    public static final class Builder {
        private final List<String> seeds;
        private String db = "trawl.db";
        private long maxPages = UNLIMITED;
        private int maxDepth = UNLIMITED;
        private int concurrency = 64;
        private int perHost = 4;
        private Duration delay = Duration.ZERO;
        private Duration timeout = Duration.ofSeconds(30);
        private int retries = 2;
        private Duration retryBase = Duration.ofMillis(500);
        private Scope scope = Scope.HOST;
        private final List<Pattern> include = new ArrayList<>();
        private final List<Pattern> exclude = new ArrayList<>();
        private boolean ignoreRobots;
        private String userAgent = DEFAULT_USER_AGENT;
        private long maxBody = 10L * 1024 * 1024;
        private Duration timeLimit;
        private int parseThreads = Runtime.getRuntime().availableProcessors();
        private int seenLimit = SeenSet.limitForBytes(Runtime.getRuntime().maxMemory() / 4);
        private int maxUrlLength = TrapRules.DEFAULT_MAX_URL_LENGTH;
        private int maxPathRepeats = TrapRules.DEFAULT_MAX_PATH_REPEATS;
        private long maxPagesPerHost = HostBudget.DEFAULT_LIMIT;
        private Duration robotsRetryBase = RobotsBackoff.DEFAULT.base();
        private boolean retryFailed;
        private final List<String> headers = new ArrayList<>();
        private ProxySpec proxy;
        private boolean allowPrivate;
        private ExtractionRules extraction = ExtractionRules.NONE;
        private boolean storeBodies;
        private boolean sitemaps;
        private boolean http2;
        private java.nio.file.Path warc;
        private long warcMaxSize = DEFAULT_WARC_MAX_SIZE;
        private RenderSettings render = RenderSettings.NEVER;
        private Duration recrawl;

        private Builder(List<String> seeds) {
            this.seeds = List.copyOf(seeds);
        }

        public Builder db(String v) { db = v; return this; }
        public Builder maxPages(long v) { maxPages = v; return this; }
        public Builder maxDepth(int v) { maxDepth = v; return this; }
        public Builder concurrency(int v) { concurrency = v; return this; }
        public Builder perHost(int v) { perHost = v; return this; }
        public Builder delay(Duration v) { delay = v; return this; }
        public Builder timeout(Duration v) { timeout = v; return this; }
        public Builder retries(int v) { retries = v; return this; }
        public Builder retryBase(Duration v) { retryBase = v; return this; }
        public Builder scope(Scope v) { scope = v; return this; }
        public Builder include(List<Pattern> v) { include.addAll(v); return this; }
        public Builder exclude(List<Pattern> v) { exclude.addAll(v); return this; }
        public Builder ignoreRobots(boolean v) { ignoreRobots = v; return this; }
        public Builder userAgent(String v) { userAgent = v; return this; }
        public Builder maxBody(long v) { maxBody = v; return this; }
        public Builder timeLimit(Duration v) { timeLimit = v; return this; }
        public Builder parseThreads(int v) { parseThreads = v; return this; }
        public Builder seenLimit(int v) { seenLimit = v; return this; }
        public Builder maxUrlLength(int v) { maxUrlLength = v; return this; }
        public Builder maxPathRepeats(int v) { maxPathRepeats = v; return this; }
        public Builder maxPagesPerHost(long v) { maxPagesPerHost = v; return this; }
        public Builder robotsRetryBase(Duration v) { robotsRetryBase = v; return this; }
        public Builder retryFailed(boolean v) { retryFailed = v; return this; }
        public Builder headers(List<String> v) { headers.addAll(v); return this; }
        public Builder proxy(ProxySpec v) { proxy = v; return this; }
        public Builder allowPrivate(boolean v) { allowPrivate = v; return this; }
        public Builder extraction(ExtractionRules v) { extraction = v; return this; }
        public Builder storeBodies(boolean v) { storeBodies = v; return this; }
        public Builder sitemaps(boolean v) { sitemaps = v; return this; }
        public Builder http2(boolean v) { http2 = v; return this; }
        /** Also write every HTTP exchange to WARC/1.1 files in this directory (created if missing); null: none. */
        public Builder warc(java.nio.file.Path v) { warc = v; return this; }
        public Builder warcMaxSize(long v) { warcMaxSize = v; return this; }
        public Builder render(RenderSettings v) { render = v; return this; }
        public Builder recrawl(Duration olderThan) { recrawl = olderThan; return this; }

        public CrawlConfig build() {
            return new CrawlConfig(seeds, db, maxPages, maxDepth, concurrency, perHost, delay, timeout, retries,
                    retryBase, scope, include, exclude, ignoreRobots, userAgent, maxBody, timeLimit, parseThreads, seenLimit,
                    maxUrlLength, maxPathRepeats, maxPagesPerHost,
                    robotsRetryBase,
                    retryFailed,
                    headers, proxy, allowPrivate, extraction, storeBodies, sitemaps, http2, warc, warcMaxSize, render, recrawl);
        }
    }
}
