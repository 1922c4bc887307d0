package dev.trawl.parse;

/**
 * What one page may put into the crawl, whatever its size: the bounds that keep a hostile page from costing more
 * memory than its body (README, "Memory"). Links past the bounds are cut, and how many is recorded with the page
 * ({@link ParsedPage#linksCut()}); text fields past theirs are truncated.
 */
public final class PageLimits {
    /**
     * Links kept per page: the first 10,000 distinct ones in document order. Nutch keeps 100 by default
     * (db.max.outlinks.per.page); a crawler of whole sites needs more, and 10,000 URLs are ~1 MB.
     */
    public static final int MAX_LINKS = 10_000;
    /** A link longer than this (in characters, resolved) is dropped and counted as cut; most software stops near 8 K. */
    public static final int MAX_URL_CHARS = 8_192;
    /** All of a page's kept links together, in characters: 10,000 links of 200 characters. */
    public static final long MAX_LINK_CHARS = 2_000_000;
    /** Stored title, in characters (whitespace collapsed first). */
    public static final int MAX_TITLE_CHARS = 1_024;
    /** Stored meta description, in characters. */
    public static final int MAX_DESCRIPTION_CHARS = 4_096;
    /** Stored html lang value, in characters (a BCP 47 tag is far shorter). */
    public static final int MAX_LANGUAGE_CHARS = 64;
    /**
     * Pages that need jsoup's tree builder are parsed into a whole DOM up to this many characters (~12 bytes of DOM
     * per character of dense markup: 12 MB); larger ones are read by jsoup's StreamParser, dropping each element once
     * it is read, so memory stays at the open elements.
     */
    public static final int MAX_DOM_CHARS = 1 << 20;

    private PageLimits() {}

    /** s cut to at most max characters, never between the two halves of a surrogate pair; null stays null. */
    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) return s;
        int end = Character.isLowSurrogate(s.charAt(max)) && Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
