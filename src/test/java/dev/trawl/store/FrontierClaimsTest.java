package dev.trawl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pending → claimed → done: each URL is handed out once, and claims of a dead process come back. */
class FrontierClaimsTest {
    @TempDir Path dir;

    private static List<FrontierEntry> entries(int from, int to) {
        List<FrontierEntry> list = new ArrayList<>();
        for (int i = from; i < to; i++) list.add(new FrontierEntry("http://a.test/" + i, 1));
        return list;
    }

    private static List<String> urls(List<FrontierEntry> entries) {
        return entries.stream().map(FrontierEntry::url).toList();
    }

    @Test
    void claimsHandOutPendingUrlsOnceInDiscoveryOrder() throws Exception {
        try (PageStore store = Stores.open(dir.resolve("c.db").toString())) {
            store.addPending(entries(0, 10));

            List<FrontierEntry> first = store.claimPending(4);
            List<FrontierEntry> second = store.claimPending(100);

            assertThat(urls(first)).containsExactlyElementsOf(urls(entries(0, 4)));
            assertThat(urls(second)).containsExactlyElementsOf(urls(entries(4, 10)));
            assertThat(store.claimPending(100)).isEmpty();
        }
    }

    @Test
    void discoveriesBecomeClaimableOnceCommittedAndDoneUrlsNeverReturn() throws Exception {
        try (PageStore store = Stores.open(dir.resolve("c.db").toString())) {
            store.addPending(entries(0, 1));
            FrontierEntry seed = store.claimPending(10).getFirst();

            store.write(TestRecords.ok(seed.url(), 0, List.of(), entries(1, 4)));
            store.flush();

            assertThat(urls(store.claimPending(10))).containsExactlyElementsOf(urls(entries(1, 4)));
            store.releaseStaleClaims();
            assertThat(urls(store.claimPending(10))).as("released claims come back, the done seed does not")
                    .containsExactlyElementsOf(urls(entries(1, 4)));
        }
    }

    @Test
    void claimsSurviveReopeningUntilReleased() throws Exception {
        String db = dir.resolve("c.db").toString();
        try (PageStore store = Stores.open(db)) {
            store.addPending(entries(0, 5));
            assertThat(store.claimPending(3)).hasSize(3);
        }
        try (PageStore store = Stores.open(db)) {
            assertThat(urls(store.claimPending(10))).containsExactlyElementsOf(urls(entries(3, 5)));
            store.releaseStaleClaims();
            assertThat(store.claimPending(10)).hasSize(5);
        }
    }

    @Test
    void concurrentClaimersNeverGetTheSameUrl() throws Exception {
        try (PageStore store = Stores.open(dir.resolve("c.db").toString())) {
            store.addPending(entries(0, 5000));
            Set<String> claimed = ConcurrentHashMap.newKeySet();
            var duplicates = new HashSet<String>();
            try (var pool = Executors.newFixedThreadPool(8)) {
                for (int t = 0; t < 8; t++) {
                    pool.execute(() -> {
                        try {
                            List<FrontierEntry> batch;
                            while (!(batch = store.claimPending(37)).isEmpty()) {
                                for (FrontierEntry e : batch) {
                                    if (!claimed.add(e.url())) {
                                        synchronized (duplicates) {
                                            duplicates.add(e.url());
                                        }
                                    }
                                }
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
            }
            assertThat(duplicates).isEmpty();
            assertThat(claimed).hasSize(5000);
        }
    }
}
