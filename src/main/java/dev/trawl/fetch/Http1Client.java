package dev.trawl.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

/**
 * A blocking HTTP/1.1 client for http:// URLs, made for virtual threads: the calling thread does the socket
 * I/O itself and parks while it waits, so there is no selector thread, no executor hop and no future per
 * request. Measured against the JDK HttpClient on loopback it costs a fraction of the CPU per request (see
 * docs/BENCHMARKS.md). Connections are kept alive in a {@link ConnectionPool} per origin.
 *
 * <p>Thread-safe; one instance serves all requests of a {@link Fetcher}.
 */
final class Http1Client implements AutoCloseable {
    private static final int MAX_IDLE_PER_ORIGIN = 64;
    private static final int MAX_IDLE_TOTAL = 1024;
    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private final FetchSettings settings;
    private final byte[] fixedHeaders;
    private final ConnectionPool pool;

    Http1Client(FetchSettings settings, String accept) {
        this(settings, accept, new ConnectionPool(MAX_IDLE_PER_ORIGIN, MAX_IDLE_TOTAL, MAX_IDLE_NANOS));
    }

    Http1Client(FetchSettings settings, String accept, ConnectionPool pool) {
        this.settings = settings;
        this.pool = pool;
        this.fixedHeaders = ("User-Agent: " + headerValue(settings.userAgent()) + "\r\n"
                + "Accept: " + accept + "\r\n"
                + "Accept-Encoding: gzip, deflate\r\n"
                + "Connection: keep-alive\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A CR or LF in a header value would split the request: such characters become spaces. */
    private static String headerValue(String value) {
        return value.replaceAll("[\\x00-\\x1f\\x7f]", " ");
    }

    /**
     * One GET under the whole-request deadline, body read (or counted and dropped) to the end. A pooled
     * connection that turns out to have been closed by the server while idle (the request cannot be written,
     * or the connection ends before any byte of the response) is replaced by a new one, once.
     *
     * @throws IllegalArgumentException when the URI has no host or a bad port
     * @throws IOException for every failure to get a whole response; the caller maps it to a FetchError
     */
    HttpAnswer get(URI uri, BiPredicate<Integer, String> keepBody) throws IOException {
        Target target = Target.of(uri);
        Deadline deadline = Deadline.after(settings.timeout());
        byte[] request = request(target);
        Http1Connection pooled = pool.checkout(target.origin());
        if (pooled != null) {
            try {
                return exchange(pooled, target, request, deadline, keepBody);
            } catch (IOException e) {
                if (!isStale(pooled, e)) throw e;
            }
        }
        return exchange(connect(target, deadline), target, request, deadline, keepBody);
    }

    private HttpAnswer exchange(Http1Connection connection, Target target, byte[] request, Deadline deadline,
                                BiPredicate<Integer, String> keepBody) throws IOException {
        boolean reusable = false;
        ResponseHead head;
        RawBody body;
        try {
            connection.begin(deadline);
            connection.write(request);
            head = ResponseHead.read(connection);
            var framing = BodyReader.Framing.of(head);
            boolean keep = keepBody.test(head.status(), head.contentType());
            body = BodyReader.read(connection, head, framing, keep, settings.maxBody());
            reusable = framing != BodyReader.Framing.UNTIL_CLOSE && head.allowsReuse() && !connection.hasResponseBytesLeft();
        } finally {
            if (reusable) pool.checkin(target.origin(), connection);
            else connection.close();
        }
        return Answers.response(head.status(), head.contentType(), head.location(), head.retryAfter(),
                head.contentEncoding(), body, settings.maxBody());
    }

    /** Whether the failure is that of a connection the server closed while it sat in the pool. */
    private static boolean isStale(Http1Connection connection, IOException failure) {
        return connection.isReused() && !connection.hasResponseBytes()
                && !(failure instanceof InterruptedIOException) && !(failure instanceof HttpTimeoutException)
                && !(failure instanceof java.net.ProtocolException)
                && !Thread.currentThread().isInterrupted();
    }

    /** Tries each address of the host in turn (localhost may be ::1 and 127.0.0.1), within the deadline. */
    private static Http1Connection connect(Target target, Deadline deadline) throws IOException {
        InetAddress[] addresses = InetAddress.getAllByName(target.host());
        IOException failure = null;
        for (InetAddress address : addresses) {
            var socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(address, target.port()), deadline.remainingMillis());
                return new Http1Connection(socket);
            } catch (ConnectException | NoRouteToHostException e) {
                socket.close();
                if (Thread.currentThread().isInterrupted()) throw e;
                failure = e;
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }
        throw failure;
    }

    private byte[] request(Target target) {
        byte[] line = ("GET " + target.requestTarget() + " HTTP/1.1\r\nHost: " + target.hostHeader() + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(line, line.length + fixedHeaders.length);
        System.arraycopy(fixedHeaders, 0, request, line.length, fixedHeaders.length);
        return request;
    }

    int idleConnections() {
        return pool.idleCount();
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Where a request goes and what its first lines say. origin keys the pool. */
    record Target(String host, int port, String origin, String hostHeader, String requestTarget) {
        static Target of(URI uri) {
            if (!isAscii(uri.toString())) uri = URI.create(uri.toASCIIString());
            String host = uri.getHost();
            if (host == null || host.isEmpty()) throw new IllegalArgumentException("no host in " + uri);
            int port = uri.getPort() == -1 ? 80 : uri.getPort();
            if (port < 1 || port > 65535) throw new IllegalArgumentException("bad port in " + uri);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            String hostHeader = port == 80 ? host : host + ":" + port;
            return new Target(host, port, hostHeader, hostHeader, target);
        }

        private static boolean isAscii(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) > 0x7e) return false;
            }
            return true;
        }
    }
}
