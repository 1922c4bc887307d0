package dev.trawl.parse;

import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 page read as Latin-1: one char per byte, made by a plain copy instead of a decode. The tag scanner can read
 * such a view as it reads the decoded page, because everything jsoup's tokeniser acts on is ASCII (delimiters,
 * whitespace, the letters of the names it knows, '&amp;'), and in UTF-8 an ASCII byte is always that character
 * and never part of another. What differs is text: values are decoded from their bytes ({@link #text}), and two
 * names with other bytes are compared decoded ({@link #sameName}), since bytes that are not UTF-8 all become
 * U+FFFD. A decode of the whole page costs a loop over every byte, which a short crawl runs mostly before the JIT
 * has compiled it; the copy is one arraycopy.
 *
 * @param bytes the body
 * @param base  where the page starts in bytes (after a BOM); char i of the view is bytes[base + i]
 */
record Utf8View(byte[] bytes, int base) {
    /** The view of bytes[base, base + length): a Latin-1 string, one char per byte. */
    String latin1(int length) {
        return new String(bytes, base, length, StandardCharsets.ISO_8859_1);
    }

    /** The page's text in view[from, to), decoded as the whole page would be (the range ends at ASCII). */
    String text(int from, int to) {
        return new String(bytes, base + from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * Whether the view holds U+FFFF, jsoup's end-of-input sentinel: EF BF BF in UTF-8 (bytes that are not UTF-8 never
     * decode to it). Looked for by its first byte with {@code indexOf(char)}, which the whole scan calls and the JIT
     * compiles early, rather than with {@code contains}, whose search loop runs once per page and stayed interpreted
     * for most pages of a short crawl (1.2 % of the Python docs' crawl).
     */
    static boolean hasUFFFF(String view) {
        for (int i = view.indexOf('\u00EF'); i >= 0 && i + 2 < view.length(); i = view.indexOf('\u00EF', i + 1)) {
            if (view.charAt(i + 1) == '\u00BF' && view.charAt(i + 2) == '\u00BF') return true;
        }
        return false;
    }

    /**
     * Whether the names at s[aFrom, aTo) and s[bFrom, bTo) are one name to jsoup, which compares them decoded with
     * ASCII letters folded. view is null when s is the decoded page.
     */
    static boolean sameName(String s, Utf8View view, int aFrom, int aTo, int bFrom, int bTo) {
        if (view != null && !(isAscii(s, aFrom, aTo) && isAscii(s, bFrom, bTo))) {
            return equalDecoded(view, aFrom, aTo, bFrom, bTo);
        }
        if (aTo - aFrom != bTo - bFrom) {
            return false;
        }
        for (int k = 0; k < aTo - aFrom; k++) {
            if (TagKind.lower(s.charAt(aFrom + k)) != TagKind.lower(s.charAt(bFrom + k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalDecoded(Utf8View view, int aFrom, int aTo, int bFrom, int bTo) {
        String a = view.text(aFrom, aTo);
        String b = view.text(bFrom, bTo);
        return a.length() == b.length() && TagKind.is(a, 0, a.length(), asciiLower(b));
    }

    private static String asciiLower(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            b.append(TagKind.lower(name.charAt(i)));
        }
        return b.toString();
    }

    private static boolean isAscii(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
