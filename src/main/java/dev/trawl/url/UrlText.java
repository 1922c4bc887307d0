package dev.trawl.url;

/** Scanning helpers for {@link UrlNormalizer}: where the parts of a URL string start and end. */
final class UrlText {
    /** {@link #port} result for a port that is not a number from 0 to 65535. */
    static final int BAD_PORT = -2;

    private UrlText() {}

    /**
     * Removes what browsers ignore: leading and trailing C0 controls and spaces, and every tab, LF and CR
     * (an href split over lines still works in a browser). Returns s itself when there is nothing to remove.
     */
    static String clean(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        boolean breaks = false;
        for (int i = from; i < to && !breaks; i++) {
            char c = s.charAt(i);
            breaks = c == '\t' || c == '\n' || c == '\r';
        }
        if (!breaks) {
            return from == 0 && to == s.length() ? s : s.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Index of the ':' that ends a scheme (ALPHA *(ALPHA / DIGIT / "+" / "-" / ".")), or -1. */
    static int schemeEnd(String s) {
        if (s.isEmpty() || !isAlpha(s.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isAlpha(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    /** "http" or "https" when s[0, colon) is one of them in any case, else null. */
    static String httpScheme(String s, int colon) {
        if (colon == 4 && s.regionMatches(true, 0, "http", 0, 4)) {
            return "http";
        }
        return colon == 5 && s.regionMatches(true, 0, "https", 0, 5) ? "https" : null;
    }

    /** End of the authority starting at i: the first '/', '\', '?' or '#'. */
    static int authorityEnd(String s, int i) {
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '\\' || c == '?' || c == '#') {
                return i;
            }
        }
        return i;
    }

    /** End of the host in s[i, end): the first ':' outside an IPv6 literal's brackets. */
    static int hostEnd(String s, int i, int end) {
        boolean inBrackets = false;
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (c == ':' && !inBrackets) {
                return i;
            }
            inBrackets = c == '[' || (inBrackets && c != ']');
        }
        return end;
    }

    /** End of the path starting at i: the first '?' or '#'. */
    static int pathEnd(String s, int i) {
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '?' || c == '#') {
                return i;
            }
        }
        return i;
    }

    /** The port in s[from, to); -1 when empty (the scheme's default), {@link #BAD_PORT} when invalid. */
    static int port(String s, int from, int to) {
        if (from == to) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return BAD_PORT;
            }
            value = value * 10 + (c - '0');
            if (value > 65535) {
                return BAD_PORT;
            }
        }
        return value;
    }
}
