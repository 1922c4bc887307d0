package dev.trawl.fetch;

import java.io.IOException;
import java.net.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The status line and the headers of a response that trawl acts on (RFC 9112 §4, §5). Header names are
 * matched case-insensitively; for repeated headers the first value counts, as with the JDK HttpClient,
 * except Connection and Transfer-Encoding, whose lists are joined.
 *
 * @param contentLength the Content-Length, or -1 when absent
 * @param transferEncoding the Transfer-Encoding list, or null
 * @param connection the Connection list, lower-cased, or null
 * @param location the Location header, or null when absent or when it held control characters (never followed)
 * @param statusLine the final status line, and headers all its header lines in order: kept for archiving (WARC),
 *                   every value cleaned of control characters (RFC 9110 §5.5: CR, LF, NUL and the other CTLs
 *                   become spaces), as are the fields above
 */
record ResponseHead(int status, boolean http10, String contentType, long contentLength, String transferEncoding,
                    String connection, String contentEncoding, String location, String retryAfter,
                    String statusLine, List<Header> headers) {
    /** Status line plus headers, 1xx interim responses included; past it the response is a protocol error. */
    static final int MAX_HEAD_BYTES = 64 * 1024;

    /** Reads the final response head, skipping 1xx interim responses (100 Continue, 103 Early Hints). */
    static ResponseHead read(Http1Connection connection) throws IOException {
        int budget = MAX_HEAD_BYTES;
        while (true) {
            connection.statusLineStarts();
            String statusLine = connection.readLine(budget, "status line");
            budget -= statusLine.length() + 2;
            var head = new Builder(statusLine);
            budget = head.readHeaders(connection, budget);
            if (head.status == 101) throw new ProtocolException("101 Switching Protocols, though no upgrade was asked");
            if (head.status >= 200) return head.build();
        }
    }

    /**
     * The head of a response another parser read (Jetty's, for HTTP/2): the same fields, the same cleaning of control
     * characters and the same Location rule as a head read here. Each header is a name and its raw value.
     */
    static ResponseHead of(int status, String statusLine, Iterable<Header> received) throws ProtocolException {
        var head = new Builder(status, statusLine);
        for (Header h : received) head.accept(h.name() + ":" + h.value(), h.name().length());
        return head.build();
    }

    /** Whether the response has no body whatever its headers say (RFC 9112 §6.3 rule 1). */
    boolean hasNoBody() {
        return status == 204 || status == 304 || status < 200;
    }

    /** Chunked is the framing only when it is the final transfer coding (RFC 9112 §6.3 rule 4). */
    boolean isChunked() {
        if (transferEncoding == null) return false;
        int comma = transferEncoding.lastIndexOf(',');
        return transferEncoding.substring(comma + 1).trim().equalsIgnoreCase("chunked");
    }

    /** HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 only when it says keep-alive. */
    boolean allowsReuse() {
        if (transferEncoding != null && contentLength >= 0) return false; // smuggling-shaped: RFC 9112 §6.3 rule 3
        if (connection == null) return !http10;
        if (hasToken(connection, "close")) return false;
        return !http10 || hasToken(connection, "keep-alive");
    }

    private static boolean hasToken(String list, String token) {
        for (String part : list.split(",")) {
            if (part.trim().equals(token)) return true;
        }
        return false;
    }

    /** Collects the fields while the headers are read. */
    private static final class Builder {
        private final int status;
        private final boolean http10;
        private final String statusLine;
        private final List<Header> headers = new ArrayList<>();
        private String contentType;
        private long contentLength = -1;
        private String transferEncoding;
        private String connection;
        private String contentEncoding;
        private String location;
        private String retryAfter;
        private boolean locationRefused;

        Builder(int status, String statusLine) {
            this.status = status;
            this.http10 = false;
            this.statusLine = clean(statusLine);
        }

        Builder(String statusLine) throws ProtocolException {
            // HTTP-version SP 3DIGIT SP [reason]; tolerate a missing reason and its space
            if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.") || statusLine.charAt(8) != ' '
                    || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
                throw new ProtocolException("malformed status line: " + abbreviate(statusLine));
            }
            char minor = statusLine.charAt(7);
            if (minor < '0' || minor > '9') throw new ProtocolException("malformed status line: " + abbreviate(statusLine));
            this.http10 = minor == '0';
            this.status = threeDigits(statusLine);
            this.statusLine = clean(statusLine);
        }

        private static int threeDigits(String line) throws ProtocolException {
            int value = 0;
            for (int i = 9; i < 12; i++) {
                char c = line.charAt(i);
                if (c < '0' || c > '9') throw new ProtocolException("malformed status code: " + abbreviate(line));
                value = value * 10 + (c - '0');
            }
            if (value < 100) throw new ProtocolException("status code below 100: " + value);
            return value;
        }

        /** Reads header lines up to the empty line; returns the head budget left. */
        int readHeaders(Http1Connection in, int budget) throws IOException {
            while (true) {
                if (budget <= 0) throw new ProtocolException("response head larger than " + MAX_HEAD_BYTES + " bytes");
                String line = in.readLine(budget, "response head");
                budget -= line.length() + 2;
                if (line.isEmpty()) return budget;
                if (line.charAt(0) == ' ' || line.charAt(0) == '\t') continue; // obs-fold: ignored (RFC 9112 §5.2)
                int colon = line.indexOf(':');
                if (colon <= 0 || line.charAt(colon - 1) == ' ' || line.charAt(colon - 1) == '\t') {
                    throw new ProtocolException("malformed header line: " + abbreviate(line));
                }
                accept(line, colon);
            }
        }

        /** Matches the name in place: most headers are not used, and need no strings of their own. */
        private void accept(String line, int colon) throws ProtocolException {
            headers.add(new Header(clean(line.substring(0, colon)), value(line, colon)));
            if (is(line, colon, "content-type")) {
                if (contentType == null) contentType = value(line, colon);
            } else if (is(line, colon, "content-length")) {
                contentLength(value(line, colon));
            } else if (is(line, colon, "transfer-encoding")) {
                String v = value(line, colon);
                transferEncoding = transferEncoding == null ? v : transferEncoding + ", " + v;
            } else if (is(line, colon, "connection")) {
                String v = value(line, colon).toLowerCase(Locale.ROOT);
                connection = connection == null ? v : connection + ", " + v;
            } else if (is(line, colon, "content-encoding")) {
                if (contentEncoding == null) contentEncoding = value(line, colon);
            } else if (is(line, colon, "location")) {
                if (location == null && !refusesLocation(line, colon)) location = value(line, colon);
            } else if (is(line, colon, "retry-after")) {
                if (retryAfter == null) retryAfter = value(line, colon);
            }
        }

        private static boolean is(String line, int colon, String lowerCaseName) {
            return colon == lowerCaseName.length() && line.regionMatches(true, 0, lowerCaseName, 0, colon);
        }

        private static String value(String line, int colon) {
            return clean(line.substring(colon + 1).trim());
        }

        /** Whether a Location value holds a control character: such a redirect is not followed. */
        private boolean refusesLocation(String line, int colon) {
            for (int i = colon + 1; i < line.length(); i++) {
                char c = line.charAt(i);
                if ((c < ' ' && c != '\t') || c == 0x7f) {
                    locationRefused = true;
                    return true;
                }
            }
            return locationRefused;
        }

        /** RFC 9112 §6.3 rule 5: an invalid or conflicting Content-Length is unrecoverable. */
        private void contentLength(String value) throws ProtocolException {
            long parsed = 0;
            if (value.isEmpty() || value.length() > 18) throw new ProtocolException("bad Content-Length: " + abbreviate(value));
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < '0' || c > '9') throw new ProtocolException("bad Content-Length: " + abbreviate(value));
                parsed = parsed * 10 + (c - '0');
            }
            if (contentLength >= 0 && contentLength != parsed) {
                throw new ProtocolException("conflicting Content-Length: " + contentLength + " and " + parsed);
            }
            contentLength = parsed;
        }

        ResponseHead build() {
            return new ResponseHead(status, http10, contentType, contentLength, transferEncoding, connection,
                    contentEncoding, location, retryAfter, statusLine, List.copyOf(headers));
        }
    }

    /** s with every control character but HTAB replaced by a space; s itself when it has none (the usual case). */
    static String clean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7f) {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if ((chars[j] < ' ' && chars[j] != '\t') || chars[j] == 0x7f) chars[j] = ' ';
                }
                return new String(chars);
            }
        }
        return s;
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
