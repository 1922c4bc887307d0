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
 * deadline, reset the connection, or answer; the JVM's threads and open sockets are counted during and after.
 */
class TransportLeakTest {
    private static final int REQUESTS = 600;

    @Test
    void stallingAndResettingPagesLeaveNoThreadsOrSocketsBehind() throws Exception {
        long socketsBefore = openSockets();
        int threadsBefore = Thread.activeCount();
        var outcomes = new ConcurrentHashMap<String, AtomicInteger>();
        var peakSockets = new LongAccumulator(Math::max, 0);
        var peakThreads = new LongAccumulator(Math::max, 0);
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
            var permits = new Semaphore(64);
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < REQUESTS; i++) {
                    permits.acquire();
                    String url = server.url("/p" + i);
                    threads.submit(() -> {
                        try {
                            String outcome = switch (fetcher.get(url, (s, t) -> true)) {
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
                        peakSockets.accumulate(clientSockets(server.port()));
                        peakThreads.accumulate(Thread.activeCount());
                    }
                }
            }
            assertThat(outcomes.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(REQUESTS);
            assertThat(outcomes).containsKeys("timeout", "status 200");
            assertThat(count(outcomes, "timeout") + count(outcomes, "reset") + count(outcomes, "status 200")).isEqualTo(REQUESTS);
        }
        // the server's own stalled handlers end within their 2 s sleep; the client's sockets are closed already
        long deadline = System.nanoTime() + 5_000_000_000L;
        while ((openSockets() > socketsBefore + 2 || Thread.activeCount() > threadsBefore + 2) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        System.out.printf("TransportLeakTest: %s; peak client sockets %d, peak platform threads %d; after: sockets %d (before %d), threads %d (before %d)%n",
                outcomes, peakSockets.get(), peakThreads.get(), openSockets(), socketsBefore, Thread.activeCount(), threadsBefore);
        assertThat(openSockets()).as("open sockets after").isLessThanOrEqualTo(socketsBefore + 2);
        assertThat(Thread.activeCount()).as("platform threads after").isLessThanOrEqualTo(threadsBefore + 2);
        assertThat(peakSockets.get()).as("client sockets during: one per request in flight and the idle pool").isLessThanOrEqualTo(64 + 64);
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
