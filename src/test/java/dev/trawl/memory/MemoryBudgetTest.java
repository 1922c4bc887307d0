package dev.trawl.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    @Test
    void aPageNeverPassesItsShare() throws Exception {
        var budget = new MemoryBudget(100, 40, Duration.ofSeconds(5));
        try (var claim = budget.open()) {
            claim.reserve(30);
            assertThatThrownBy(() -> claim.reserve(11))
                    .isInstanceOfSatisfying(MemoryBudget.OverBudgetException.class, e -> assertThat(e.pageShare()).isTrue());
            assertThat(claim.held()).isEqualTo(30);
        }
        assertThat(budget.used()).isZero();
        assertThat(budget.refused()).isEqualTo(1);
    }

    @Test
    void aReservationWaitsUntilAnotherPageReleases() throws Exception {
        var budget = new MemoryBudget(100, 60, Duration.ofSeconds(10));
        var first = budget.open();
        first.reserve(60);
        var second = budget.open();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                second.reserve(50);
            } catch (MemoryBudget.OverBudgetException e) {
                throw new AssertionError(e);
            }
        });
        Thread.sleep(200);
        assertThat(waiting).isNotDone();
        first.close();
        waiting.get(5, TimeUnit.SECONDS);
        assertThat(budget.used()).isEqualTo(50);
        assertThat(budget.peak()).isEqualTo(60);
        second.close();
    }

    @Test
    void aWaitEndsAtMaxWaitWithAnErrorNotAnAllocation() throws Exception {
        var budget = new MemoryBudget(100, 100, Duration.ofMillis(200));
        var holder = budget.open();
        holder.reserve(90);
        var late = budget.open();
        long start = System.nanoTime();
        assertThatThrownBy(() -> late.reserve(20))
                .isInstanceOfSatisfying(MemoryBudget.OverBudgetException.class, e -> assertThat(e.pageShare()).isFalse());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
        assertThat(late.held()).isZero();
        assertThat(budget.used()).isEqualTo(90);
    }

    /** Two pages that each hold bytes and both wait for more would wait for ever: the last to wait goes through. */
    @Test
    void holdersThatAllWaitDoNotDeadlock() throws Exception {
        var budget = new MemoryBudget(100, 80, Duration.ofSeconds(30));
        var a = budget.open();
        var b = budget.open();
        a.reserve(50);
        b.reserve(50);
        CompletableFuture<Void> aGrows = CompletableFuture.runAsync(() -> reserveOrFail(a, 20));
        Thread.sleep(100);
        assertThat(aGrows).isNotDone(); // b still works and may release
        reserveOrFail(b, 20); // now every holder would wait: b is let through over the total
        assertThat(budget.used()).isEqualTo(120).isLessThanOrEqualTo(budget.total() + budget.perPage());
        b.close();
        aGrows.get(5, TimeUnit.SECONDS);
        assertThat(a.held()).isEqualTo(70);
        a.close();
        assertThat(budget.used()).isZero();
    }

    @Test
    void adoptedBytesAreCountedWithoutWaiting() {
        var budget = new MemoryBudget(10, 10, Duration.ofSeconds(30));
        var claim = budget.open();
        claim.adopt(25); // already in memory: counted, never refused
        assertThat(budget.used()).isEqualTo(25);
        claim.release(100); // never more than held
        assertThat(budget.used()).isZero();
        claim.close();
        assertThat(budget.used()).isZero();
    }

    @Test
    void theDefaultHeapGivesATenMegabytePageRoom() {
        var budget = MemoryBudget.forHeap(192L << 20, Duration.ofSeconds(30));
        assertThat(budget.total()).isEqualTo(64L << 20);
        // a 10 MB body, its exact copy while trimmed, and its text decoded to UTF-16
        assertThat(budget.perPage()).isEqualTo(32L << 20).isGreaterThanOrEqualTo(3 * (10L << 20));
    }

    @Test
    void outsideAPageNothingIsCounted() throws Exception {
        assertThat(MemoryBudget.current()).isSameAs(MemoryBudget.UNCOUNTED);
        MemoryBudget.UNCOUNTED.reserve(Long.MAX_VALUE / 2);
        assertThat(MemoryBudget.UNCOUNTED.held()).isZero();
        var budget = new MemoryBudget(100, 100, Duration.ofSeconds(1));
        try (var claim = budget.open()) {
            assertThat(ScopedValue.where(MemoryBudget.CURRENT, claim).call(MemoryBudget::current)).isSameAs(claim);
        }
    }

    @Test
    void aNewPageWaitsUntilThePagesInFlightLeaveHalfTheBudget() throws Exception {
        var budget = new MemoryBudget(100, 100, Duration.ofSeconds(10));
        var inFlight = budget.open();
        inFlight.reserve(45);
        var next = budget.open();
        CompletableFuture<Boolean> admitted = CompletableFuture.supplyAsync(() -> next.admit(10));
        Thread.sleep(200);
        assertThat(admitted).isNotDone(); // 45 + 10 > 50
        inFlight.release(20);
        assertThat(admitted.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(budget.used()).isEqualTo(35);
        var late = new MemoryBudget(100, 100, Duration.ofMillis(100)).open();
        assertThat(late.admit(60)).as("more than half, never").isFalse();
    }

    private static void reserveOrFail(MemoryBudget.Claim claim, long bytes) {
        try {
            claim.reserve(bytes);
        } catch (MemoryBudget.OverBudgetException e) {
            throw new AssertionError(e);
        }
    }
}
