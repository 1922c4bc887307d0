package dev.trawl.fetch;

import java.io.IOException;
import java.net.ProtocolException;

/** The chunked transfer coding (RFC 9112 §7.1): sizes in hex, extensions ignored, trailers read and dropped. */
final class ChunkedBody {
    private static final int MAX_SIZE_LINE = 4096;

    private ChunkedBody() {}

    static void read(Http1Connection connection, BodySink sink) throws IOException {
        while (true) {
            long size = parseSize(connection.readLine(MAX_SIZE_LINE, "chunk size line"));
            if (size == 0) break;
            BodyReader.readExactly(connection, sink, size);
            if (!connection.readLine(1, "chunk end").isEmpty()) throw new ProtocolException("chunk longer than its size " + size);
        }
        int budget = ResponseHead.MAX_HEAD_BYTES;
        while (true) {
            String trailer = connection.readLine(budget, "trailer section");
            if (trailer.isEmpty()) return;
            budget -= trailer.length() + 2;
            if (budget <= 0) throw new ProtocolException("trailer section larger than " + ResponseHead.MAX_HEAD_BYTES + " bytes");
        }
    }

    /** chunk-size [BWS ";" chunk-ext]: at least one and at most 15 hex digits, so the size fits a long. */
    static long parseSize(String line) throws ProtocolException {
        long size = 0;
        int i = 0;
        for (; i < line.length(); i++) {
            int digit = hexDigit(line.charAt(i));
            if (digit < 0) break;
            if (i == 15) throw new ProtocolException("chunk size too large: " + ResponseHead.abbreviate(line));
            size = size * 16 + digit;
        }
        int rest = i;
        while (rest < line.length() && (line.charAt(rest) == ' ' || line.charAt(rest) == '\t')) rest++;
        if (i == 0 || (rest < line.length() && line.charAt(rest) != ';')) {
            throw new ProtocolException("bad chunk size: " + ResponseHead.abbreviate(line));
        }
        return size;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
