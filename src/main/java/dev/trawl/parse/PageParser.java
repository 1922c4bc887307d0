package dev.trawl.parse;

import dev.trawl.memory.MemoryBudget;
import dev.trawl.url.UrlNormalizer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

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
    private final ParseListener listener;

    public PageParser(UrlNormalizer normalizer) {
        this(normalizer, ParseListener.NONE);
    }

    /** listener hears, per page, whether the tag scanner read it or why jsoup did. */
    public PageParser(UrlNormalizer normalizer, ParseListener listener) {
        this(Objects.requireNonNull(normalizer, "normalizer")::resolve, true, listener);
    }

    PageParser(LinkResolver resolver) {
        this(resolver, true, ParseListener.NONE);
    }

    /** scanner false: every page through jsoup's DOM, the reference the tests hold the tag scanner to. */
    PageParser(LinkResolver resolver, boolean scanner, ParseListener listener) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.scanner = scanner;
        this.listener = Objects.requireNonNull(listener, "listener");
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
            int from = sniffed.bomLength();
            java.nio.charset.Charset decoder = sniffed.encoding().charset();
            if (scanner && decoder.equals(StandardCharsets.UTF_8)) {
                Utf8View view = new Utf8View(bytes, from);
                return extract(scanUtf8(view, len - from, listener), pageUrl, charset, () -> view.text(0, len - from));
            }
            String html = new String(bytes, from, len - from, decoder);
            return parseText(html, pageUrl, charset);
        } catch (RuntimeException e) {
            // jsoup is not known to throw on any input, but a failed page must stay a row, not abort the crawl
            return new ParsedPage(null, List.of(), null, null, null, charset, 0);
        }
    }

    /** A page, and what a reader of its jsoup DOM made of it (null without a reader). */
    public record WithDocument<T>(ParsedPage page, T read) {}

    /**
     * As {@link #parse}, and when reader is not null, through jsoup's DOM (with pageUrl as its base URI), which
     * reader is given with the page: extraction rules and the library's handler read it. The DOM is counted in the
     * page's memory claim while reader runs, so reader must not keep it. A page of more than
     * {@link PageLimits#MAX_DOM_CHARS} characters gets no DOM: it is read as parse() reads it and reader is given null.
     * Never throws on bad input; reader's own exceptions pass through.
     */
    public <T> WithDocument<T> parseDocument(byte[] body, int length, String contentType, String pageUrl,
                                             BiFunction<ParsedPage, Document, T> reader) {
        if (reader == null) return new WithDocument<>(parse(body, length, contentType, pageUrl), null);
        Decoded decoded = decode(body, length, contentType);
        String charset = decoded.charset();
        String html = decoded.html();
        if (html == null) {
            return new WithDocument<>(new ParsedPage(null, List.of(), null, null, null, charset, 0), null);
        }
        if (html.length() > PageLimits.MAX_DOM_CHARS) {
            ParsedPage page = parseText(html, pageUrl, charset);
            return new WithDocument<>(page, reader.apply(page, null));
        }
        MemoryBudget.Claim claim = MemoryBudget.current();
        long dom = DOM_BYTES_PER_CHAR * html.length();
        claim.adopt(dom);
        try {
            Document doc = Jsoup.parse(html, pageUrl);
            ParsedPage page;
            try {
                page = extract(DocumentScan.of(doc), pageUrl, charset, () -> html);
            } catch (RuntimeException e) {
                page = new ParsedPage(null, List.of(), null, null, null, charset, 0);
            }
            return new WithDocument<>(page, reader.apply(page, doc));
        } finally {
            claim.release(dom);
        }
    }

    /**
     * The page's text as {@link #parseDocument} decodes it for jsoup (BOM, Content-Type charset, meta prescan,
     * windows-1252), or null when it cannot be decoded. For readers that need no {@link ParsedPage}.
     */
    public static String text(byte[] body, int length, String contentType) {
        return decode(body, length, contentType).html();
    }

    /** A page's text (null when its bytes cannot be decoded) and the WHATWG name of the encoding it was decoded with. */
    private record Decoded(String charset, String html) {}

    private static Decoded decode(byte[] body, int length, String contentType) {
        byte[] bytes = body == null ? new byte[0] : body;
        int len = Math.clamp(length, 0, bytes.length);
        CharsetSniffer.Sniffed sniffed = CharsetSniffer.sniff(bytes, len, contentType);
        String charset = sniffed.encoding().name();
        try {
            return new Decoded(charset, new String(bytes, sniffed.bomLength(), len - sniffed.bomLength(),
                    sniffed.encoding().charset()));
        } catch (RuntimeException e) {
            return new Decoded(charset, null);
        }
    }

    private ParsedPage parseText(String html, String pageUrl, String charset) {
        try {
            return extract(scanner ? scan(html, listener) : jsoup(html), pageUrl, charset, () -> html);
        } catch (RuntimeException e) {
            // jsoup is not known to throw on any input, but a failed page must stay a row, not abort the crawl
            return new ParsedPage(null, List.of(), null, null, null, charset, 0);
        }
    }

    /** The page's values: from the tag scanner when it can read the page, else from jsoup; told to listener. */
    static DocumentScan scan(String html, ParseListener listener) {
        return scanOrJsoup(() -> TagScanner.read(html), () -> html, listener);
    }

    /**
     * As {@link #scan(String, ParseListener)} for a UTF-8 page, which the scanner reads from its bytes (Utf8View):
     * the page is decoded whole only when it goes to jsoup.
     */
    static DocumentScan scanUtf8(Utf8View view, int length, ParseListener listener) {
        return scanOrJsoup(() -> TagScanner.read(view, length), () -> view.text(0, length), listener);
    }

    private static DocumentScan scanOrJsoup(Supplier<DocumentScan> scanner, Supplier<String> html,
                                            ParseListener listener) {
        JsoupFallback reason;
        try {
            DocumentScan scan = scanner.get();
            listener.scanned();
            return scan;
        } catch (TagScanner.Bailout e) {
            reason = e.reason;
        } catch (RuntimeException e) {
            // a scanner bug must not cost the page: jsoup reads it (the tests call the scanner directly)
            reason = JsoupFallback.SCANNER_ERROR;
        }
        listener.fellBack(reason);
        return jsoup(html.get());
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

    /**
     * Resolves the links, keeping them within {@link PageLimits}: what is dropped is counted as cut. html: the page's
     * text, asked for only by the app-shell rule, and only for the few pages it may be true of.
     */
    private ParsedPage extract(DocumentScan scan, String pageUrl, String charset, Supplier<String> html) {
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
