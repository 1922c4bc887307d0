package dev.trawl.store;

import java.util.List;

/**
 * What one claim on the frontier gave this worker.
 *
 * @param entries      the URLs claimed, oldest first
 * @param hostsLeased  hosts this worker took on in the same claim (a shared store only). Another worker may have
 *                     sent a request to such a host a moment ago, so the first request here waits out --delay.
 */
public record Claim(List<FrontierEntry> entries, List<String> hostsLeased) {
    public static final Claim NONE = new Claim(List.of(), List.of());

    public Claim {
        entries = List.copyOf(entries);
        hostsLeased = List.copyOf(hostsLeased);
    }
}
