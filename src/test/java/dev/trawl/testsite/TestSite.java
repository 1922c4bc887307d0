package dev.trawl.testsite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on 127.0.0.1 and a port the system picks, with named routes for hostile behaviours.
 * It counts what the crawler did to it: requests per path, request starts, and the most requests it saw in
 * flight at once.
 */
public final class TestSite implements AutoCloseable {
    /**
     * A request stops counting as in flight when its response starts (see {@link #send}): a fast client can
     * have the whole response and send its next request before this handler's thread gets round to returning.
     */
    private static final Map<HttpExchange, Runnable> LEAVE_IN_FLIGHT = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    /** Routes for every path under a prefix (trap sites that make up their URLs), longest prefix first. */
    private final java.util.NavigableMap<String, HttpHandler> prefixes = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** Every request-target as the request line carried it, in arrival order. */
    private final List<String> requestTargets = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Long> startNanos = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private TestSite(HttpServer server) {
        this.server = server;
    }

    public static TestSite start() throws IOException {
        return start(InetAddress.getLoopbackAddress());
    }

    /**
     * A site on another loopback address, e.g. 127.0.0.2: on Linux all of 127.0.0.0/8 is loopback, so sites on
     * different addresses are different hosts to a crawler (its per-host limits and host leases), with no DNS.
     */
    public static TestSite start(InetAddress address) throws IOException {
        return serve(HttpServer.create(new InetSocketAddress(address, 0), 512));
    }

    /** The same site over TLS (HTTP/1.1; the JDK server has no HTTP/2), with the given server key and certificate. */
    public static TestSite startTls(javax.net.ssl.SSLContext tls) throws IOException {
        var server = com.sun.net.httpserver.HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
        return serve(server);
    }

    private static TestSite serve(HttpServer server) {
        var site = new TestSite(server);
        server.createContext("/", site::dispatch);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return site;
    }

    public String url(String path) {
        String scheme = server instanceof com.sun.net.httpserver.HttpsServer ? "https://" : "http://";
        return scheme + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String key = query == null ? path : path + "?" + query;
        hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        requestTargets.add(exchange.getRequestURI().toString()); // the JDK server parses the request line verbatim
        startNanos.add(System.nanoTime());
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        var counted = new AtomicBoolean(true);
        Runnable leave = () -> {
            if (counted.getAndSet(false)) inFlight.decrementAndGet();
        };
        // Not HttpExchange.setAttribute: the JDK server keeps those per context, shared by concurrent exchanges.
        LEAVE_IN_FLIGHT.put(exchange, leave);
        try (exchange) {
            HttpHandler handler = routes.get(path);
            if (handler == null) handler = prefixHandler(path);
            if (handler == null) send(exchange, 404, "text/html", "<title>Not found</title>");
            else handler.handle(exchange);
        } catch (IOException clientWentAway) {
            // a client that hangs up is part of the tests
        } finally {
            leave.run();
            LEAVE_IN_FLIGHT.remove(exchange);
        }
    }

    // --- routes ------------------------------------------------------------------------------------------

    private HttpHandler prefixHandler(String path) {
        for (var entry : prefixes.descendingMap().entrySet()) {
            if (path.startsWith(entry.getKey())) return entry.getValue();
        }
        return null;
    }

    /** Serves every path that starts with prefix (and has no route of its own). */
    public TestSite prefix(String prefix, HttpHandler handler) {
        prefixes.put(prefix, handler);
        return this;
    }

    public TestSite route(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    public TestSite html(String path, String html) {
        return route(path, ex -> send(ex, 200, "text/html; charset=utf-8", html));
    }

    /** A page whose body is {@code <title>title</title>} and links to each href. */
    public TestSite page(String path, String title, String... hrefs) {
        var html = new StringBuilder("<!doctype html><html><head><title>").append(title).append("</title></head><body>");
        for (String href : hrefs) html.append("<a href=\"").append(href).append("\">").append(href).append("</a>\n");
        return html(path, html.append("</body></html>").toString());
    }

    public TestSite bytes(String path, int status, String contentType, byte[] body) {
        return route(path, ex -> send(ex, status, contentType, body));
    }

    public TestSite redirect(String path, int status, String location) {
        return route(path, ex -> {
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(status, -1);
        });
    }

    /** Answers the given statuses in turn (the last one for ever after), e.g. 503 then 200. */
    public TestSite sequence(String path, String html, int... statuses) {
        var calls = new AtomicInteger();
        return route(path, ex -> {
            int status = statuses[Math.min(calls.getAndIncrement(), statuses.length - 1)];
            send(ex, status, "text/html", status == 200 ? html : "<title>busy</title>");
        });
    }

    public TestSite retryAfter(String path, int status, String retryAfter, int failures, String html) {
        var calls = new AtomicInteger();
        return route(path, ex -> {
            if (calls.getAndIncrement() < failures) {
                ex.getResponseHeaders().set("Retry-After", retryAfter);
                send(ex, status, "text/plain", "slow down");
            } else {
                send(ex, 200, "text/html", html);
            }
        });
    }

    /** Sends headers and the first bytes, then a byte every {@code gapMillis}: a body that never really arrives. */
    public TestSite trickle(String path, int totalBytes, long gapMillis) {
        return route(path, ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, totalBytes);
            OutputStream out = ex.getResponseBody();
            try {
                for (int i = 0; i < totalBytes; i++) {
                    out.write(i == 0 ? '<' : ' ');
                    out.flush();
                    Thread.sleep(gapMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Waits before answering, to keep requests in flight. */
    public TestSite slowPage(String path, long millis, String html) {
        return route(path, ex -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "text/html", html);
        });
    }

    /** Promises a long body, sends a little, then drops the connection. */
    public TestSite cutOff(String path) {
        return route(path, ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 100_000);
            ex.getResponseBody().write("<html><title>cut".getBytes(StandardCharsets.US_ASCII));
            ex.getResponseBody().flush();
            throw new IOException("dropping the connection on purpose");
        });
    }

    public TestSite gzipped(String path, String html) {
        return route(path, ex -> {
            var buffer = new java.io.ByteArrayOutputStream();
            try (var gz = new GZIPOutputStream(buffer)) {
                gz.write(html.getBytes(StandardCharsets.UTF_8));
            }
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            send(ex, 200, "text/html; charset=utf-8", buffer.toByteArray());
        });
    }

    public TestSite encoded(String path, String contentType, String html, Charset charset) {
        return bytes(path, 200, contentType, html.getBytes(charset));
    }

    // --- what the crawler did ------------------------------------------------------------------------------

    public int hits(String pathAndQuery) {
        AtomicInteger n = hits.get(pathAndQuery);
        return n == null ? 0 : n.get();
    }

    public Map<String, Integer> allHits() {
        var copy = new java.util.TreeMap<String, Integer>();
        hits.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Request-targets (path and query) exactly as the request lines carried them, in arrival order. */
    public List<String> requestTargets() {
        return List.copyOf(requestTargets);
    }

    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    /** Requests received and not answered yet. */
    public int requestsInFlight() {
        return inFlight.get();
    }

    public List<Long> requestStartNanos() {
        return List.copyOf(startNanos);
    }

    public static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    public static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        Runnable leave = LEAVE_IN_FLIGHT.get(ex);
        if (leave != null) leave.run();
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
