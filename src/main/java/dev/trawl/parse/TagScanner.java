package dev.trawl.parse;

import static dev.trawl.parse.TagKind.A;
import static dev.trawl.parse.TagKind.AREA;
import static dev.trawl.parse.TagKind.BASE;
import static dev.trawl.parse.TagKind.FRAME;
import static dev.trawl.parse.TagKind.FRAMESET;
import static dev.trawl.parse.TagKind.HTML;
import static dev.trawl.parse.TagKind.IFRAME;
import static dev.trawl.parse.TagKind.LINK;
import static dev.trawl.parse.TagKind.MATH;
import static dev.trawl.parse.TagKind.META;
import static dev.trawl.parse.TagKind.NOSCRIPT;
import static dev.trawl.parse.TagKind.P;
import static dev.trawl.parse.TagKind.BR;
import static dev.trawl.parse.TagKind.PLAINTEXT;
import static dev.trawl.parse.TagKind.SCRIPT;
import static dev.trawl.parse.TagKind.SVG;
import static dev.trawl.parse.TagKind.TEMPLATE;
import static dev.trawl.parse.TagKind.TITLE;

import org.jsoup.parser.Parser;

/**
 * Reads a decoded page once, tag by tag, and fills a {@link DocumentScan} with exactly what
 * {@link DocumentScan#of(org.jsoup.nodes.Document) DocumentScan.of(Jsoup.parse(html, ""))} would give, without
 * building a DOM. jsoup stays the parser of record: when the page holds a construct after which the tree builder
 * could put elements in another order or read markup differently than a token-level reading does, the scan stops
 * with a {@link JsoupFallback} reason and the caller parses the page with jsoup instead.
 *
 * <p>What is followed, from jsoup's own tokeniser (1.24.1, which is mostly the WHATWG one):
 * <ul>
 *   <li>text is skipped with indexOf('&lt;'); a '&lt;' not followed by a letter, '/', '!' or '?' is text;</li>
 *   <li>start and end tags with their attributes: names end at whitespace, '/', '=' or '&gt;'; values are
 *       double-quoted, single-quoted or unquoted; the first of duplicate names wins; names compare
 *       ASCII-case-insensitively; a tag cut by the end of input is dropped;</li>
 *   <li>comments ({@code <!-->} and {@code <!--->} end at once; else at "--&gt;" or "--!&gt;"), bogus comments
 *       and processing instructions (to the next '&gt;'), DOCTYPE (to the next '&gt;');</li>
 *   <li>elements whose content is text: title and textarea (RCDATA), style, xmp, iframe, noembed, noframes
 *       (RAWTEXT), script, and plaintext (all the rest);</li>
 *   <li>noscript, which jsoup parses as a contained "island" of markup rather than as text;</li>
 *   <li>character references in the values and title text we keep, decoded by jsoup's own decoder
 *       ({@link Parser#unescape(String, boolean)}, as {@link Parser#unescapeEntities(String, boolean)}), only when
 *       there is a '&amp;'.</li>
 * </ul>
 * And from the tree builder: which elements it drops (a stray frame), which html start tags lend their attributes
 * to the root element (its lang), through {@link TableModel} when a table would foster-parent an element, and
 * through {@link StackBound} when jsoup's limit of 512 open elements could change how a table is built. Everything
 * else the tree builder does keeps elements in document order (the adoption agency only adds copies of an a after
 * the original; select content is parsed by the in-body rules since jsoup 1.24), so reading tags in order is right.
 */
final class TagScanner {
    /**
     * The jsoup release whose tokeniser and tree builder this class follows, and against which the differential tests
     * (TagScannerFuzzTest, PageParserFuzzTest, TagScannerTest) were last run. JsoupPinTest fails when the jsoup on the
     * class path is another one: then run those tests, read the new release's changes to its tokeniser and tree
     * builder, adapt this class, and only then move this to the new version.
     */
    static final String JSOUP_VERSION = "1.24.1";

    /** Unwinds the scan to {@link #scan}; carries no stack trace. */
    static final class Bailout extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient JsoupFallback reason;

        private Bailout(JsoupFallback reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }
    }

    // one preallocated, stackless exception per reason: a bail-out must cost no more than the check
    private static final Bailout[] BAILOUTS = java.util.Arrays.stream(JsoupFallback.values()).map(Bailout::new)
            .toArray(Bailout[]::new);

    static Bailout bail(JsoupFallback reason) {
        return BAILOUTS[reason.ordinal()];
    }

    /**
     * jsoup's decoder for character references ({@link Parser#unescape}, what {@link Parser#unescapeEntities} runs
     * on a new Parser each call), one per thread: a value or title with a '&amp;' is common enough to matter.
     */
    private static final ThreadLocal<Parser> ENTITIES = ThreadLocal.withInitial(Parser::htmlParser);

    private static String unescape(String raw, boolean inAttribute) {
        if (raw.indexOf('&') < 0) {
            return raw;
        }
        String simple = CharacterReferences.decode(raw); // the common references, without setting up a parser
        return simple != null ? simple : ENTITIES.get().unescape(raw, inAttribute);
    }

    /** jsoup keeps at most this many attributes per tag, and on the root element when merging html tags. */
    private static final int MAX_ATTRIBUTES = 512;

    // Attribute states of jsoup's tokeniser
    private static final int BEFORE_NAME = 0;
    private static final int NAME = 1;
    private static final int AFTER_NAME = 2;
    private static final int BEFORE_VALUE = 3;
    private static final int AFTER_QUOTED_VALUE = 4;
    private static final int SELF_CLOSING = 5;

    private final String s;
    /** The UTF-8 bytes s is the Latin-1 view of, or null when s is the decoded page. */
    private final Utf8View view;
    private final int n;
    private final DocumentScan out = new DocumentScan();
    private final StackBound bound;
    private final TableModel tables;
    /** The open svg or math subtree, if any: its tags follow jsoup's foreign-content rules. */
    private final ForeignContent foreign;
    /** The highest bound on jsoup's open elements inside foreign content (the bound counts only the root). */
    private int foreignMax;
    /** The depth bound's state when the current noscript island was opened. */
    private long islandState;
    /** Inside a noscript island: jsoup inserts every tag as plain markup until the first &lt;/noscript&gt;. */
    private boolean island;
    private boolean languageSeen;
    private int rootAttributes;

    // the attributes of the tag being read: per attribute, name start and end, value start and end (-1: no value)
    private int[] attributes = new int[32];
    private int attributeCount;
    private boolean selfClosing;

    private TagScanner(String html, Utf8View view) {
        this.s = html;
        this.view = view;
        this.n = html.length();
        this.bound = new StackBound(html, view);
        this.tables = new TableModel(bound);
        this.foreign = new ForeignContent(html, view);
    }

    /** The scan of html, or null when the page must go through jsoup's tree builder. */
    static DocumentScan scan(String html) {
        try {
            return read(html);
        } catch (Bailout e) {
            return null;
        }
    }

    /** The scan of html; throws {@link Bailout} with the reason when the page must go through jsoup's tree builder. */
    static DocumentScan read(String html) {
        return new TagScanner(html, null).run();
    }

    /**
     * The scan of a UTF-8 page from its Latin-1 view (see {@link Utf8View}): the same values as {@link #read} of
     * the decoded page, without decoding more than the values. Throws {@link Bailout} as read does.
     */
    static DocumentScan read(Utf8View view, int length) {
        return new TagScanner(view.latin1(length), view).run();
    }

    /** Why html leaves the fast path, or null when it does not. For tests and diagnostics. */
    static JsoupFallback bailReason(String html) {
        try {
            new TagScanner(html, null).run();
            return null;
        } catch (Bailout e) {
            return e.reason;
        }
    }

    /**
     * The highest value of the scan's bound on jsoup's open-element stack, or -1 when the scan bails out. For
     * tests: jsoup limited to one more element than this must build the same tree as jsoup without a limit.
     */
    static int stackBound(String html) {
        try {
            TagScanner scanner = new TagScanner(html, null);
            scanner.run();
            return Math.max(scanner.bound.max(), scanner.foreignMax);
        } catch (Bailout e) {
            return -1;
        }
    }

    private DocumentScan run() {
        if (s.indexOf('\0') >= 0) {
            throw bail(JsoupFallback.NUL);
        }
        if (view == null ? s.indexOf('\uFFFF') >= 0 : Utf8View.hasUFFFF(s)) {
            throw bail(JsoupFallback.U_FFFF);
        }
        int pos = 0;
        while (pos < n) {
            pos = next(pos);
        }
        return out;
    }

    /**
     * Reads the text from pos and the markup after it; returns where the next read starts (n at the end). The body
     * of {@link #run}'s loop, as a method of its own: ./trawl runs without on-stack replacement, so a loop entered
     * once per page keeps running as it was entered for the whole page, and run() was never compiled in a crawl of
     * the 528 Python docs pages (its loop interpreted on every page: 6 % of that crawl's CPU samples). This is
     * called per tag and compiled early.
     */
    private int next(int pos) {
        int lt = s.indexOf('<', pos);
        if (lt < 0) {
            text(pos, n);
            return n;
        }
        text(pos, lt);
        if (lt + 1 == n) {
            text(lt, n); // a '<' at the end is text
            return n;
        }
        char c = s.charAt(lt + 1);
        if (isAsciiLetter(c)) {
            return tag(lt + 1, true);
        } else if (c == '/') {
            return endTagOpen(lt + 2);
        } else if (c == '!') {
            return markupDeclaration(lt + 2);
        } else if (c == '?') {
            return afterGreaterThan(lt + 2); // a processing instruction or a bogus comment
        }
        text(lt, lt + 1); // '<' then anything else is text
        return lt + 1;
    }

    /**
     * Text s[from, to). Non-blank text in a table outside a cell or caption is foster parented, which is harmless
     * here: it adds a text node in front of the table, and perhaps recreated copies of open formatting elements (an
     * a among them) whose originals precede the table, so no element is moved and no link comes first that did not
     * already. Only the column group mode notices text: it closes the colgroup.
     */
    private void text(int from, int to) {
        if (island) {
            out.noscriptAsksForScript = out.noscriptAsksForScript || AppShell.mentionsJavaScript(s, from, to);
        } else if (from < to) {
            out.textChars += AppShell.trimmedLength(s, from, to);
        }
        if (from < to && !island && tables.inColumnGroup()) {
            for (int i = from; i < to; i++) {
                if (!Whitespace.isAscii(s.charAt(i))) {
                    tables.closeColumnGroup();
                    return;
                }
            }
        }
    }

    // ---- markup other than tags

    /** After "&lt;/": an end tag, "&lt;/&gt;" (dropped), text at the end of input, or a bogus comment. */
    private int endTagOpen(int p) {
        if (p >= n) {
            text(p - 2, n);
            return n;
        }
        char c = s.charAt(p);
        if (isAsciiLetter(c)) {
            return tag(p, false);
        }
        return c == '>' ? p + 1 : afterGreaterThan(p);
    }

    /** After "&lt;!": a comment, a DOCTYPE (which ends at the next '&gt;'), or a bogus comment (CDATA included). */
    private int markupDeclaration(int p) {
        if (s.startsWith("--", p)) {
            return comment(p + 2);
        }
        if (foreign.active() && s.startsWith("[CDATA[", p)) {
            throw bail(JsoupFallback.FOREIGN_CONTENT); // a CDATA section in foreign content, a bogus comment elsewhere
        }
        if (p + 7 <= n && TagKind.is(s, p, p + 7, "doctype")) {
            return afterGreaterThan(p + 7);
        }
        return afterGreaterThan(p);
    }

    /** The comment states after "&lt;!--"; returns the position after the comment. */
    private int comment(int p) {
        if (p >= n) {
            return n;
        }
        char c = s.charAt(p);
        if (c == '>') {
            return p + 1; // <!-->
        }
        if (c == '-') { // comment start dash state
            if (p + 1 >= n) {
                return n;
            }
            char d = s.charAt(p + 1);
            if (d == '>') {
                return p + 2; // <!--->
            }
            if (d == '-') { // "<!----": the comment end state
                int end = commentEnd(p + 2);
                if (end >= 0) {
                    return end;
                }
                p = -end;
            } else {
                p = p + 2; // the '-' and d are comment text
            }
        }
        // comment state: text up to a '-'
        while (true) {
            int dash = s.indexOf('-', p);
            if (dash < 0 || dash + 1 >= n) {
                return n;
            }
            // comment end dash state: a second '-' reaches the comment end state, anything else is text
            if (s.charAt(dash + 1) == '-') {
                int end = commentEnd(dash + 2);
                if (end >= 0) {
                    return end;
                }
                p = -end;
            } else {
                p = dash + 2;
            }
        }
    }

    /**
     * The comment end state at p (after "--"): returns the position after the comment, or -(position) at which
     * the comment text goes on.
     */
    private int commentEnd(int p) {
        while (true) {
            if (p >= n) {
                return n;
            }
            char c = s.charAt(p++);
            switch (c) {
                case '>':
                    return p;
                case '-':
                    continue; // "---": still at the end state
                case '!':
                    if (p >= n) {
                        return n;
                    }
                    char d = s.charAt(p++);
                    if (d == '>') {
                        return p; // --!>
                    }
                    if (d == '-') {
                        // comment end dash state: another '-' is the end state again
                        if (p >= n) {
                            return n;
                        }
                        if (s.charAt(p) == '-') {
                            p++;
                            continue;
                        }
                        return -(p + 1); // the character after "--!-" is consumed as text
                    }
                    return -p;
                default:
                    return -p;
            }
        }
    }

    private int afterGreaterThan(int p) {
        int gt = s.indexOf('>', p);
        return gt < 0 ? n : gt + 1;
    }

    // ---- tags

    /**
     * Reads a start or end tag whose name starts at p, and acts on it. Returns the position after the tag and any
     * text content the element's tokeniser state swallows.
     */
    private int tag(int p, boolean start) {
        int nameStart = p;
        while (p < n && !endsTagName(s.charAt(p))) {
            p++;
        }
        if (p >= n) {
            return n; // EOF in the tag name: the tag is dropped
        }
        int after = attributes(p);
        if (after < 0) {
            return n; // EOF inside the tag: dropped
        }
        int kind = TagKind.of(s, nameStart, p);
        return start ? startTag(kind, nameStart, p, after) : endTag(kind, nameStart, p, after);
    }

    private int startTag(int kind, int nameFrom, int nameTo, int after) {
        if (kind == TEMPLATE) {
            throw bail(JsoupFallback.TEMPLATE);
        }
        if (kind == FRAMESET) {
            throw bail(JsoupFallback.FRAMESET);
        }
        if (attributeCount >= MAX_ATTRIBUTES) {
            throw bail(JsoupFallback.ATTRIBUTE_LIMIT);
        }
        if (foreign.active()) {
            if (!ForeignContent.breaksOut(s, nameFrom, nameTo)) {
                return foreignStartTag(kind, nameFrom, nameTo, after);
            }
            closeForeignContent(); // the breakout pops every foreign element, then is an HTML start tag
        }
        if (island) {
            if (kind == SVG || kind == MATH) {
                throw bail(JsoupFallback.FOREIGN_CONTENT);
            }
            islandStartTag(kind);
            bound.islandStartTag(nameFrom, nameTo);
        } else {
            boolean inBody = !tables.fostering();
            if (kind == TagKind.TABLE && inBody) {
                bound.tableStart();
            }
            tables.startTag(kind == TagKind.INPUT && hiddenInput() ? TableModel.HIDDEN_INPUT : kind); // throws when
            // the element would be foster parented
            if (kind == SVG || kind == MATH) {
                // in body or a cell (else tables threw): a foreign root, popped at once when self-closed
                if (!selfClosing) {
                    bound.pushAnchor(); // the root on jsoup's stack; what opens inside is counted in foreign
                    openForeign(nameFrom, nameTo);
                }
                return after;
            }
            if (inBody && kind == NOSCRIPT) {
                bound.pushAnchor();
                islandState = bound.state();
            } else if (inBody && !TagKind.isTableStructure(kind)) {
                bound.startTag(nameFrom, nameTo);
            }
            if (tables.open() && bound.value() >= StackBound.TABLE_LIMIT) {
                throw bail(JsoupFallback.DEEP_NESTING);
            }
            if (kind == FRAME) {
                return after; // the in-body rules drop a frame outside a frameset
            }
            if (kind == HTML) {
                rootLanguage();
                return after;
            }
            if (kind == NOSCRIPT) {
                island = true;
                return after;
            }
            if (kind == PLAINTEXT) {
                return n; // the rest of the input is text
            }
        }
        return element(kind, after);
    }

    /**
     * A start tag inside a noscript island. jsoup inserts it as plain markup, where outside the island some tags
     * act differently (html merges onto the root, plaintext ends all markup, a frame is dropped, table tags switch
     * modes, a self-closed title is still a text element). The island also ends early if jsoup's depth limit
     * (512 open elements) prunes the noscript element. So the fast path keeps to the tags whose effect is the same
     * either way, and hands the others to jsoup.
     */
    private void islandStartTag(int kind) {
        if (kind == HTML || kind == PLAINTEXT || kind == FRAME || TagKind.isTableStructure(kind)
                || (selfClosing && TagKind.isTextElement(kind))) {
            throw bail(JsoupFallback.NOSCRIPT_ISLAND);
        }
    }

    /** Extracts what the element carries and skips any text content it has. */
    private int element(int kind, int after) {
        if (kind == IFRAME) {
            out.link(value("src"));
        } else {
            extract(kind);
        }
        if (kind == TITLE) {
            return title(after);
        }
        if (TagKind.isTextElement(kind)) {
            return skipText(after, kind);
        }
        return after;
    }

    /** The values an a, area, base, meta or link element carries. */
    private void extract(int kind) {
        switch (kind) {
            case SCRIPT -> out.scripts++;
            case A, AREA -> out.link(value("href"));
            // the first base, meta description and canonical link count: later ones are not decoded at all
            case BASE -> {
                if (out.baseHref == null) {
                    out.base(value("href"));
                }
            }
            case META -> {
                if (out.description == null) {
                    String name = value("name");
                    if (name != null && name.equalsIgnoreCase("description")) {
                        out.meta(name, value("content"));
                    }
                }
            }
            case LINK -> {
                if (out.canonicalHref == null) {
                    String rel = value("rel");
                    if (rel != null && Whitespace.hasToken(rel, "canonical")) {
                        out.linkElement(rel, value("href"));
                    }
                }
            }
            default -> { }
        }
    }

    private int endTag(int kind, int nameFrom, int nameTo, int after) {
        if (kind == TEMPLATE) {
            throw bail(JsoupFallback.TEMPLATE);
        }
        if (foreign.active()) {
            if (kind != P && kind != BR) {
                if (!foreign.endTag(nameFrom, nameTo)) {
                    throw bail(JsoupFallback.FOREIGN_CONTENT); // reaches the HTML rules with foreign elements open
                }
                if (!foreign.active()) {
                    bound.popAnchor(); // the root closed
                }
                return after;
            }
            closeForeignContent(); // </p> and </br> pop every foreign element, then are HTML end tags
        }
        if (island) {
            if (kind == NOSCRIPT) {
                island = false; // the first </noscript> closes the island, whatever is open inside it
                bound.reset(islandState);
                bound.popAnchor();
            } else if (TagKind.isTableStructure(kind)) {
                throw bail(JsoupFallback.NOSCRIPT_ISLAND);
            } else {
                bound.islandEndTag(nameFrom, nameTo);
            }
        } else {
            boolean inBody = !tables.fostering();
            tables.endTag(kind);
            if (inBody && !TagKind.isTableStructure(kind)) {
                bound.endTag(nameFrom, nameTo);
            }
        }
        return after;
    }

    /**
     * A start tag in foreign content that does not break out: an element of the foreign subtree, whose content is
     * markup (no text state but an svg script's: a math script is markup too). What it carries counts as jsoup's DOM
     * has it: an a, area, iframe, frame, base or link element is read by its name, whatever its namespace.
     */
    private int foreignStartTag(int kind, int nameFrom, int nameTo, int after) {
        if (foreign.atIntegrationPoint() || ForeignContent.isFont(s, nameFrom, nameTo)) {
            throw bail(JsoupFallback.FOREIGN_CONTENT);
        }
        switch (kind) {
            case A, AREA, BASE, LINK -> extract(kind);
            case IFRAME, FRAME -> out.link(value("src"));
            case SCRIPT -> {
                if (foreign.svg()) {
                    return skipText(after, SCRIPT); // jsoup reads an svg script as script data, self-closed or not
                }
            }
            default -> { }
        }
        if (!selfClosing) {
            openForeign(nameFrom, nameTo);
        }
        return after;
    }

    private void openForeign(int nameFrom, int nameTo) {
        foreign.push(nameFrom, nameTo);
        foreignMax = Math.max(foreignMax, bound.value() + foreign.depth() - 1);
        if (bound.value() + foreign.depth() >= StackBound.TABLE_LIMIT) {
            throw bail(JsoupFallback.DEEP_NESTING); // jsoup's 512 limit could prune the subtree's root
        }
    }

    /** A breakout: jsoup pops the foreign elements, down to an integration point if one is open. */
    private void closeForeignContent() {
        if (foreign.integrationOpen()) {
            throw bail(JsoupFallback.FOREIGN_CONTENT); // the tag would be inserted as HTML inside the subtree
        }
        foreign.close();
        bound.popAnchor();
    }

    /** Whether the tag's first attribute named exactly "type" (jsoup's token lookup: case-sensitive) is hidden. */
    private boolean hiddenInput() {
        for (int i = 0; i < attributeCount * 4; i += 4) {
            if (s.startsWith("type", attributes[i]) && attributes[i + 1] - attributes[i] == 4) {
                int from = attributes[i + 2];
                String value = from < 0 ? "" : unescape(decoded(from, attributes[i + 3]), true);
                return TagKind.is(value, 0, value.length(), "hidden");
            }
        }
        return false;
    }

    /** The html start tag lends its attributes to the root element, where the first lang stays. */
    private void rootLanguage() {
        rootAttributes += attributeCount;
        if (rootAttributes >= MAX_ATTRIBUTES) {
            throw bail(JsoupFallback.ATTRIBUTE_LIMIT); // jsoup stops merging at 512 attributes on the root
        }
        if (!languageSeen) {
            String lang = value("lang");
            if (lang != null) {
                out.language(lang);
                languageSeen = true;
            }
        }
    }

    /**
     * Runs the attribute states of jsoup's tokeniser from p, the character that ended the tag name, and records
     * each attribute's name and value range. Returns the position after the closing '&gt;', or -1 when the input
     * ends first (the tag is then dropped).
     */
    private int attributes(int p) {
        attributeCount = 0;
        selfClosing = false;
        int state;
        char first = s.charAt(p++);
        if (first == '>') {
            return p;
        }
        state = first == '/' ? SELF_CLOSING : BEFORE_NAME;
        while (true) {
            if (p >= n) {
                return -1;
            }
            char c = s.charAt(p);
            switch (state) {
                case BEFORE_NAME -> {
                    p++;
                    if (c == '/') {
                        state = SELF_CLOSING;
                    } else if (c == '>') {
                        return p;
                    } else if (!Whitespace.isAscii(c)) {
                        p = attributeName(p - 1); // any other character, '"', '\'' and '=' included, starts a name
                        if (p < 0) {
                            return -1;
                        }
                        state = NAME;
                    }
                }
                case NAME -> { // p is at the character that ended the name
                    p++;
                    state = switch (c) {
                        case '/' -> SELF_CLOSING;
                        case '=' -> BEFORE_VALUE;
                        case '>' -> -1;
                        default -> AFTER_NAME; // whitespace
                    };
                    if (state < 0) {
                        return p;
                    }
                }
                case AFTER_NAME -> {
                    p++;
                    if (c == '/') {
                        state = SELF_CLOSING;
                    } else if (c == '=') {
                        state = BEFORE_VALUE;
                    } else if (c == '>') {
                        return p;
                    } else if (!Whitespace.isAscii(c)) {
                        p = attributeName(p - 1);
                        if (p < 0) {
                            return -1;
                        }
                        state = NAME;
                    }
                }
                case BEFORE_VALUE -> {
                    if (Whitespace.isAscii(c)) {
                        p++;
                    } else if (c == '"' || c == '\'') {
                        int close = s.indexOf(c, p + 1);
                        if (close < 0) {
                            return -1;
                        }
                        setValue(p + 1, close);
                        p = close + 1;
                        state = AFTER_QUOTED_VALUE;
                    } else if (c == '>') {
                        return p + 1; // no value
                    } else {
                        int end = p;
                        while (end < n && !Whitespace.isAscii(s.charAt(end)) && s.charAt(end) != '>') {
                            end++;
                        }
                        if (end >= n) {
                            return -1;
                        }
                        setValue(p, end);
                        p = end + 1;
                        if (s.charAt(end) == '>') {
                            return p;
                        }
                        state = BEFORE_NAME;
                    }
                }
                case AFTER_QUOTED_VALUE -> {
                    if (Whitespace.isAscii(c)) {
                        p++;
                        state = BEFORE_NAME;
                    } else if (c == '/') {
                        p++;
                        state = SELF_CLOSING;
                    } else if (c == '>') {
                        return p + 1;
                    } else {
                        state = BEFORE_NAME; // reconsumed: starts the next attribute's name
                    }
                }
                default -> { // self-closing start tag
                    if (c == '>') {
                        selfClosing = true;
                        return p + 1;
                    }
                    state = BEFORE_NAME; // reconsumed
                }
            }
        }
    }

    /**
     * Records an attribute whose name starts at q (its first character is always part of it) and returns the
     * position of the character that ends the name: whitespace, '/', '=' or '&gt;'. -1 at the end of input.
     */
    private int attributeName(int q) {
        int p = q + 1;
        while (p < n) {
            char c = s.charAt(p);
            if (Whitespace.isAscii(c) || c == '/' || c == '=' || c == '>') {
                break;
            }
            p++;
        }
        if (p >= n) {
            return -1;
        }
        int i = attributeCount * 4;
        if (i == attributes.length) {
            attributes = java.util.Arrays.copyOf(attributes, i * 2);
        }
        attributes[i] = q;
        attributes[i + 1] = p;
        attributes[i + 2] = -1;
        attributes[i + 3] = -1;
        attributeCount++;
        return p;
    }

    private void setValue(int from, int to) {
        int i = (attributeCount - 1) * 4;
        attributes[i + 2] = from;
        attributes[i + 3] = to;
    }

    /**
     * The decoded value of the tag's first attribute called name, "" for an attribute without a value, null when
     * the tag has none: what jsoup's {@code hasAttr(name) ? attr(name) : null} gives.
     */
    private String value(String name) {
        for (int i = 0; i < attributeCount * 4; i += 4) {
            if (TagKind.is(s, attributes[i], attributes[i + 1], name)) {
                int from = attributes[i + 2];
                if (from < 0) {
                    return "";
                }
                return unescape(decoded(from, attributes[i + 3]), true);
            }
        }
        return null;
    }

    /** The page's text in s[from, to), decoded. */
    private String decoded(int from, int to) {
        return view == null ? s.substring(from, to) : view.text(from, to);
    }

    // ---- text content of elements

    /** A title's RCDATA content; the first title is the document title. */
    private int title(int from) {
        int end = textEnd(from, "title");
        int contentEnd = end < 0 ? n : end;
        if (out.title == null) {
            out.title(unescape(decoded(from, contentEnd), false));
        }
        return end < 0 ? n : closeTextElement(end, "title");
    }

    /** Skips the text content of a textarea, style, xmp, iframe, noembed, noframes or script element. */
    private int skipText(int from, int kind) {
        String name = switch (kind) {
            case TagKind.TEXTAREA -> "textarea";
            case TagKind.STYLE -> "style";
            case TagKind.XMP -> "xmp";
            case TagKind.IFRAME -> "iframe";
            case TagKind.NOEMBED -> "noembed";
            case TagKind.NOFRAMES -> "noframes";
            default -> "script";
        };
        int end = textEnd(from, name);
        if (kind == SCRIPT && s.indexOf("<!--", from, end < 0 ? n : end) >= 0) {
            throw bail(JsoupFallback.SCRIPT_ESCAPE);
        }
        return end < 0 ? n : closeTextElement(end, name);
    }

    /**
     * Where the text content starting at from ends: the position of the first "&lt;/name" (ASCII letters in any
     * case) followed by whitespace, '/' or '&gt;', the only end tag the text states accept. -1 when there is none.
     */
    private int textEnd(int from, String name) {
        int i = from;
        while (true) {
            int lt = s.indexOf("</", i);
            if (lt < 0) {
                return -1;
            }
            int nameEnd = lt + 2 + name.length();
            if (nameEnd < n && TagKind.is(s, lt + 2, nameEnd, name)) {
                char c = s.charAt(nameEnd);
                if (Whitespace.isAscii(c) || c == '/' || c == '>') {
                    return lt;
                }
            }
            i = lt + 2;
        }
    }

    /** Reads the end tag at lt that closes a text element (its attributes too); returns the position after it. */
    private int closeTextElement(int lt, String name) {
        // the tree builder's text mode takes this end tag: it only closes the element, whatever mode was before
        int after = attributes(lt + 2 + name.length());
        return after < 0 ? n : after;
    }

    private static boolean endsTagName(char c) {
        return Whitespace.isAscii(c) || c == '/' || c == '>';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
