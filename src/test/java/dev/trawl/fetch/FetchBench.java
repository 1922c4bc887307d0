package dev.trawl.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: measures what {@link Fetcher#get} costs. Fetches every URL of the benchmark site with 64 virtual
 * threads, three rounds unless told otherwise, and prints requests/s and microseconds of process CPU per request.
 *
 * <pre>
 * BENCH_TMP=/tmp/trawl-bench bash ../shared/bench/serve.sh start /tmp/trawl-bench/site-20000
 * java -cp target/classes:target/test-classes dev.trawl.fetch.FetchBench [SITE_DIR] [BASE_URL] [THREADS] [ROUNDS]
 * </pre>
 */
public final class FetchBench {
    private FetchBench() {}

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args.length > 0 ? args[0] : "/tmp/trawl-bench/site-20000");
        String base = args.length > 1 ? args[1] : "http://127.0.0.1:8088";
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<String> urls = urls(site, base);
        try (var fetcher = new Fetcher(new FetchSettings("trawl-bench", Duration.ofSeconds(10), 10 << 20))) {
            for (int round = 1; round <= rounds; round++) {
                long cpu0 = cpuNanos();
                long wall0 = System.nanoTime();
                var failures = new java.util.concurrent.ConcurrentHashMap<String, AtomicInteger>();
                var bytes = new AtomicLong();
                fetchAll(fetcher, urls, threads, failures, bytes);
                long wall = System.nanoTime() - wall0;
                long cpu = cpuNanos() - cpu0;
                System.out.printf("round %d: %d requests in %.2f s = %,.0f req/s, %.1f µs CPU per request, failures %s, %,d body bytes%n",
                        round, urls.size(), wall / 1e9, urls.size() / (wall / 1e9), cpu / 1e3 / urls.size(),
                        failures, bytes.get());
            }
        }
    }

    private static void fetchAll(Fetcher fetcher, List<String> urls, int threads, java.util.Map<String, AtomicInteger> failures,
                                 AtomicLong bytes) {
        var next = new AtomicInteger();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                executor.submit(() -> {
                    for (int i = next.getAndIncrement(); i < urls.size(); i = next.getAndIncrement()) {
                        switch (fetcher.get(urls.get(i), (status, type) -> status == 200)) {
                            case HttpAnswer.Response r when r.status() == 200 -> bytes.addAndGet(r.bodyLength());
                            case HttpAnswer.Response r -> count(failures, "status " + r.status());
                            case HttpAnswer.Failure f -> count(failures, f.error().code());
                        }
                    }
                    return null;
                });
            }
        }
    }

    private static void count(java.util.Map<String, AtomicInteger> failures, String what) {
        failures.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private static List<String> urls(Path site, String base) throws IOException {
        return Files.readAllLines(site.resolve("urls.txt")).stream()
                .filter(line -> !line.isBlank())
                .map(path -> base + (path.startsWith("/") ? path : "/" + path))
                .toList();
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }
}
