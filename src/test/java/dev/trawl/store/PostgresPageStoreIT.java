package dev.trawl.store;

import dev.trawl.crawl.StoreLedger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.frontier.HostBudget;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract on a fresh PostgreSQL database per test (skipped when no server answers). */
class PostgresPageStoreIT extends PageStoreContractTest {
    @RegisterExtension final PostgresTestDatabase db = PostgresTestDatabase.perTest();

    @Override
    String target() {
        return db.url();
    }

    @Override
    Dialect dialect() {
        return Dialect.POSTGRES;
    }

    @Override
    String scalar(String sql) throws SQLException {
        return db.scalar(sql);
    }

    @Override
    void execute(String sql) throws SQLException {
        db.execute(sql);
    }

    /** --max-pages-per-host on a shared frontier: two workers admitting at once never pass the limit together. */
    @Test
    void twoWorkersAdmittingAtOnceShareOneHostBudget() throws Exception {
        try (PageStore one = open(); PageStore two = open()) {
            var budgets = List.of(new HostBudget(500, new StoreLedger(one)), new HostBudget(500, new StoreLedger(two)));
            var admitted = new AtomicInteger();
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    HostBudget budget = budgets.get(t % 2);
                    runs.add(pool.submit(() -> {
                        for (int i = 0; i < 400; i++) if (budget.tryAdmit("a.example")) admitted.incrementAndGet();
                        return null;
                    }));
                }
                for (Future<?> run : runs) run.get();
            }
            budgets.forEach(HostBudget::close);
            assertThat(admitted.get()).isEqualTo(500);
            assertThat(db.scalar("SELECT admitted FROM host_budget WHERE host = 'a.example'")).isEqualTo("500");
        }
    }

    @Test
    void linksAreJsonForPostgresToo() throws Exception {
        try (PageStore store = open()) {
            store.write(TestRecords.ok("https://a.example/", 0, java.util.List.of("https://b.example/\"q\""),
                    java.util.List.of()));
        }
        assertThat(scalar("SELECT json_array_elements_text(targets::json) FROM links")).isEqualTo("https://b.example/\"q\"");
    }
}
