package dev.trawl.url;

/**
 * Appends a URL path in request form to a buffer: escapes normalised and "." and ".." segments resolved (also when
 * written as %2E), as browsers do (RFC 3986 section 6.2.2). Empty segments stay: "/web/2022/http://host/" is not
 * "/web/2022/http:/host/" to the server (web.archive.org), so merging them is left to the de-duplication key
 * ({@link DedupKey}), which never reaches the wire.
 *
 * <p>The path is written in pieces (a base URL's directory, then a relative reference); every piece but the last
 * must end with a separator. Not thread-safe: one instance per call.
 */
final class PathWriter {
    private final StringBuilder out;
    private final int root;

    /** Starts a path at the end of {@code out}; the path is "/" until pieces are appended. */
    PathWriter(StringBuilder out) {
        this.out = out;
        this.root = out.length();
        out.append('/');
    }

    /** Appends the segments of s[from, to); both '/' and '\' separate segments (WHATWG, for http and https). */
    void append(String s, int from, int to) {
        int start = from < to && isSeparator(s.charAt(from)) ? from + 1 : from; // the root '/' is written already
        while (true) {
            int end = start;
            while (end < to && !isSeparator(s.charAt(end))) {
                end++;
            }
            segment(s, start, end, end < to);
            if (end >= to) {
                return;
            }
            start = end + 1;
        }
    }

    static boolean isSeparator(char c) {
        return c == '/' || c == '\\';
    }

    /** The buffer ends with '/' whenever a segment starts: the previous one was followed by a separator. */
    private void segment(String s, int from, int to, boolean separated) {
        if (from == to) {
            if (separated) {
                out.append('/');
            }
            return;
        }
        int start = out.length();
        PercentEncoding.append(out, s, from, to, PercentEncoding.PATH_LO, PercentEncoding.PATH_HI);
        int length = out.length() - start;
        if (length <= 2 && out.charAt(start) == '.' && (length == 1 || out.charAt(start + 1) == '.')) {
            out.setLength(start);
            if (length == 2) {
                removeLastSegment(start);
            }
        } else if (separated) {
            out.append('/');
        }
    }

    /** Drops the segment that ends just before {@code end} (which follows a '/'); ".." at the root stays at the root. */
    private void removeLastSegment(int end) {
        if (end - 1 > root) {
            out.setLength(out.lastIndexOf("/", end - 2) + 1);
        }
    }
}
