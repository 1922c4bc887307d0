package dev.trawl.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bench/claims.sh: how fast the PostgreSQL frontier hands out work, without any HTTP. W workers (each a store of
 * its own: its own id, heartbeat, writer connection and host leases) claim batches from a frontier of URLS pending
 * URLs on HOSTS hosts and store each claimed URL at once as a page, until the frontier is empty. Reports claim
 * transactions per second and URLs claimed per second.
 *
 * <p>Arguments: URLS (default 100000), HOSTS (default 1000), BATCH (default 512), WORKER COUNTS (default 1,2,4).
 */
public final class ClaimBenchmark {
    private ClaimBenchmark() {}

    public static void main(String[] args) throws Exception {
        int urls = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int hosts = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        String[] counts = (args.length > 3 ? args[3] : "1,2,4").split(",");
        System.out.printf("urls=%d hosts=%d batch=%d hosts_per_worker=16 cores=%d%n", urls, hosts, batch,
                Runtime.getRuntime().availableProcessors());
        for (String count : counts) {
            try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
                run(db, urls, hosts, batch, Integer.parseInt(count.strip()));
            }
        }
    }

    private static void run(PostgresTestDatabase db, int urls, int hosts, int batch, int workers) throws Exception {
        try (PageStore seeder = Stores.open(db.url())) {
            List<FrontierEntry> entries = new ArrayList<>();
            for (int i = 0; i < urls; i++) {
                entries.add(new FrontierEntry("http://h" + (i % hosts) + ".test/" + i, 1));
                if (entries.size() == 10_000) {
                    seeder.addPending(entries);
                    entries.clear();
                }
            }
            seeder.addPending(entries);
        }
        db.execute("VACUUM ANALYZE");
        AtomicLong claims = new AtomicLong();
        AtomicLong claimed = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                done.add(pool.submit(() -> {
                    try (PageStore store = Stores.open(db.url())) {
                        store.coordination().join(new WorkerDemand(16, 1, false));
                        while (true) {
                            List<FrontierEntry> got = store.coordination().claimPending(batch);
                            claims.incrementAndGet();
                            claimed.addAndGet(got.size());
                            for (FrontierEntry e : got) store.write(TestRecords.ok(e.url(), 1));
                            if (got.isEmpty()) {
                                store.flush();
                                if (!store.coordination().hasWorkLeft(Long.MAX_VALUE)) return null;
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : done) f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("workers=%d claims=%d claims_per_s=%.0f urls_claimed=%d urls_per_s=%.0f seconds=%.1f%n",
                workers, claims.get(), claims.get() / seconds, claimed.get(), claimed.get() / seconds, seconds);
    }
}
