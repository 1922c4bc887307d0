package dev.trawl.warc;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * Real exchanges for the tests: a JDK HTTP server on 127.0.0.1 and a raw-socket client that sends its request bytes
 * and keeps every byte the server sent back, split at the blank line into head and body (nothing decoded). So the
 * bytes the archive is checked against are a server's own, chunk framing and gzip included.
 */
final class LiveExchanges implements AutoCloseable {
    static final String PAGE = "<!doctype html><title>t</title><p>" + "hello warc ".repeat(300);

    private final HttpServer server;

    LiveExchanges() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/plain", ex -> send(ex, 200, PAGE.getBytes(StandardCharsets.UTF_8), false, null));
        server.createContext("/chunked", ex -> send(ex, 200, PAGE.getBytes(StandardCharsets.UTF_8), true, null));
        server.createContext("/gzip", ex -> send(ex, 200, gzip(PAGE.getBytes(StandardCharsets.UTF_8)), false, "gzip"));
        server.createContext("/not-modified", ex -> {
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.sendResponseHeaders(304, -1);
            ex.close();
        });
        server.start();
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body, boolean chunked,
                             String encoding) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        if (encoding != null) {
            ex.getResponseHeaders().add("Content-Encoding", encoding);
        }
        ex.sendResponseHeaders(status, chunked ? 0 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            // Several writes, so a chunked answer has several chunks.
            for (int at = 0; at < body.length; at += 1000) {
                out.write(body, at, Math.min(1000, body.length - at));
                out.flush();
            }
        }
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Requests {@code path} over a raw socket (Connection: close) and returns the exchange byte for byte. */
    WarcExchange capture(String path) throws IOException {
        String target = url(path);
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.getAddress().getPort()
                + "\r\nUser-Agent: trawl-test\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            int split = headEnd(all);
            return WarcExchange.complete(target, Instant.now(), socket.getInetAddress(), request,
                    Arrays.copyOf(all, split), Arrays.copyOfRange(all, split, all.length));
        }
    }

    /** The offset just past the first CRLF CRLF. */
    static int headEnd(byte[] message) {
        for (int i = 3; i < message.length; i++) {
            if (message[i] == '\n' && message[i - 1] == '\r' && message[i - 2] == '\n' && message[i - 3] == '\r') {
                return i + 1;
            }
        }
        throw new IllegalStateException("no end of head in " + message.length + " bytes");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
