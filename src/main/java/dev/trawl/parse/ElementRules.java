package dev.trawl.parse;

/**
 * What jsoup's tree builder does with its stack of open elements for a tag name, as bit flags, for
 * {@link StackBound}. Looked up without allocating: a name of up to 10 ASCII letters and digits is packed into a
 * long (case folded) and found in a small open-addressing table.
 */
final class ElementRules {
    private ElementRules() {}

    /** Not left open by the in-body rules: void elements, and tags they drop, merge or turn into a void one. */
    static final int NOT_KEPT = 1;
    /** jsoup's void elements: popped at once even where every other tag is inserted as it is (noscript islands). */
    static final int VOID = 1 << 13;
    /** Elements whose content the tokeniser reads as text; closed by their own end tag before any other tag. */
    static final int TEXT = 1 << 1;
    /** In the list of active formatting elements (recreated by the tree builder when misnested). */
    static final int FORMATTING = 1 << 2;
    /** A start tag that closes an open p in button scope first. */
    static final int CLOSES_P = 1 << 3;
    /** Closed by generateImpliedEndTags. */
    static final int IMPLIED_END = 1 << 4;
    /** jsoup's "special" category: any other end tag stops at one. */
    static final int SPECIAL = 1 << 5;
    /** A boundary of the default scope (so of button and list-item scope too). */
    static final int SCOPE = 1 << 6;
    /** button, the extra boundary of button scope (where an open p is looked for). */
    static final int BUTTON = 1 << 11;
    /** ol and ul, the extra boundaries of list-item scope. */
    static final int LIST = 1 << 12;
    /** An end tag that closes by a scope search (closers, p, li, dd, dt, headings), popping implied ends first. */
    static final int SCOPED_END = 1 << 7;
    static final int HEADING = 1 << 8;
    /** A start tag with closing rules that StackBound does not follow (it then trusts less of what it knows). */
    static final int IRREGULAR = 1 << 9;
    /** The end tag does not reliably pop the element (form: the form pointer; applets: a jsoup quirk). */
    static final int UNRELIABLE_END = 1 << 10;

    private static final String[] VOID_NAMES = {
        "meta", "link", "base", "frame", "img", "br", "wbr", "embed", "hr", "input", "keygen", "col", "area",
        "basefont", "bgsound", "param", "source", "track"
    };
    private static final String[] NOT_KEPT_NAMES = {"html", "body", "head", "image"};
    private static final String[] TEXT_NAMES = {
        "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"
    };
    private static final String[] FORMATTING_NAMES = {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"
    };
    private static final String[] P_CLOSERS = {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
        "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "plaintext", "xmp", "hr", "li", "dd",
        "dt", "form", "table"
    };
    private static final String[] IMPLIED_END_NAMES = {"dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc"};
    private static final String[] SPECIAL_NAMES = {
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br",
        "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed",
        "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6",
        "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main",
        "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "param",
        "plaintext", "pre", "script", "search", "section", "select", "source", "style", "summary", "table", "tbody",
        "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp"
    };
    private static final String[] SCOPE_NAMES = {
        "applet", "caption", "html", "marquee", "object", "select", "table", "td", "template", "th"
    };
    private static final String[] SCOPED_END_NAMES = {
        "address", "article", "aside", "blockquote", "button", "center", "details", "dialog", "dir", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "listing", "main", "menu", "nav", "ol",
        "pre", "search", "section", "select", "summary", "ul", "p", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5",
        "h6"
    };
    /** Start tags whose implicit closing StackBound does not follow: it then stops trusting what it knows. */
    private static final String[] IRREGULAR_NAMES = {
        "nobr", "button", "rb", "rtc", "rp", "rt", "applet", "marquee", "object"
    };
    private static final String[] UNRELIABLE_END_NAMES = {"form", "applet", "marquee", "object"};

    /** Names StackBound tests for one by one, as a number in the bits above {@link #ID_SHIFT} of the flags. */
    static final int ID_SHIFT = 16;
    static final int LI = 1;
    static final int DD = 2;
    static final int DT = 3;
    static final int FORM = 4;
    static final int OPTION = 5;
    static final int OPTGROUP = 6;
    static final int SELECT = 7;
    static final int INPUT = 8;
    static final int HR = 9;
    static final int P = 10;
    static final int A = 11;
    static final int ADDRESS = 12;
    static final int DIV = 13;
    static final int HEAD = 14;
    static final int BODY = 15;
    private static final String[] ID_NAMES = {
        null, "li", "dd", "dt", "form", "option", "optgroup", "select", "input", "hr", "p", "a", "address", "div",
        "head", "body"
    };

    /** The name's number (LI, DD, ...) from its flags; 0 for the others. */
    static int id(int rules) {
        return rules >>> ID_SHIFT;
    }

    private static final int SLOTS = 1024; // a power of two, well above twice the number of names
    private static final long[] KEYS = new long[SLOTS];
    private static final int[] FLAGS = new int[SLOTS];

    static {
        add(VOID_NAMES, VOID | NOT_KEPT);
        add(NOT_KEPT_NAMES, NOT_KEPT);
        add(TEXT_NAMES, TEXT);
        add(FORMATTING_NAMES, FORMATTING);
        add(P_CLOSERS, CLOSES_P);
        add(IMPLIED_END_NAMES, IMPLIED_END);
        add(SPECIAL_NAMES, SPECIAL);
        add(SCOPE_NAMES, SCOPE);
        add(SCOPED_END_NAMES, SCOPED_END);
        add(new String[] {"h1", "h2", "h3", "h4", "h5", "h6"}, HEADING);
        add(IRREGULAR_NAMES, IRREGULAR);
        add(UNRELIABLE_END_NAMES, UNRELIABLE_END);
        add(new String[] {"button"}, BUTTON);
        for (int id = 1; id < ID_NAMES.length; id++) {
            add(new String[] {ID_NAMES[id]}, id << ID_SHIFT);
        }
        add(new String[] {"ol", "ul"}, LIST);
    }

    private static void add(String[] names, int flag) {
        for (String name : names) {
            long key = pack(name, 0, name.length());
            int slot = slot(key);
            while (KEYS[slot] != 0 && KEYS[slot] != key) {
                slot = (slot + 1) & (SLOTS - 1);
            }
            KEYS[slot] = key;
            FLAGS[slot] |= flag;
        }
    }

    /** The flags of the tag name s[from, to); 0 for names jsoup has no special rule for. */
    static int of(String s, int from, int to) {
        long key = pack(s, from, to);
        if (key == 0) {
            return 0;
        }
        int slot = slot(key);
        while (KEYS[slot] != 0) {
            if (KEYS[slot] == key) {
                return FLAGS[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        return 0;
    }

    /** The name packed 6 bits a character (ASCII letters case-folded, digits), or 0 when it is not such a name. */
    private static long pack(String s, int from, int to) {
        if (to - from > 10) {
            return 0;
        }
        long key = 0;
        for (int i = from; i < to; i++) {
            char c = TagKind.lower(s.charAt(i));
            int code;
            if (c >= 'a' && c <= 'z') {
                code = c - 'a' + 1;
            } else if (c >= '0' && c <= '9') {
                code = c - '0' + 27;
            } else {
                return 0;
            }
            key = key << 6 | code;
        }
        return key;
    }

    private static int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 54) & (SLOTS - 1);
    }
}
