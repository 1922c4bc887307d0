package dev.trawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import org.junit.jupiter.api.Test;

/**
 * No thread or socket outlives its request: 600 requests, 64 at a time, to a server whose pages stall past the
 * deadline, reset the connection, or answer; the JVM's threads and open sockets are counted during and after. The
 * --http2 path the same way against an HTTP/2 server.
 */
class TransportLeakTest {
    private static final int REQUESTS = 600;

    @Test
    void stallingAndResettingPagesLeaveNoThreadsOrSocketsBehind() throws Exception {
        var before = Baseline.now();
        Hammered run;
        try (var server = WireServer.start(ex -> {
                 switch (ex.number() % 3) {
                     case 0 -> Thread.sleep(2_000); // stalls past the 300 ms deadline
                     case 1 -> {
                         ex.socket().setSoLinger(true, 0); // RST instead of FIN
                         ex.close();
                     }
                     default -> ex.send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                 }
             });
             var fetcher = new Fetcher(new FetchSettings("trawl-test", Duration.ofMillis(300), 1 << 20))) {
            run = hammer(fetcher, server::url, server.port(), REQUESTS);
            assertThat(run.outcomes()).containsKeys("timeout", "status 200");
            assertThat(count(run.outcomes(), "timeout") + count(run.outcomes(), "reset") + count(run.outcomes(), "status 200"))
                    .isEqualTo(REQUESTS);
        }
        // the server's own stalled handlers end within their 2 s sleep; the client's sockets are closed already
        before.assertRestored("TransportLeakTest", run);
    }

    /**
     * The same on the --http2 path (Jetty's client and its thread pool) against Jetty's HTTP/2 server: pages that stall
     * past the deadline (the stream is reset), fail (500), or answer; 300 requests, 64 at a time, after one that opens
     * the connection (a crawl starts with one seed too: 64 TLS handshakes at once on a loaded 2-core machine took longer
     * than the deadline, and every request timed out).
     */
    @Test
    void theHttp2PathLeavesNoThreadsOrSocketsBehindEither() throws Exception {
        var before = Baseline.now();
        Hammered run;
        try (var server = new H2Server((request, response, callback) -> {
                 int n = Integer.parseInt(request.getHttpURI().getPath().substring(2));
                 switch (n % 3) {
                     case 0 -> { } // never answered: stalls past the 500 ms deadline
                     case 1 -> callback.failed(new IllegalStateException("planted failure"));
                     default -> response.write(true, java.nio.ByteBuffer.wrap(new byte[] {'o', 'k'}), callback);
                 }
             });
             var fetcher = new Fetcher(new FetchSettings("trawl-test", Duration.ofMillis(500), 1 << 20, java.util.List.of(),
                     null, true, java.util.Set.of(), Resolver.SYSTEM, TestTls.client(), true))) {
            for (int i = 0; i < 20 && !(fetcher.get(server.url("/p2"), (s, t) -> true) instanceof HttpAnswer.Response); i++) {
                // until the connection is up
            }
            run = hammer(fetcher, server::url, server.port(), REQUESTS / 2);
            assertThat(count(run.outcomes(), "timeout")).as("every stalled page, and any other the loaded machine made late")
                    .isGreaterThanOrEqualTo(REQUESTS / 6);
            assertThat(run.outcomes()).containsKeys("status 200", "status 500");
            assertThat(count(run.outcomes(), "timeout") + count(run.outcomes(), "status 500") + count(run.outcomes(), "status 200"))
                    .isEqualTo(REQUESTS / 2);
        }
        before.assertRestored("TransportLeakTest (--http2)", run);
    }

    private record Hammered(Map<String, AtomicInteger> outcomes, long peakSockets, long peakThreads) {}

    /** Sends requests GETs, 64 at a time, to url("/p" + i); counts outcomes and samples sockets and threads. */
    private static Hammered hammer(Fetcher fetcher, java.util.function.Function<String, String> url, int port, int requests)
            throws Exception {
        var outcomes = new ConcurrentHashMap<String, AtomicInteger>();
        var peakSockets = new LongAccumulator(Math::max, 0);
        var peakThreads = new LongAccumulator(Math::max, 0);
        var permits = new Semaphore(64);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                permits.acquire();
                String target = url.apply("/p" + i);
                threads.submit(() -> {
                    try {
                        String outcome = switch (fetcher.get(target, (s, t) -> true)) {
                            case HttpAnswer.Response r -> "status " + r.status();
                            case HttpAnswer.Failure f -> f.error().code();
                        };
                        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    } finally {
                        permits.release();
                    }
                    return null;
                });
                if (i % 50 == 0) {
                    peakSockets.accumulate(clientSockets(port));
                    peakThreads.accumulate(Thread.activeCount());
                }
            }
        }
        assertThat(outcomes.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(requests);
        assertThat(peakSockets.get()).as("client sockets during: one per request in flight and the idle pool")
                .isLessThanOrEqualTo(64 + 64);
        return new Hammered(outcomes, peakSockets.get(), peakThreads.get());
    }

    /** Open sockets and live threads before a run, and the check that both come back to it afterwards. */
    private record Baseline(long sockets, int threads) {
        static Baseline now() throws IOException {
            return new Baseline(openSockets(), Thread.activeCount());
        }

        void assertRestored(String name, Hammered run) throws Exception {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while ((openSockets() > sockets + 2 || Thread.activeCount() > threads + 2) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            System.out.printf("%s: %s; peak client sockets %d, peak platform threads %d; after: sockets %d (before %d), threads %d (before %d)%n",
                    name, run.outcomes(), run.peakSockets(), run.peakThreads(), openSockets(), sockets, Thread.activeCount(), threads);
            assertThat(openSockets()).as("open sockets after").isLessThanOrEqualTo(sockets + 2);
            assertThat(Thread.activeCount()).as("platform threads after").isLessThanOrEqualTo(threads + 2);
        }
    }

    private static int count(Map<String, AtomicInteger> outcomes, String key) {
        var n = outcomes.get(key);
        return n == null ? 0 : n.get();
    }

    /** This process's sockets connected to port on 127.0.0.1 (the client ends), from /proc/net/tcp and the fds. */
    private static long clientSockets(int port) throws IOException {
        var inodes = new java.util.HashSet<String>();
        String remote = String.format(":%04X", port);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[2].endsWith(remote)) inodes.add(f[9]);
            }
        }
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    String link = Files.readSymbolicLink(fd).toString();
                    return link.startsWith("socket:[") && inodes.contains(link.substring(8, link.length() - 1));
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }

    /** File descriptors of this process that are sockets. */
    private static long openSockets() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }
}
