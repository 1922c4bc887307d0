package dev.trawl.parse;

/**
 * The tag names that {@link TagScanner} and {@link TableModel} act on, as small ints, and their lookup. Every other
 * name is {@link #OTHER}. Names compare the way jsoup normalises them: ASCII letters case-insensitively and nothing
 * else, so "TITLE" is a title but a name with a non-ASCII letter never matches.
 */
final class TagKind {
    private TagKind() {}

    static final int OTHER = 0;
    // elements whose attributes or text are extracted
    static final int A = 1;
    static final int AREA = 2;
    static final int IFRAME = 3;
    static final int FRAME = 4;
    static final int BASE = 5;
    static final int META = 6;
    static final int LINK = 7;
    static final int TITLE = 8;
    static final int HTML = 9;
    // elements whose content the tokeniser reads as text
    static final int TEXTAREA = 10;
    static final int STYLE = 11;
    static final int XMP = 12;
    static final int NOEMBED = 13;
    static final int NOFRAMES = 14;
    static final int SCRIPT = 15;
    static final int PLAINTEXT = 16;
    static final int NOSCRIPT = 17;
    // elements after which the fast path gives up
    static final int SVG = 18;
    static final int MATH = 19;
    static final int TEMPLATE = 20;
    static final int FRAMESET = 21;
    // table structure
    static final int TABLE = 22;
    static final int CAPTION = 23;
    static final int COLGROUP = 24;
    static final int COL = 25;
    static final int TBODY = 26;
    static final int THEAD = 27;
    static final int TFOOT = 28;
    static final int TR = 29;
    static final int TD = 30;
    static final int TH = 31;
    // elements with their own rules inside a table
    static final int FORM = 32;
    static final int INPUT = 33;
    static final int BODY = 34;
    static final int HEAD = 35;
    static final int P = 36;
    static final int BR = 37;

    /** The kind of the tag name s[from, to). */
    static int of(String s, int from, int to) {
        int length = to - from;
        if (length > 9) {
            return OTHER;
        }
        return switch (lower(s.charAt(from))) {
            case 'a' -> length == 1 ? A : is(s, from, to, "area") ? AREA : OTHER;
            case 'b' -> is(s, from, to, "base") ? BASE : is(s, from, to, "body") ? BODY : is(s, from, to, "br") ? BR : OTHER;
            case 'c' -> is(s, from, to, "col") ? COL : is(s, from, to, "colgroup") ? COLGROUP
                    : is(s, from, to, "caption") ? CAPTION : OTHER;
            case 'f' -> is(s, from, to, "form") ? FORM : is(s, from, to, "frame") ? FRAME
                    : is(s, from, to, "frameset") ? FRAMESET : OTHER;
            case 'h' -> is(s, from, to, "html") ? HTML : is(s, from, to, "head") ? HEAD : OTHER;
            case 'i' -> is(s, from, to, "iframe") ? IFRAME : is(s, from, to, "input") ? INPUT : OTHER;
            case 'l' -> is(s, from, to, "link") ? LINK : OTHER;
            case 'm' -> is(s, from, to, "meta") ? META : is(s, from, to, "math") ? MATH : OTHER;
            case 'n' -> is(s, from, to, "noscript") ? NOSCRIPT : is(s, from, to, "noembed") ? NOEMBED
                    : is(s, from, to, "noframes") ? NOFRAMES : OTHER;
            case 'p' -> length == 1 ? P : is(s, from, to, "plaintext") ? PLAINTEXT : OTHER;
            case 's' -> is(s, from, to, "script") ? SCRIPT : is(s, from, to, "style") ? STYLE
                    : is(s, from, to, "svg") ? SVG : OTHER;
            case 't' -> t(s, from, to);
            case 'x' -> is(s, from, to, "xmp") ? XMP : OTHER;
            default -> OTHER;
        };
    }

    private static int t(String s, int from, int to) {
        if (to - from == 2) {
            return switch (lower(s.charAt(from + 1))) {
                case 'r' -> TR;
                case 'd' -> TD;
                case 'h' -> TH;
                default -> OTHER;
            };
        }
        return is(s, from, to, "title") ? TITLE : is(s, from, to, "table") ? TABLE : is(s, from, to, "tbody") ? TBODY
                : is(s, from, to, "thead") ? THEAD : is(s, from, to, "tfoot") ? TFOOT
                : is(s, from, to, "textarea") ? TEXTAREA : is(s, from, to, "template") ? TEMPLATE : OTHER;
    }

    /** Whether s[from, to) is name (lower-case ASCII), ignoring the case of ASCII letters only. */
    static boolean is(String s, int from, int to, String name) {
        if (to - from != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (lower(s.charAt(from + i)) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** ASCII lower case, as jsoup's Normalizer.asciiLowerCase: other characters are left alone. */
    static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    static boolean isTableStructure(int kind) {
        return kind >= TABLE && kind <= TH;
    }

    /** The elements the tokeniser switches to a text state for (RCDATA, RAWTEXT or script data). */
    static boolean isTextElement(int kind) {
        return kind == TITLE || kind == IFRAME || (kind >= TEXTAREA && kind <= SCRIPT);
    }
}
