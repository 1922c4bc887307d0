package dev.trawl.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostBudgetTest {
    /** A ledger like the store's: one count per host, never past the limit. */
    private static final class CountingLedger implements HostBudget.Ledger {
        final Map<String, Long> admitted = new HashMap<>();
        final List<String> requests = new ArrayList<>();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public synchronized long reserve(String host, long wanted, long limit) {
            calls.incrementAndGet();
            requests.add(host + ":" + wanted);
            long have = admitted.getOrDefault(host, 0L);
            long granted = Math.max(0, Math.min(wanted, limit - have));
            admitted.put(host, have + granted);
            return granted;
        }

        @Override
        public synchronized void giveBack(Map<String, Long> unused) {
            unused.forEach((host, n) -> admitted.merge(host, -n, Long::sum));
        }
    }

    @Test
    void admitsExactlyTheLimitPerHost() throws Exception {
        var ledger = new CountingLedger();
        var budget = new HostBudget(1000, ledger);
        int a = 0;
        int b = 0;
        for (int i = 0; i < 5000; i++) {
            if (budget.tryAdmit("a")) a++;
            if (i < 10 && budget.tryAdmit("b")) b++;
        }
        assertThat(a).isEqualTo(1000);
        assertThat(b).isEqualTo(10);
        assertThat(ledger.requests).as("chunks grow from 64, so the store is asked rarely")
                .startsWith("a:64", "b:64", "a:128", "a:256");
        assertThat(ledger.calls.get()).isLessThan(12);
    }

    @Test
    void unusedAllowanceGoesBackOnClose() throws Exception {
        var ledger = new CountingLedger();
        try (var budget = new HostBudget(1000, ledger)) {
            for (int i = 0; i < 10; i++) budget.tryAdmit("a");
            assertThat(ledger.admitted.get("a")).isEqualTo(64);
        }
        assertThat(ledger.admitted.get("a")).as("what a resume sees").isEqualTo(10);
    }

    @Test
    void twoProcessesOnOneLedgerNeverPassTheLimit() throws Exception {
        var ledger = new CountingLedger();
        var one = new HostBudget(300, ledger);
        var two = new HostBudget(300, ledger);
        int admitted = 0;
        for (int i = 0; i < 1000; i++) {
            if (one.tryAdmit("h")) admitted++;
            if (two.tryAdmit("h")) admitted++;
        }
        assertThat(admitted).isEqualTo(300);
    }

    @Test
    void zeroMeansNoLimitAndNoLedger() throws Exception {
        var ledger = new CountingLedger();
        var budget = new HostBudget(0, ledger);
        for (int i = 0; i < 100; i++) assertThat(budget.tryAdmit("h")).isTrue();
        assertThat(ledger.calls.get()).isZero();
    }
}
