package dev.trawl.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, a seam for tests (a slow resolver, a name that resolves to an internal address). */
@FunctionalInterface
public interface Resolver {
    Resolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
