package dev.trawl.fetch;

import dev.trawl.memory.MemoryBudget;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiPredicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * trawl's HTTP/1.1 client for http:// and https://, made for virtual threads: the calling thread does the socket
 * I/O itself and parks while it waits, so there is no selector thread, no executor hop and no future per
 * request. It cost less CPU per page than Apache HttpClient 5, Jetty 12 and the JDK HttpClient in a whole-crawl
 * measurement (docs/BENCHMARKS.md, issue 10), which is why a hand-written client is kept at all.
 *
 * <p>One deadline (--timeout) covers DNS, connect, the proxy's handshake, TLS, the request's write, the head
 * and the body: reads wait at most the time left, and a {@link Watchdog} closes the socket when it runs out (a
 * write to a server that does not read). Connections are kept alive in a {@link ConnectionPool} per origin and
 * reused only when provably clean. The {@link AddressGuard} sees every address before it is connected to.
 *
 * <p>Thread-safe; one instance serves all requests of a {@link Fetcher}.
 */
final class Http1Client implements AutoCloseable {
    private static final int MAX_IDLE_PER_ORIGIN = 64;
    private static final int MAX_IDLE_TOTAL = 1024;
    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private final FetchSettings settings;
    private final byte[] fixedHeaders;
    private final byte[] proxyAuthorization;
    private final ConnectionPool pool;
    private final AddressGuard guard;
    /** Hears every exchange with its bytes (WARC); null: nothing is captured. */
    private final ExchangeSink sink;
    private volatile SSLSocketFactory tls;

    Http1Client(FetchSettings settings, String accept) {
        this(settings, accept, null);
    }

    Http1Client(FetchSettings settings, String accept, ExchangeSink sink) {
        this.settings = settings;
        this.sink = sink;
        this.pool = new ConnectionPool(MAX_IDLE_PER_ORIGIN, MAX_IDLE_TOTAL, MAX_IDLE_NANOS);
        this.guard = settings.allowPrivate() ? AddressGuard.OFF : AddressGuard.allowing(settings.seedHosts());
        var headers = new StringBuilder("User-Agent: ").append(ResponseHead.clean(settings.userAgent())).append("\r\n");
        boolean ownAccept = settings.headers().stream().anyMatch(h -> h.regionMatches(true, 0, "accept:", 0, 7));
        if (!ownAccept) headers.append("Accept: ").append(accept).append("\r\n");
        for (String h : settings.headers()) {
            int colon = h.indexOf(':');
            headers.append(h, 0, colon).append(": ").append(h.substring(colon + 1).strip()).append("\r\n");
        }
        headers.append("Accept-Encoding: gzip, deflate\r\nConnection: keep-alive\r\n\r\n");
        this.fixedHeaders = headers.toString().getBytes(StandardCharsets.ISO_8859_1);
        this.proxyAuthorization = (settings.proxy() == null ? "" : settings.proxy().basicAuthorizationLine())
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * One GET under the whole-request deadline, body read (or counted and dropped) to the end. A pooled
     * connection that turns out to have been closed by the server while idle (the request cannot be written,
     * or the connection ends before any byte of the response) is replaced by a new one, once. With a sink, the
     * exchange's bytes go to it, also when the body was cut off, before this returns or throws.
     *
     * @throws IllegalArgumentException when the URI has no host or a bad port
     * @throws IOException for every failure to get a whole response; the caller maps it to a FetchError
     * @throws InterruptedException when interrupted while the sink waits
     */
    HttpAnswer get(URI uri, BiPredicate<Integer, String> keepBody) throws IOException, InterruptedException {
        return get(uri, List.of(), keepBody);
    }

    /** As {@link #get(URI, BiPredicate)}, with headers of this request only. */
    HttpAnswer get(URI uri, List<Header> requestHeaders, BiPredicate<Integer, String> keepBody)
            throws IOException, InterruptedException {
        if (sink == null) return send(uri, requestHeaders, keepBody, null);
        var tap = new WireTap(settings.maxBody(), MemoryBudget.current());
        try {
            HttpAnswer answer;
            try {
                answer = send(uri, requestHeaders, keepBody, tap);
            } catch (IOException e) {
                if (tap.hasHead()) sink.captured(tap.exchange(uri.toString(), WireTap.cutOf(e)));
                throw e;
            }
            if (tap.hasHead()) sink.captured(tap.exchange(uri.toString(), CapturedExchange.Cut.NONE));
            return answer;
        } finally {
            tap.release();
        }
    }

    private HttpAnswer send(URI uri, List<Header> requestHeaders, BiPredicate<Integer, String> keepBody, WireTap tap)
            throws IOException {
        Target target = Target.of(uri, settings.proxy() != null && settings.proxy().kind() == ProxySpec.Kind.HTTP);
        Deadline deadline = Deadline.after(settings.timeout());
        byte[] request = request(target, requestHeaders);
        try {
            Http1Connection pooled = cleanPooled(target.origin());
            if (pooled != null) {
                try {
                    return exchange(pooled, target, request, deadline, keepBody, tap);
                } catch (IOException e) {
                    if (!isStale(pooled, e) || deadline.expired()) throw e;
                }
            }
            return exchange(connect(target, deadline), target, request, deadline, keepBody, tap);
        } catch (IOException e) {
            // the watchdog closed the socket: whatever the blocked call threw, the deadline is the reason
            if (deadline.expired() && !(e instanceof HttpTimeoutException) && !(e instanceof BodyTooLargeException)) {
                throw deadline.expiredException(e);
            }
            throw e;
        }
    }

    /** The most recent idle connection to origin with nothing unread on it; dirty ones are closed. */
    private Http1Connection cleanPooled(String origin) {
        while (true) {
            Http1Connection c = pool.checkout(origin);
            if (c == null || c.isClean()) return c;
            c.close();
        }
    }

    private HttpAnswer exchange(Http1Connection connection, Target target, byte[] request, Deadline deadline,
                                BiPredicate<Integer, String> keepBody, WireTap tap) throws IOException {
        boolean reusable = false;
        ResponseHead head;
        RawBody body;
        boolean keep;
        try {
            connection.begin(deadline);
            if (tap != null) {
                tap.begin(request, settings.proxy() == null ? connection.remoteAddress() : null);
                connection.tap(tap);
            }
            connection.write(request);
            head = ResponseHead.read(connection);
            var framing = BodyReader.Framing.of(head);
            keep = keepBody.test(head.status(), head.contentType());
            body = tap == null ? BodyReader.read(connection, head, framing, keep, settings.maxBody())
                    : readCaptured(connection, head, framing, keep, tap);
            connection.end();
            reusable = framing != BodyReader.Framing.UNTIL_CLOSE && head.allowsReuse() && connection.isClean();
        } finally {
            connection.tap(null);
            if (reusable) pool.checkin(target.origin(), connection);
            else connection.close();
        }
        if (tap == null) return Answers.response(head, body, settings.maxBody());
        HttpAnswer answer = Answers.response(head, keep ? body : new RawBody(null, 0, body.received()), settings.maxBody());
        if (answer instanceof HttpAnswer.Response r && r.rawBody() != null) {
            tap.bodyIs(r.rawBody(), r.rawBodyLength(), 0); // the answer keeps the array, and its charge
        } else if (body.bytes() != null) {
            tap.bodyIs(body.bytes(), body.length(), keep ? 0 : body.bytes().length); // read for the capture alone
        }
        return answer;
    }

    /**
     * The body of a captured exchange: any body but a chunked one is kept, wanted or not (the sink records it) and
     * read up to --max-body whatever Content-Length says; a chunked one is copied with its framing by the tap as it
     * goes, and kept de-chunked only when wanted. A body cut off is handed to the tap as far as it came.
     */
    private RawBody readCaptured(Http1Connection connection, ResponseHead head, BodyReader.Framing framing, boolean keep,
                                 WireTap tap) throws IOException {
        boolean chunked = framing == BodyReader.Framing.CHUNKED;
        tap.headEnds(chunked);
        var sink = new BodySink(keep || !chunked, settings.maxBody(), MemoryBudget.current(), connection.deadline(), !chunked);
        try {
            return BodyReader.read(connection, head, framing, sink);
        } catch (IOException e) {
            RawBody partial = sink.partial();
            if (partial.bytes() != null) tap.bodyIs(partial.bytes(), partial.length(), partial.bytes().length);
            throw e;
        }
    }

    /** Whether the failure is that of a connection the server closed while it sat in the pool. */
    private static boolean isStale(Http1Connection connection, IOException failure) {
        return connection.isReused() && !connection.hasResponseBytes()
                && !(failure instanceof InterruptedIOException) && !(failure instanceof HttpTimeoutException)
                && !(failure instanceof java.net.ProtocolException)
                && !Thread.currentThread().isInterrupted();
    }

    /** A new connection to the target, or through the proxy to it; TLS on top for https://. */
    private Http1Connection connect(Target target, Deadline deadline) throws IOException {
        ProxySpec proxy = settings.proxy();
        Connected c;
        InetAddress pinned = null; // the checked address the proxy is told to reach, or null: by name
        if (proxy == null) {
            c = connectFirst(checkedAddresses(target.host(), deadline), target.port(), deadline);
        } else {
            // Resolved and checked here, then handed to the proxy as an address where its protocol can carry one, so
            // that the proxy's own DNS cannot steer it elsewhere. Only with the guard off does the proxy resolve.
            if (guard != AddressGuard.OFF) pinned = checkedAddresses(target.host(), deadline)[0];
            c = connectFirst(resolve(proxy.host(), deadline), proxy.port(), deadline);
        }
        Socket raw = c.socket();
        try {
            raw.setSoTimeout(deadline.remainingMillis());
            if (proxy != null && proxy.kind() == ProxySpec.Kind.SOCKS5) {
                Socks5.connect(raw, target.host(), pinned, target.port(), proxy.user(), proxy.password());
            } else if (proxy != null && target.secure()) {
                tunnel(raw, c.watchdog(), target, pinned, deadline);
            }
            Socket socket = target.secure() ? tls(raw, target, deadline) : raw;
            return new Http1Connection(socket, raw, c.watchdog());
        } catch (IOException | RuntimeException e) {
            c.watchdog().cancel(false);
            raw.close();
            throw e;
        }
    }

    /** The host's addresses, each passed by the SSRF guard: none is returned if any is refused. */
    private InetAddress[] checkedAddresses(String host, Deadline deadline) throws IOException {
        InetAddress[] addresses = resolve(host, deadline);
        for (InetAddress address : addresses) guard.check(host, address);
        return addresses;
    }

    private record Connected(Socket socket, Future<?> watchdog) {}

    /** Tries each address in turn (localhost may be ::1 and 127.0.0.1), within the deadline. */
    private static Connected connectFirst(InetAddress[] addresses, int port, Deadline deadline) throws IOException {
        IOException failure = new UnknownHostException("no address");
        for (InetAddress address : addresses) {
            var socket = new Socket();
            Future<?> watchdog = Watchdog.closeAt(socket, deadline);
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(address, port), deadline.remainingMillis());
                return new Connected(socket, watchdog);
            } catch (ConnectException | NoRouteToHostException e) {
                failure = closeAfterFailure(socket, watchdog, e);
            } catch (SocketException e) {
                // "Network is unreachable" (an IPv6 address without a route): the next address may do
                if (e.getMessage() == null || !e.getMessage().contains("unreachable")) throw closeAfterFailure(socket, watchdog, e);
                failure = closeAfterFailure(socket, watchdog, e);
            } catch (IOException | RuntimeException e) {
                closeAfterFailure(socket, watchdog, new IOException(e));
                throw e;
            }
            if (Thread.currentThread().isInterrupted()) throw failure;
        }
        throw failure;
    }

    private static IOException closeAfterFailure(Socket socket, Future<?> watchdog, IOException e) throws IOException {
        watchdog.cancel(false);
        socket.close();
        return e;
    }

    /** Resolves a name on a virtual thread of its own, so that a slow resolver cannot outlive the deadline. */
    private InetAddress[] resolve(String host, Deadline deadline) throws IOException {
        if (isLiteral(host)) return new InetAddress[] {InetAddress.getByName(host)};
        var lookup = new FutureTask<>(() -> settings.resolver().resolve(host));
        Thread.ofVirtual().name("trawl-dns").start(lookup);
        try {
            return lookup.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw deadline.expiredException(new UnknownHostException(host + ": no answer from DNS in time"));
        } catch (InterruptedException e) {
            lookup.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while resolving " + host);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new UnknownHostException(host + ": " + e.getCause());
        }
    }

    /** An IPv4 or IPv6 literal, which needs no lookup. */
    static boolean isLiteral(String host) {
        if (host.indexOf(':') >= 0) return true;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if ((c < '0' || c > '9') && c != '.') return false;
        }
        return !host.isEmpty();
    }

    /**
     * CONNECT through an HTTP proxy (RFC 9110 §9.3.6), for https://: to the checked address when there is one (TLS
     * still names and verifies the host), else to the host by name.
     */
    private void tunnel(Socket raw, Future<?> watchdog, Target target, InetAddress pinned, Deadline deadline) throws IOException {
        String host = pinned == null ? target.host() // URI.getHost keeps an IPv6 literal's brackets
                : pinned instanceof java.net.Inet6Address ? "[" + pinned.getHostAddress() + "]" : pinned.getHostAddress();
        String authority = host + ":" + target.port();
        byte[] head = ("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] connect = Arrays.copyOf(head, head.length + proxyAuthorization.length + 2);
        System.arraycopy(proxyAuthorization, 0, connect, head.length, proxyAuthorization.length);
        connect[connect.length - 2] = '\r';
        connect[connect.length - 1] = '\n';
        var proxyConnection = new Http1Connection(raw, raw, watchdog);
        proxyConnection.begin(deadline);
        proxyConnection.write(connect);
        ResponseHead answer = ResponseHead.read(proxyConnection);
        if (answer.status() == 407) throw new ConnectException("proxy refused the credentials (407)");
        if (answer.status() / 100 != 2) throw new ConnectException("proxy answered " + answer.status() + " to CONNECT " + authority);
        if (!proxyConnection.isClean()) throw new java.net.ProtocolException("proxy sent bytes after its CONNECT answer");
    }

    private Socket tls(Socket raw, Target target, Deadline deadline) throws IOException {
        String host = target.host().startsWith("[") ? target.host().substring(1, target.host().length() - 1) : target.host();
        var socket = (SSLSocket) tlsFactory().createSocket(raw, host, target.port(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setApplicationProtocols(new String[] {"http/1.1"});
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(deadline.remainingMillis());
        socket.startHandshake();
        return socket;
    }

    /** Made on the first https:// request: loading the trust store is start-up that http:// crawls never need. */
    private SSLSocketFactory tlsFactory() throws IOException {
        SSLSocketFactory made = tls;
        if (made != null) return made;
        try {
            made = (settings.tls() != null ? settings.tls() : SSLContext.getDefault()).getSocketFactory();
        } catch (NoSuchAlgorithmException e) {
            throw new javax.net.ssl.SSLException("no TLS: " + e.getMessage(), e);
        }
        tls = made;
        return made;
    }

    private byte[] request(Target target, List<Header> requestHeaders) {
        var head = new StringBuilder("GET ").append(target.requestTarget()).append(" HTTP/1.1\r\nHost: ")
                .append(target.hostHeader()).append("\r\n");
        for (Header h : requestHeaders) {
            if (!ResponseHead.clean(h.value()).equals(h.value())) throw new IllegalArgumentException("control character in " + h.name());
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        byte[] line = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] auth = target.viaHttpProxy() ? proxyAuthorization : new byte[0];
        byte[] request = Arrays.copyOf(line, line.length + auth.length + fixedHeaders.length);
        System.arraycopy(auth, 0, request, line.length, auth.length);
        System.arraycopy(fixedHeaders, 0, request, line.length + auth.length, fixedHeaders.length);
        return request;
    }

    int idleConnections() {
        return pool.idleCount();
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * Where a request goes and what its first lines say. origin keys the pool. viaHttpProxy: the request line
     * carries the absolute URI (http:// through an HTTP proxy).
     */
    record Target(boolean secure, String host, int port, String origin, String hostHeader, String requestTarget,
                  boolean viaHttpProxy) {
        static Target of(URI uri, boolean httpProxy) {
            if (!isAscii(uri.toString())) uri = URI.create(uri.toASCIIString());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) throw new IllegalArgumentException("not http(s): " + uri);
            boolean secure = scheme.equals("https");
            String host = uri.getHost();
            if (host == null || host.isEmpty()) throw new IllegalArgumentException("no host in " + uri);
            int defaultPort = secure ? 443 : 80;
            int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
            if (port < 1 || port > 65535) throw new IllegalArgumentException("bad port in " + uri);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            String hostHeader = port == defaultPort ? host : host + ":" + port;
            boolean absolute = httpProxy && !secure;
            return new Target(secure, host, port, scheme + "://" + hostHeader, hostHeader,
                    absolute ? "http://" + hostHeader + target : target, absolute);
        }

        private static boolean isAscii(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) > 0x7e) return false;
            }
            return true;
        }
    }
}
