package dev.trawl.parse;

/**
 * The character references most pages use ({@code &amp;} {@code &lt;} {@code &gt;} {@code &quot;} {@code &nbsp;},
 * {@code &#8212;}, {@code &#x2014;}), decoded without jsoup's decoder, which sets up a whole tree builder and tokeniser
 * for every string it is given. Only references whose meaning is the same in every context are taken: terminated by
 * ';', numbers of 1 to 7 digits (1 to 6 hex digits) naming a code point outside the C0 and C1 controls (jsoup maps
 * 0x80-0x9F to windows-1252), surrogates and U+FFFE/U+FFFF. A string with any other '&amp;' is left to jsoup:
 * {@link #decode} returns null for it.
 */
final class CharacterReferences {
    private CharacterReferences() {}

    private static final String[] NAMES = {"amp", "lt", "gt", "quot", "nbsp"};
    private static final char[] CHARS = {'&', '<', '>', '"', '\u00A0'};

    /** raw with its references decoded as jsoup would decode them (in or out of an attribute), or null. */
    static String decode(String raw) {
        StringBuilder out = null;
        int copied = 0;
        int amp = raw.indexOf('&');
        while (amp >= 0) {
            int end = raw.indexOf(';', amp + 1);
            if (end < 0) {
                return null;
            }
            int codePoint = reference(raw, amp + 1, end);
            if (codePoint < 0) {
                return null;
            }
            if (out == null) {
                out = new StringBuilder(raw.length());
            }
            out.append(raw, copied, amp).appendCodePoint(codePoint);
            copied = end + 1;
            amp = raw.indexOf('&', copied);
        }
        return out == null ? raw : out.append(raw, copied, raw.length()).toString();
    }

    /** The code point of the reference raw[from, end) (between '&amp;' and ';'), or -1 when it is not a simple one. */
    private static int reference(String raw, int from, int end) {
        if (from < end && raw.charAt(from) == '#') {
            boolean hex = from + 1 < end && (raw.charAt(from + 1) == 'x' || raw.charAt(from + 1) == 'X');
            int digits = from + (hex ? 2 : 1);
            int count = end - digits;
            if (count < 1 || count > (hex ? 6 : 7)) {
                return -1;
            }
            int value = 0;
            for (int i = digits; i < end; i++) {
                int d = Character.digit(raw.charAt(i), hex ? 16 : 10);
                if (d < 0 || raw.charAt(i) > 'f') { // ASCII digits only (Character.digit takes others too)
                    return -1;
                }
                value = value * (hex ? 16 : 10) + d;
            }
            return plain(value) ? value : -1;
        }
        for (int i = 0; i < NAMES.length; i++) {
            if (end - from == NAMES[i].length() && raw.startsWith(NAMES[i], from)) {
                return CHARS[i];
            }
        }
        return -1;
    }

    private static boolean plain(int c) {
        return (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0xD800) || (c >= 0xE000 && c < 0xFFFE)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
