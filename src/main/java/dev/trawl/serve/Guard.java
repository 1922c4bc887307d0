package dev.trawl.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.trawl.store.StoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The one entry of every request: only GET and HEAD (the app writes nothing, so any other method, from any origin,
 * is refused), a Host that names this server (a web page that rebinds its own DNS name to 127.0.0.1 cannot read
 * the app), a bounded request line, a bounded number of requests at work at once, and headers that keep the
 * browser from running or framing anything the app did not send itself. A view's failure is one line for the
 * client, never a stack trace.
 */
final class Guard implements HttpHandler {
    /** Requests answered at once; more wait up to {@link #QUEUE_WAIT_SECONDS}, then get a 503. */
    static final int CONCURRENT = 8;
    static final int QUEUE_WAIT_SECONDS = 10;
    /** Longer request targets are refused with 414. */
    static final int MAX_TARGET = Params.MAX_QUERY + 256;
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final Map<String, View> views;
    private final Layout layout;
    private final Set<String> hosts;
    private final Semaphore permits = new Semaphore(CONCURRENT);

    /** @param hosts the Host header values accepted, lower case; empty accepts any (the server is not on loopback) */
    Guard(Map<String, View> views, Layout layout, Set<String> hosts) {
        this.views = Map.copyOf(views);
        this.layout = layout;
        this.hosts = Set.copyOf(hosts);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response = answer(exchange);
            send(exchange, response);
        }
    }

    private Response answer(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            return Response.html(405, layout.error(405, method + " is not allowed: this app only reads"));
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (!hosts.isEmpty() && (host == null || !hosts.contains(host.toLowerCase(java.util.Locale.ROOT)))) {
            return Response.html(421, layout.error(421, "this server answers to " + String.join(" or ", hosts.stream().sorted().toList())));
        }
        String raw = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        if (raw.length() + (query == null ? 0 : query.length()) > MAX_TARGET) {
            return Response.html(414, layout.error(414, "request target longer than " + MAX_TARGET + " characters"));
        }
        View view = views.get(raw);
        if (view == null) return Response.html(404, layout.error(404, "no such page: " + raw));
        return run(view, query);
    }

    private Response run(View view, String query) {
        boolean admitted = false;
        try {
            admitted = permits.tryAcquire(QUEUE_WAIT_SECONDS, TimeUnit.SECONDS);
            if (!admitted) return Response.html(503, layout.error(503, "busy: " + CONCURRENT + " requests at work; try again"));
            return view.answer(query);
        } catch (BadRequest e) {
            return Response.html(e.status(), layout.error(e.status(), e.getMessage()));
        } catch (StoreException e) {
            return Response.html(503, layout.error(503, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.html(503, layout.error(503, "the server is stopping"));
        } catch (RuntimeException e) {
            System.getLogger("trawl").log(System.Logger.Level.DEBUG, "serve: internal error", e);
            return Response.html(500, layout.error(500, "internal error: " + e.getClass().getSimpleName()));
        } finally {
            if (admitted) permits.release();
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        headers.set("Cache-Control", response.cacheable() ? "max-age=3600" : "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), head ? -1 : response.body().length == 0 ? -1 : response.body().length);
        if (!head && response.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }
}
