package dev.trawl.stats;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a crawl's counters at {@code http://127.0.0.1:PORT/metrics} in the Prometheus text format, for
 * those who scrape their crawlers. Loopback only: counters are nobody else's business.
 */
public final class MetricsServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0: any free port) and records the port in the counters.
     *
     * @throws UncheckedIOException "cannot serve metrics on 127.0.0.1:PORT: reason" when the port is taken
     */
    public static MetricsServer start(int port, CrawlStats stats, String crawlId) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        long pid = ProcessHandle.current().pid();
        long startMillis = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
        server.createContext("/metrics", ex -> answer(ex, PrometheusText.render(stats.snapshot(), crawlId, pid, startMillis)));
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("trawl-metrics").unstarted(r));
        server.setExecutor(executor);
        server.start();
        var metrics = new MetricsServer(server, executor);
        stats.metricsPort(metrics.port());
        return metrics;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange ex, String body) throws IOException {
        try (ex) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", PrometheusText.CONTENT_TYPE);
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
