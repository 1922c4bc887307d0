package dev.trawl.parse;

/** ASCII whitespace handling as HTML defines it (tab, LF, FF, CR, space; not U+00A0). */
final class Whitespace {
    private Whitespace() {}

    static boolean isAscii(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /** s without leading and trailing ASCII whitespace. */
    static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isAscii(s.charAt(from))) {
            from++;
        }
        while (to > from && isAscii(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /** s with runs of ASCII whitespace replaced by one space and none at either end ("strip and collapse"). */
    static String collapse(String s) {
        return collapse(s, Integer.MAX_VALUE);
    }

    /** {@link #collapse(String)} cut to at most max characters (never inside a surrogate pair), made no longer. */
    static String collapse(String s, int max) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), max));
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isAscii(c)) {
                pendingSpace = !out.isEmpty();
            } else {
                if (out.length() + (pendingSpace ? 1 : 0) >= max) {
                    if (!out.isEmpty() && Character.isHighSurrogate(out.charAt(out.length() - 1)) && Character.isLowSurrogate(c)) {
                        out.setLength(out.length() - 1); // never half a pair
                    }
                    break;
                }
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether a space-separated token list such as a rel attribute holds token, ASCII case-insensitively. */
    static boolean hasToken(String list, String token) {
        for (String t : collapse(list).split(" ")) {
            if (t.equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }
}
