package dev.trawl.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * A small website on a free loopback port, for `trawl demo`: generated pages that link to each other, a
 * robots.txt that keeps crawlers out of /private/, a redirect, a broken link and a slow page. Same pages
 * every run.
 */
public final class DemoSite implements AutoCloseable {
    private static final int LINKS_PER_PAGE = 8;
    private final HttpServer server;
    private final int pages;
    private final Duration slowPageDelay;

    private DemoSite(HttpServer server, int pages, Duration slowPageDelay) {
        this.server = server;
        this.pages = pages;
        this.slowPageDelay = slowPageDelay;
    }

    /** Starts serving {@code pages} generated pages on 127.0.0.1 and a port the system picks. */
    public static DemoSite start(int pages) throws IOException {
        return start(pages, Duration.ofMillis(1500));
    }

    /** As {@link #start(int)}, with the slow page taking {@code slowPageDelay}. */
    public static DemoSite start(int pages, Duration slowPageDelay) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        var site = new DemoSite(server, pages, slowPageDelay);
        server.createContext("/", site::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return site;
    }

    /** The site's root URL, e.g. http://127.0.0.1:41234/. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/robots.txt" -> send(exchange, 200, "text/plain", "User-agent: *\nDisallow: /private/\n");
                case "/old-home" -> redirect(exchange, "/");
                case "/slow" -> slow(exchange);
                case "/" -> send(exchange, 200, "text/html; charset=utf-8", page(0));
                default -> pageOrMissing(exchange, path);
            }
        }
    }

    private void pageOrMissing(HttpExchange exchange, String path) throws IOException {
        if (path.startsWith("/page/") && path.endsWith(".html")) {
            try {
                int n = Integer.parseInt(path.substring(6, path.length() - 5));
                if (n >= 0 && n < pages) {
                    send(exchange, 200, "text/html; charset=utf-8", page(n));
                    return;
                }
            } catch (NumberFormatException notAPage) {
                // falls through to 404
            }
        }
        send(exchange, 404, "text/html", "<!doctype html><title>Not found</title><h1>404</h1>");
    }

    /** Page n links to a few pages spread over the site, so the whole site is reachable from page 0. */
    private String page(int n) {
        var html = new StringBuilder(2048)
                .append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Demo page ").append(n)
                .append("</title><meta name=\"description\" content=\"Page ").append(n).append(" of the trawl demo site\"></head><body>")
                .append("<h1>Demo page ").append(n).append("</h1><ul>");
        for (int i = 1; i <= LINKS_PER_PAGE; i++) {
            int target = (int) ((n * 7L + i * i * 13L + (i == 1 ? 1 - n * 7L : 0)) % pages);
            if (i == 1) target = (n + 1) % pages; // a chain through every page guarantees reachability
            html.append("<li><a href=\"/page/").append(target).append(".html#s").append(i).append("\">page ").append(target).append("</a>");
        }
        html.append("</ul>");
        if (n == 0) {
            html.append("<p><a href=\"/old-home\">old home (redirects)</a> <a href=\"/missing.html\">a broken link</a> ")
                    .append("<a href=\"/slow\">a slow page</a> <a href=\"/private/secret.html\">kept out by robots.txt</a> ")
                    .append("<a href=\"mailto:demo@example.invalid\">mail</a> <a href=\"https://example.invalid/\">elsewhere</a></p>");
        }
        return html.append("</body></html>").toString();
    }

    private void slow(HttpExchange exchange) throws IOException {
        try {
            Thread.sleep(slowPageDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        send(exchange, 200, "text/html; charset=utf-8", "<!doctype html><title>Slow page</title><p>Worth the wait.");
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(301, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
