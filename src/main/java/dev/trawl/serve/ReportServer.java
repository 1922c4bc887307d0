package dev.trawl.serve;

import com.sun.net.httpserver.HttpServer;
import dev.trawl.stats.RunDirectory;
import dev.trawl.store.ReadOnlyDatabase;
import dev.trawl.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * `trawl serve`: a read-only web app over one crawl's database — overview, live counters, the pages table, one
 * page's detail, errors — on the JDK's HTTP server. Each request runs on a virtual thread; at most
 * {@link Guard#CONCURRENT} are at work at once. Bound to loopback unless told otherwise.
 */
public final class ReportServer implements AutoCloseable {
    private static final int BACKLOG = 64;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ReadOnlyDatabase db;

    private ReportServer(HttpServer server, ExecutorService executor, ReadOnlyDatabase db) {
        this.server = server;
        this.executor = executor;
        this.db = db;
    }

    /**
     * Opens the database read-only and starts serving.
     *
     * @param target  the --db target (SQLite file or PostgreSQL URL)
     * @param address where to listen; port 0 picks a free one
     * @param runDir  where crawl processes publish their live counters (see {@link RunDirectory#resolve})
     * @throws dev.trawl.store.StoreException when the database cannot be opened
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static ReportServer start(String target, InetSocketAddress address, Path runDir) {
        ReadOnlyDatabase db = ReadOnlyDatabase.open(target);
        try {
            HttpServer server = HttpServer.create(address, BACKLOG);
            ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("trawl-serve-", 0).factory());
            server.setExecutor(executor);
            var queries = new ReportQueries(db);
            var layout = new Layout(db.display());
            int port = server.getAddress().getPort();
            server.createContext("/", new Guard(views(queries, layout, target, runDir), layout, hosts(address, port)));
            server.start();
            return new ReportServer(server, executor, db);
        } catch (IOException e) {
            db.close();
            throw new UncheckedIOException("cannot listen on " + address.getHostString() + ":" + address.getPort() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static Map<String, View> views(ReportQueries queries, Layout layout, String target, Path runDir) {
        var live = new LiveView(runDir, RunDirectory.crawlId(target), layout);
        Map<String, View> views = new LinkedHashMap<>();
        views.put("/", new OverviewView(queries, layout));
        views.put("/live", live.page());
        views.put("/api/live", live.json());
        views.put("/pages", new PagesView(queries, layout));
        views.put("/page", new PageView(queries, layout));
        views.put("/errors", new ErrorsView(queries, layout, Stores.display(target)));
        views.put("/static/style.css", StaticView.of("style.css", "text/css; charset=utf-8"));
        views.put("/static/live.js", StaticView.of("live.js", "text/javascript; charset=utf-8"));
        views.put("/static/icon.svg", StaticView.of("icon.svg", "image/svg+xml"));
        return views;
    }

    /**
     * The Host values a loopback server answers to: a page on another site whose DNS name is made to point at
     * 127.0.0.1 sends its own name, and is refused. A server bound elsewhere has been told to be reachable by
     * whatever name the network gives it, and accepts any.
     */
    private static Set<String> hosts(InetSocketAddress address, int port) {
        if (!address.getAddress().isLoopbackAddress()) return Set.of();
        return new java.util.HashSet<>(java.util.List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port,
                address.getHostString().toLowerCase(java.util.Locale.ROOT) + ":" + port));
    }

    /** Whether an address is on this machine only. */
    public static boolean isLoopback(InetSocketAddress address) {
        return address.getAddress() != null && address.getAddress().isLoopbackAddress();
    }

    /** The app's root, e.g. http://127.0.0.1:8080/. */
    public URI url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /** Stops listening, lets requests at work finish (up to a second) and closes the database. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
        db.close();
    }
}
