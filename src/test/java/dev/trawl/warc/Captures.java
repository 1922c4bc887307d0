package dev.trawl.warc;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

/** Exchanges made up in memory, for tests that need many of them (the bytes of real ones are checked elsewhere). */
final class Captures {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00.250Z");

    private Captures() {}

    static String url(int i) {
        return "http://127.0.0.1:8080/page/" + i;
    }

    static WarcExchange synthetic(int i, int bodyBytes) {
        byte[] body = new byte[bodyBytes];
        Random random = new Random(i);
        for (int k = 0; k < bodyBytes; k++) {
            body[k] = (byte) ('a' + random.nextInt(26));
        }
        return synthetic(i, body);
    }

    static WarcExchange synthetic(int i, byte[] body) {
        byte[] request = ("GET /page/" + i + " HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: trawl-test\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        return WarcExchange.complete(url(i), T0.plusSeconds(i), InetAddress.getLoopbackAddress(), request, head, body);
    }
}
