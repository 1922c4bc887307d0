package dev.trawl.testsite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An HTTP/1.1 server on raw sockets that answers each path with exactly the bytes a test gives (chunked framing,
 * gzip, anything), keeps connections alive, and logs every exchange as the bytes it received and the bytes it
 * sent: the ground truth an archive of the crawl is checked against.
 */
public final class RawSite implements AutoCloseable {
    /** One request and its answer, byte for byte, in the order the server finished writing them. */
    public record Exchange(String target, byte[] request, byte[] response) {}

    private final ServerSocket server;
    private final Map<String, IntFunction<byte[]>> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Exchange> log = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private RawSite() throws IOException {
        server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    public static RawSite start() {
        try {
            return new RawSite();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Answers path with these bytes every time. */
    public RawSite fixed(String path, byte[] response) {
        return route(path, hit -> response);
    }

    /** Answers path with what answer gives for the n-th request to it (from 0). Unknown paths get a 404. */
    public RawSite route(String path, IntFunction<byte[]> answer) {
        routes.put(path, answer);
        return this;
    }

    public List<Exchange> exchanges() {
        return List.copyOf(log);
    }

    /** A response with a Content-Length body. */
    public static byte[] response(String statusLine, String headers, byte[] body) {
        byte[] head = (statusLine + "\r\n" + headers + "Content-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            while (true) {
                byte[] request = readHead(in);
                if (request == null) return;
                String line = new String(request, 0, indexOf(request, (byte) '\r'), StandardCharsets.ISO_8859_1);
                String target = line.split(" ")[1];
                int hit = hits.computeIfAbsent(target, t -> new AtomicInteger()).getAndIncrement();
                IntFunction<byte[]> route = routes.get(target);
                byte[] response = route != null ? route.apply(hit)
                        : response("HTTP/1.1 404 Not Found", "Content-Type: text/plain\r\n", "no".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().write(response);
                socket.getOutputStream().flush();
                log.add(new Exchange(target, request, response));
            }
        } catch (IOException clientWentAway) {
            // a client that closes mid-body (a cut at --max-body) is part of the tests
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) return i;
        }
        return bytes.length;
    }

    private static byte[] readHead(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) return null;
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
        }
        return head.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) s.close();
    }
}
