package dev.trawl.parse;

import dev.trawl.memory.MemoryBudget;
import dev.trawl.url.UrlNormalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Turns the bytes of an HTML page into a {@link ParsedPage}. Thread-safe (it holds no per-page state); CPU-bound.
 *
 * <p>The charset is decided here, not by jsoup: BOM, then the Content-Type charset, then the WHATWG meta prescan,
 * then windows-1252 (see {@link CharsetSniffer}). {@link ParsedPage#charset()} is the WHATWG encoding name, e.g.
 * "windows-1252" for a page labelled ISO-8859-1, as browsers decode it.
 *
 * <p>jsoup is the parser of record, but a full DOM parse per page is the crawl's largest CPU cost. So a page is first
 * read by {@link TagScanner}, which reads its tags without building a tree and gives the same values as jsoup's DOM
 * would; only pages with a construct the scanner leaves to the tree builder (svg, template, content that a table
 * would move, ...) are parsed by jsoup.
 */
public final class PageParser {
    /** jsoup's DOM of dense markup, measured: 116 MB for 9.75 MB of {@code <a href=...>} tags. */
    private static final long DOM_BYTES_PER_CHAR = 12;
    private final LinkResolver resolver;
    private final boolean scanner;

    public PageParser(UrlNormalizer normalizer) {
        this(Objects.requireNonNull(normalizer, "normalizer")::resolve);
    }

    PageParser(LinkResolver resolver) {
        this(resolver, true);
    }

    /** scanner false: every page through jsoup's DOM, the reference the tests hold the tag scanner to. */
    PageParser(LinkResolver resolver, boolean scanner) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.scanner = scanner;
    }

    /**
     * Parses body[0, length). contentType is the Content-Type header or null; pageUrl is the URL the body
     * was served from (after redirects), the base for relative links unless the page has a base href.
     * Never throws on bad input: broken HTML or an unknown charset label still give a page.
     */
    public ParsedPage parse(byte[] body, int length, String contentType, String pageUrl) {
        byte[] bytes = body == null ? new byte[0] : body;
        int len = Math.clamp(length, 0, bytes.length);
        CharsetSniffer.Sniffed sniffed = CharsetSniffer.sniff(bytes, len, contentType);
        String charset = sniffed.encoding().name();
        try {
            String html = new String(bytes, sniffed.bomLength(), len - sniffed.bomLength(), sniffed.encoding().charset());
            return extract(scanner ? scan(html) : jsoup(html), pageUrl, charset, html);
        } catch (RuntimeException e) {
            // jsoup is not known to throw on any input, but a failed page must stay a row, not abort the crawl
            return new ParsedPage(null, List.of(), null, null, null, charset, 0);
        }
    }

    /** The page's values: from the tag scanner when it can read the page, else from jsoup. */
    static DocumentScan scan(String html) {
        DocumentScan scan;
        try {
            scan = TagScanner.scan(html);
        } catch (RuntimeException e) {
            scan = null; // a scanner bug must not cost the page: jsoup reads it (the tests call the scanner directly)
        }
        return scan != null ? scan : jsoup(html);
    }

    /**
     * jsoup's reading: its whole DOM, counted in the page's memory claim while it exists; a page too large for that
     * ({@link PageLimits#MAX_DOM_CHARS}) through its StreamParser, in the memory of its open elements.
     */
    static DocumentScan jsoup(String html) {
        if (html.length() > PageLimits.MAX_DOM_CHARS) {
            return DocumentScan.ofStream(html);
        }
        MemoryBudget.Claim claim = MemoryBudget.current();
        long dom = DOM_BYTES_PER_CHAR * html.length();
        claim.adopt(dom);
        try {
            return DocumentScan.of(Jsoup.parse(html, ""));
        } finally {
            claim.release(dom);
        }
    }

    /** Resolves the links, keeping them within {@link PageLimits}: what is dropped is counted as cut. */
    private ParsedPage extract(DocumentScan scan, String pageUrl, String charset, String html) {
        String base = baseUrl(scan.baseHref, pageUrl);
        Set<String> links = new LinkedHashSet<>();
        int cut = scan.hrefsCut;
        long chars = 0;
        for (String href : scan.linkHrefs) {
            String url = resolve(base, href);
            if (url == null || links.contains(url)) {
                continue;
            }
            if (url.length() > PageLimits.MAX_URL_CHARS || chars + url.length() > PageLimits.MAX_LINK_CHARS) {
                cut++;
            } else {
                links.add(url);
                chars += url.length();
            }
        }
        String canonical = scan.canonicalHref == null ? null : resolve(base, scan.canonicalHref);
        if (canonical != null && canonical.length() > PageLimits.MAX_URL_CHARS) {
            canonical = null;
        }
        String language = scan.language == null || scan.language.isEmpty() ? null : scan.language;
        return new ParsedPage(scan.title, List.copyOf(links), scan.description, canonical, language, charset, cut,
                AppShell.looksLikeOne(scan, links.size(), html));
    }

    /** The base href resolved against the page URL; the page URL when there is none or it does not resolve. */
    private String baseUrl(String baseHref, String pageUrl) {
        String base = baseHref == null ? null : resolve(pageUrl, baseHref);
        return base != null ? base : pageUrl;
    }

    private String resolve(String base, String href) {
        try {
            return resolver.resolve(base, href);
        } catch (RuntimeException e) {
            return null; // the normalizer's contract is null for junk; one odd href must not cost the page
        }
    }
}
