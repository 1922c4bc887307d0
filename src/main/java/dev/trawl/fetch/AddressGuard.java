package dev.trawl.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Set;

/**
 * The SSRF guard (issue 10): a link or a redirect must not make the crawler connect to the machine it runs on or
 * to the network behind it. It is asked about the addresses a name resolved to, just before they are connected
 * to, so a public name that resolves to 10.x is refused too. The hosts of the seeds are allowed whatever their
 * address (crawling an intranet site from its own seed works), but only those hosts.
 */
final class AddressGuard {
    /** Lets every address through: --allow-private. */
    static final AddressGuard OFF = new AddressGuard(null);
    private final Set<String> allowedHosts; // lower-case; null: guard off

    private AddressGuard(Set<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    /** A guard that allows internal addresses only for these hosts (as URLs spell them: names or literals). */
    static AddressGuard allowing(Set<String> hosts) {
        return new AddressGuard(hosts.stream().map(AddressGuard::key).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /** Throws when host may not be reached at address. */
    void check(String host, InetAddress address) throws BlockedAddressException {
        if (allowedHosts == null || !isInternal(address) || allowedHosts.contains(key(host))) return;
        throw new BlockedAddressException(host, address);
    }

    private static String key(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /**
     * Loopback, private (RFC 1918), shared (RFC 6598), link-local, unique-local, multicast, unspecified, broadcast
     * and the other special-purpose ranges no public site is on; IPv6 forms that embed an IPv4 address (mapped,
     * compatible, NAT64, 6to4) are judged by that address.
     */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) return isInternalV4(b, 0);
        if (address instanceof Inet6Address) return isInternalV6(b);
        return true;
    }

    private static boolean isInternalV4(byte[] b, int at) {
        int a0 = b[at] & 0xff, a1 = b[at + 1] & 0xff, a2 = b[at + 2] & 0xff;
        return a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224 // this network, private, loopback, multicast, reserved, broadcast
                || (a0 == 100 && a1 >= 64 && a1 < 128) // shared address space (carrier NAT)
                || (a0 == 169 && a1 == 254) || (a0 == 172 && a1 >= 16 && a1 < 32) || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && a2 == 0) // IETF protocol assignments
                || (a0 == 198 && (a1 == 18 || a1 == 19)); // benchmarking
    }

    private static boolean isInternalV6(byte[] b) {
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) return true; // unique local fc00::/7
        if (first == 0xfe && (b[1] & 0xc0) == 0x80) return true; // link-local fe80::/10
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) return true; // site-local fec0::/10 (deprecated)
        if (allZero(b, 0, 10) && (((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) || (b[10] == 0 && b[11] == 0))) {
            return isInternalV4(b, 12); // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible); :: and ::1 fall in here too
        }
        if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return isInternalV4(b, 12); // NAT64 64:ff9b::/96
        }
        if (first == 0x20 && (b[1] & 0xff) == 0x02) return isInternalV4(b, 2); // 6to4 2002::/16
        return first == 0x01 && allZero(b, 1, 8); // discard-only 100::/64
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) return false;
        }
        return true;
    }
}
