package dev.trawl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FairShareTest {
    private static FairShare.Worker w(String id, int cap, int held) {
        return new FairShare.Worker(id, cap, held);
    }

    @Test
    void everyWorkerGetsTheFloorOrTheCeilingAndTheExtraGoesToThoseHoldingMost() {
        Map<String, Integer> t = FairShare.targets(List.of(w("a", 8, 3), w("b", 8, 0), w("c", 8, 0)), 4);
        assertThat(t).containsEntry("a", 2).containsEntry("b", 1).containsEntry("c", 1);
        assertThat(FairShare.targets(List.of(w("a", 8, 3), w("b", 8, 0), w("c", 8, 0)), 3).values()).containsOnly(1);
    }

    @Test
    void aCappedWorkerLeavesWhatItCannotUseToTheOthers() {
        Map<String, Integer> t = FairShare.targets(List.of(w("a", 1, 0), w("b", 8, 0), w("c", 8, 0)), 9);
        assertThat(t).containsEntry("a", 1).containsEntry("b", 4).containsEntry("c", 4);
    }

    @Test
    void plentyOfWorkGivesEveryWorkerItsCapAndNoneGivesNothing() {
        assertThat(FairShare.targets(List.of(w("a", 4, 0), w("b", 2, 0)), Long.MAX_VALUE))
                .containsEntry("a", 4).containsEntry("b", 2);
        assertThat(FairShare.targets(List.of(w("a", 4, 2)), 0)).containsEntry("a", 0);
    }
}
