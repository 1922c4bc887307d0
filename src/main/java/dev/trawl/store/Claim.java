package dev.trawl.store;

import java.util.List;
import java.util.Map;

/**
 * What one claim on the frontier gave this worker.
 *
 * @param entries      the URLs claimed, oldest first
 * @param hostsLeased  hosts this worker took on in the same claim, holding no slot of them before (a shared
 *                     frontier only)
 * @param slots        requests this worker may have in flight at once to each host it holds (a shared frontier
 *                     only; a host not named keeps the crawl's --per-host)
 * @param handOvers    hosts this worker holds more of than its share, to hand over at a clean point
 * @param takeOvers    hosts this worker took slots of in the same claim whose request starts are paced (a --delay or
 *                     a Crawl-delay): how long the first request there waits, and the gap (a shared frontier only)
 */
public record Claim(List<FrontierEntry> entries, List<String> hostsLeased, Map<String, Integer> slots,
                    List<HandOver> handOvers, Map<String, TakeOver> takeOvers) {
    public static final Claim NONE = new Claim(List.of(), List.of(), Map.of(), List.of(), Map.of());

    public Claim {
        entries = List.copyOf(entries);
        hostsLeased = List.copyOf(hostsLeased);
        slots = Map.copyOf(slots);
        handOvers = List.copyOf(handOvers);
        takeOvers = Map.copyOf(takeOvers);
    }

    /** A claim on a frontier that has no leases. */
    static Claim of(List<FrontierEntry> entries) {
        return new Claim(entries, List.of(), Map.of(), List.of(), Map.of());
    }
}
