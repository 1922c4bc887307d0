package dev.trawl.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** One crawling process as the {@code workers} table knows it: a random id, and where it runs, for people. */
record WorkerId(String id, String hostname, long pid) {

    /** A new identity for this process. */
    static WorkerId create() {
        return new WorkerId(UUID.randomUUID().toString(), localHostname(), ProcessHandle.current().pid());
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
