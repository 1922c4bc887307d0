package dev.trawl.cli;

import dev.trawl.crawl.CrawlConfig;
import dev.trawl.crawl.Crawler;
import dev.trawl.frontier.HostBudget;
import dev.trawl.frontier.TrapRules;
import dev.trawl.fetch.FetchSettings;
import dev.trawl.fetch.ProxySpec;
import dev.trawl.render.ChromiumLocator;
import dev.trawl.render.RenderMode;
import dev.trawl.render.RenderSettings;
import dev.trawl.url.Scope;
import dev.trawl.url.UrlNormalizer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `trawl crawl SEED_URL... [options]`: options in, {@link Crawler} called, summary out. */
@Command(name = "crawl", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Crawl from the seed URLs into a database. Running it again on the same --db resumes.",
        footerHeading = "%nExamples:%n",
        footer = {"  trawl crawl https://example.com/ --max-pages 500 --db example.db",
                "  trawl crawl https://example.org/docs/ --scope domain --delay 250ms",
                "  trawl crawl https://example.com/ --sitemaps --max-pages-per-host 20000",
                "  trawl crawl https://example.com/ --db postgresql://me@db/crawl --time-limit 1h",
                "  trawl crawl https://shop.example/ --rules rules.yaml --store-bodies",
                "  trawl crawl https://example.com/ --db example.db --warc archive/"})
final class CrawlCommand implements Callable<Integer> {
    /** --recrawl-older-than's bound: a century back is still a date; 10^12 days is not. */
    private static final Duration MAX_RECRAWL_AGE = Duration.ofDays(36_500);
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SEED_URL", description = "absolute http(s) URLs to start from")
    List<String> seeds = new ArrayList<>();

    @Option(names = "--db", paramLabel = "TARGET", defaultValue = "trawl.db",
            description = "SQLite file, or postgresql://user[:password]@host[:port]/dbname (default: ${DEFAULT-VALUE})")
    String db;

    @Option(names = "--max-pages", paramLabel = "N", description = "stop after N pages fetched (default: unlimited)")
    Long maxPages;

    @Option(names = "--max-depth", paramLabel = "N", description = "do not follow links more than N hops from a seed (default: unlimited)")
    Integer maxDepth;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64", description = "requests in flight, all hosts together (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--per-host", paramLabel = "N", defaultValue = "4", description = "requests in flight to one host (default: ${DEFAULT-VALUE})")
    int perHost;

    @Option(names = "--delay", paramLabel = "DURATION", defaultValue = "0ms", converter = DurationConverter.class,
            description = "minimum gap between request starts to one host (default: ${DEFAULT-VALUE})")
    Duration delay;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "whole-request deadline, slow bodies included (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "2",
            description = "retries on timeouts, connection errors, 5xx and 429 (default: ${DEFAULT-VALUE})")
    int retries;

    @Option(names = "--scope", paramLabel = "host|domain|any", defaultValue = "host", completionCandidates = ScopeNames.class,
            description = "which links are followed: same host, same registrable domain, or any (default: ${DEFAULT-VALUE})")
    Scope scope;

    @Option(names = "--include", paramLabel = "REGEX", converter = PatternConverter.class, description = "follow only URLs matching (repeatable; default: all in scope)")
    List<Pattern> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "REGEX", converter = PatternConverter.class, description = "never follow URLs matching (repeatable; default: none)")
    List<Pattern> exclude = new ArrayList<>();

    @Option(names = "--ignore-robots", description = "neither fetch nor obey robots.txt (default: off, robots.txt is obeyed)")
    boolean ignoreRobots;

    @Option(names = "--user-agent", paramLabel = "STRING", defaultValue = CrawlConfig.DEFAULT_USER_AGENT,
            description = "User-Agent header; its product token is matched in robots.txt (default: ${DEFAULT-VALUE})")
    String userAgent;

    @Option(names = "--max-body", paramLabel = "SIZE", defaultValue = "10MB", converter = SizeConverter.class,
            description = "abandon bodies larger than this, recorded as too_large (default: ${DEFAULT-VALUE})")
    long maxBody;

    @Option(names = "--max-url-length", paramLabel = "N", defaultValue = "" + TrapRules.DEFAULT_MAX_URL_LENGTH,
            description = "do not follow links longer than N characters, recorded as url_too_long; 0: no limit (default: ${DEFAULT-VALUE})")
    int maxUrlLength;

    @Option(names = "--max-path-repeats", paramLabel = "N", defaultValue = "" + TrapRules.DEFAULT_MAX_PATH_REPEATS,
            description = "do not follow links in which one path segment occurs more than N times, recorded as repeating_path; 0: no limit (default: ${DEFAULT-VALUE})")
    int maxPathRepeats;

    @Option(names = "--max-pages-per-host", paramLabel = "N", defaultValue = "" + HostBudget.DEFAULT_LIMIT,
            description = "at most N URLs of one host enter the frontier, more are recorded as host_page_limit; 0: no limit (default: ${DEFAULT-VALUE})")
    long maxPagesPerHost;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "stop gracefully after this long; pending URLs stay pending (default: no limit)")
    Duration timeLimit;

    @Option(names = "--header", paramLabel = "'NAME: VALUE'",
            description = "add this header to every request (repeatable); trawl's own (Host, User-Agent, Accept-Encoding, Connection...) cannot be replaced (default: none)")
    List<String> headers = new ArrayList<>();

    @Option(names = "--proxy", paramLabel = "URL",
            description = "send every request through this proxy: http://[user:password@]host:port or socks5://...; credentials may also come from TRAWL_PROXY_USER and TRAWL_PROXY_PASSWORD (default: none, direct)")
    String proxy;

    @Option(names = "--allow-private", description = "let links and redirects reach loopback, private and link-local addresses (default: off, only the seeds' own hosts may be on them)")
    boolean allowPrivate;

    @Option(names = "--extract", paramLabel = "NAME=SELECTOR",
            description = "keep the first value of this CSS selector on every page as field NAME (NAME[]=: all values); Scrapy's ::text, ::attr(x), ::html (repeatable; default: none)")
    List<String> extract = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE",
            description = "extraction rules per URL pattern, JSON or YAML (default: none)")
    Path rules;

    @Option(names = "--store-bodies",
            description = "keep each page's response as received (head and body, compressed) in the database, for trawl extract and export --format warc (default: off)")
    boolean storeBodies;

    @Option(names = "--http2", description = "offer HTTP/2 to https:// sites (ALPN, Jetty's client; HTTP/1.1 where the server has no h2; not through --proxy) (default: off, HTTP/1.1 everywhere: it costs less CPU per page)")
    boolean http2;

    @Option(names = "--render", paramLabel = "never|auto|always", defaultValue = "never", completionCandidates = RenderNames.class,
            description = "load pages in headless Chromium and read title and links from the rendered DOM: auto only pages that look like an app shell, always every HTML page (default: ${DEFAULT-VALUE})")
    RenderMode render;

    @Option(names = "--chromium", paramLabel = "PATH",
            description = "the Chromium that --render uses (default: chromium, chromium-browser, google-chrome or google-chrome-stable on PATH)")
    Path chromium;

    @Option(names = "--render-concurrency", paramLabel = "N",
            description = "pages rendered at once, one browser tab each (default: the number of cores)")
    Integer renderConcurrency;

    @Mixin SessionOptions process;

    @Option(names = "--keep-status", description = "leave the live counters behind when the crawl ends, for trawl status to report the final counts (default: off)")
    boolean keepStatus;

    @Option(names = "--sitemaps", description = "also crawl the URLs the seeds' sites list in their sitemaps (robots.txt Sitemap: lines, /sitemap.xml; default: off)")
    boolean sitemaps;

    @Option(names = "--retry-failed", description = "fetch again the URLs stored with an error (timeout, connect, ...; not robots) or a 5xx status (default: off)")
    boolean retryFailed;

    @Option(names = "--warc", paramLabel = "DIR",
            description = "also write every HTTP exchange (robots.txt, redirects, errors included) as it went over the wire to WARC/1.1 files in DIR, created if missing; bodies the crawl would skip are then read too, up to --max-body (default: off)")
    java.nio.file.Path warc;

    @Option(names = "--warc-max-size", paramLabel = "SIZE", defaultValue = "1GB", converter = SizeConverter.class,
            description = "start a new WARC file before one would grow past SIZE (default: ${DEFAULT-VALUE})")
    long warcMaxSize;
    @Option(names = "--recrawl", description = "fetch again the pages stored with a response, sending their ETag and Last-Modified back (If-None-Match, If-Modified-Since): a 304 keeps the stored page; each page's change (new, changed, unchanged, gone) is stored, exported and counted (default: off)")
    boolean recrawl;

    @Option(names = "--recrawl-older-than", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "with --recrawl, only the pages fetched longer ago than this, e.g. 7d, 12h (at most 36500d; default: 0, all)")
    Duration recrawlOlderThan;

    @Override
    public Integer call() throws InterruptedException {
        CrawlConfig config = config();
        return process.session(db, keepStatus, spec).run(stats -> Crawler.start(config, stats));
    }

    private CrawlConfig config() {
        var normalizer = new UrlNormalizer();
        for (String seed : seeds) {
            if (normalizer.normalize(seed.strip()) == null) {
                throw new UsageException("SEED_URL: '" + seed + "' is not an absolute http(s) URL");
            }
        }
        requireAtLeast("--concurrency", concurrency, 1);
        requireAtLeast("--per-host", perHost, 1);
        requireAtLeast("--retries", retries, 0);
        if (maxPages != null) requireAtLeast("--max-pages", maxPages, 0);
        if (maxDepth != null) requireAtLeast("--max-depth", maxDepth, 0);
        requireAtLeast("--max-url-length", maxUrlLength, 0);
        requireAtLeast("--max-path-repeats", maxPathRepeats, 0);
        requireAtLeast("--max-pages-per-host", maxPagesPerHost, 0);
        if (timeout.isZero()) throw new UsageException("--timeout: must be more than 0");
        if (recrawlOlderThan != null && !recrawl) throw new UsageException("--recrawl-older-than: needs --recrawl");
        if (recrawl && maxPages != null) {
            throw new UsageException("--recrawl: not with --max-pages (the stored pages already count against it)");
        }
        if (recrawlOlderThan != null && recrawlOlderThan.compareTo(MAX_RECRAWL_AGE) > 0) {
            throw new UsageException("--recrawl-older-than: at most 36500d, got " + recrawlOlderThan.toDays() + "d");
        }
        if (userAgent.isBlank() || !userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new UsageException("--user-agent: expected printable ASCII text, got '" + userAgent.strip() + "'");
        }
        for (String header : headers) {
            try {
                FetchSettings.checkHeader(header);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--header: " + e.getMessage());
            }
        }
        ProxySpec proxySpec = null;
        if (proxy != null) {
            try {
                proxySpec = ProxySpec.parse(proxy, System.getenv());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--proxy: " + e.getMessage());
            }
        }
        if (warc != null && java.nio.file.Files.exists(warc) && !java.nio.file.Files.isDirectory(warc)) {
            throw new UsageException("--warc: '" + warc + "' exists and is not a directory");
        }
        return CrawlConfig.builder(seeds).db(db).headers(headers).proxy(proxySpec).allowPrivate(allowPrivate).http2(http2)
                .render(renderSettings())
                .warc(warc).warcMaxSize(warcMaxSize)
                .extraction(ExtractionOptions.rules(extract, rules)).storeBodies(storeBodies)
                .maxPages(maxPages == null ? CrawlConfig.UNLIMITED : maxPages)
                .maxDepth(maxDepth == null ? CrawlConfig.UNLIMITED : maxDepth)
                .concurrency(concurrency).perHost(perHost).delay(delay).timeout(timeout).retries(retries)
                .scope(scope).include(include).exclude(exclude).ignoreRobots(ignoreRobots).userAgent(userAgent)
                .maxBody(maxBody).timeLimit(timeLimit).maxUrlLength(maxUrlLength).maxPathRepeats(maxPathRepeats)
                .maxPagesPerHost(maxPagesPerHost).retryFailed(retryFailed).sitemaps(sitemaps)
                .recrawl(recrawl ? (recrawlOlderThan == null ? Duration.ZERO : recrawlOlderThan) : null).build();
    }

    /** --render's settings; the browser must be there before the crawl starts. */
    private RenderSettings renderSettings() {
        if (renderConcurrency != null) requireAtLeast("--render-concurrency", renderConcurrency, 1);
        if (render == RenderMode.NEVER) return RenderSettings.NEVER;
        Path browser = ChromiumLocator.find(chromium, System.getenv("PATH")).orElseThrow(() -> new UsageException(
                chromium != null ? "--chromium: '" + chromium + "' is not an executable file"
                        : "--render " + render.label() + ": no Chromium on PATH (looked for chromium, chromium-browser, "
                        + "google-chrome, google-chrome-stable); install one (Debian: apt-get install chromium) or give --chromium PATH"));
        return new RenderSettings(render, browser,
                renderConcurrency == null ? RenderSettings.defaultConcurrency() : renderConcurrency);
    }

    private static void requireAtLeast(String option, long value, long min) {
        if (value < min) throw new UsageException(option + ": expected an integer >= " + min + ", got " + value);
    }
}
