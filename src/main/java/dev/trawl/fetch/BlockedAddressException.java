package dev.trawl.fetch;

import java.io.IOException;
import java.net.InetAddress;

/** The SSRF guard refused the address a host resolved to; nothing was connected. */
final class BlockedAddressException extends IOException {
    BlockedAddressException(String host, InetAddress address) {
        super(host + " resolves to the internal address " + address.getHostAddress() + " (--allow-private lifts this)");
    }
}
