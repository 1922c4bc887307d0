package dev.trawl.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Name resolution for Jetty's client that hands it only addresses the {@link AddressGuard} passed: Jetty connects to
 * nothing else, so the guard judges the address actually connected to, as in {@link Http1Client}. The lookup runs on a
 * virtual thread of its own; the request's deadline (its watchdog aborts the request) bounds how long anyone waits
 * for it.
 */
final class GuardedResolver implements SocketAddressResolver {
    private final Resolver resolver;
    private final AddressGuard guard;

    GuardedResolver(Resolver resolver, AddressGuard guard) {
        this.resolver = resolver;
        this.guard = guard;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        Thread.ofVirtual().name("trawl-dns").start(() -> {
            try {
                promise.succeeded(checked(host, port));
            } catch (Exception e) {
                promise.failed(e);
            }
        });
    }

    /** The host's addresses, each passed by the guard; none when any is refused (as Http1Client does). */
    private List<InetSocketAddress> checked(String host, int port) throws Exception {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = Http1Client.isLiteral(bare) ? new InetAddress[] {InetAddress.getByName(bare)}
                : resolver.resolve(bare);
        List<InetSocketAddress> result = new ArrayList<>(addresses.length);
        for (InetAddress address : addresses) {
            guard.check(host, address);
            result.add(new InetSocketAddress(address, port));
        }
        return result;
    }
}
