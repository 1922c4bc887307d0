package dev.trawl.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fair shares of a frontier's lease units (whole hosts, or slots of hosts) among the live workers, by water-filling:
 * every worker gets the same number, floor or ceil of units / workers, except that none gets more than it can use
 * (its cap, from --concurrency), and what a capped worker cannot use goes to the others. The extra units of an
 * uneven split go to the workers holding most now, so that the split moves as little as possible. Pure: every
 * worker computes the same shares from the same counts.
 */
final class FairShare {
    private FairShare() {}

    /** A live worker: its id, the most units it can use, and how many it holds now. */
    record Worker(String id, int cap, int held) {}

    /** Each worker's share of {@code units}, by id. */
    static Map<String, Integer> targets(List<Worker> workers, long units) {
        long capacity = 0;
        int maxCap = 0;
        for (Worker w : workers) {
            capacity += w.cap();
            maxCap = Math.max(maxCap, w.cap());
        }
        long toShare = Math.min(units, capacity);
        int level = 0; // the largest level at which sum(min(cap, level)) <= toShare
        int lo = 0;
        int hi = maxCap;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (filled(workers, mid) <= toShare) {
                level = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        long extra = toShare - filled(workers, level);
        List<Worker> roomAbove = new ArrayList<>();
        Map<String, Integer> targets = new HashMap<>();
        for (Worker w : workers) {
            targets.put(w.id(), Math.min(w.cap(), level));
            if (w.cap() > level) roomAbove.add(w);
        }
        roomAbove.sort(Comparator.comparingInt(Worker::held).reversed().thenComparing(Worker::id));
        for (int i = 0; i < extra && i < roomAbove.size(); i++) targets.merge(roomAbove.get(i).id(), 1, Integer::sum);
        return targets;
    }

    private static long filled(List<Worker> workers, int level) {
        long sum = 0;
        for (Worker w : workers) sum += Math.min(w.cap(), level);
        return sum;
    }
}
