package dev.trawl.parse;

/**
 * Why a page was read by jsoup's tree builder instead of the {@link TagScanner}: the construct at which the scanner
 * stopped, or {@link #SCANNER_ERROR}. Each one is counted per crawl ({@link ParseListener}).
 */
public enum JsoupFallback {
    /** NUL characters are replaced or dropped differently in each tokeniser state. */
    NUL,
    /** jsoup's reader reports U+FFFF as the end of input wherever it appears. */
    U_FFFF,
    /**
     * svg or math content the scanner does not follow: a table or noscript around it, an HTML integration point with
     * markup in it, CDATA, a text element, an end tag that reaches the HTML elements below it.
     */
    FOREIGN_CONTENT,
    /** template contents and the template insertion modes. */
    TEMPLATE,
    /** a frameset can replace the whole body. */
    FRAMESET,
    /** "&lt;!--" in a script enters the script-data escape states, where "&lt;/script&gt;" may not end it. */
    SCRIPT_ESCAPE,
    /** an element in a table outside a cell or caption, which the tree builder moves in front of the table. */
    FOSTER_PARENTING,
    /** an end tag of the other cell kind (&lt;/th&gt; in a td), which leaves jsoup in an odd state. */
    MISMATCHED_CELL,
    /** tables nested beyond {@link TableModel}'s limit. */
    DEEP_TABLES,
    /**
     * a table or foreign content open where jsoup's stack of open elements may reach its 512 limit, at which jsoup
     * closes elements on its own (see {@link StackBound}).
     */
    DEEP_NESTING,
    /** a tag inside a noscript island that would act differently outside it. */
    NOSCRIPT_ISLAND,
    /** a tag with 512 or more attributes, jsoup's limit, or too many attributes on html tags together. */
    ATTRIBUTE_LIMIT,
    /** the scanner threw (a bug in it): the page is read by jsoup rather than lost. */
    SCANNER_ERROR;

    /** The name in counters and reports: lower case, e.g. "foreign_content". */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
