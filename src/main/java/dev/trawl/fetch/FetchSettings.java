package dev.trawl.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * How requests are made.
 *
 * @param timeout      whole-request deadline: DNS, connect, TLS, the request's write, headers and the full body
 * @param maxBody      largest body, in decoded bytes, that is read; larger ones are abandoned as too_large
 * @param headers      extra request headers (--header), each "Name: value", checked by {@link #checkHeader}
 * @param proxy        where every request goes (--proxy), or null
 * @param allowPrivate whether internal addresses may be connected to (--allow-private); else only seedHosts' may
 * @param seedHosts    hosts allowed on internal addresses: the seeds' own
 * @param resolver     name resolution; {@link Resolver#SYSTEM} but in tests
 * @param tls          the TLS context; null for the JDK's default (its trust store, javax.net.ssl.* settings)
 * @param http2        whether https:// offers HTTP/2 through ALPN ({@link Http2Client}); not through a proxy
 */
public record FetchSettings(String userAgent, Duration timeout, long maxBody, List<String> headers, ProxySpec proxy,
                            boolean allowPrivate, Set<String> seedHosts, Resolver resolver, SSLContext tls, boolean http2) {
    private static final Set<String> RESERVED = Set.of("host", "content-length", "transfer-encoding", "connection",
            "keep-alive", "te", "trailer", "upgrade", "proxy-authorization", "proxy-connection", "user-agent", "accept-encoding");

    public FetchSettings {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
        if (maxBody < 1) throw new IllegalArgumentException("maxBody must be >= 1, got " + maxBody);
        headers = List.copyOf(headers);
        headers.forEach(FetchSettings::checkHeader);
        seedHosts = Set.copyOf(seedHosts);
        if (resolver == null) resolver = Resolver.SYSTEM;
    }

    /** HTTP/1.1 only. */
    public FetchSettings(String userAgent, Duration timeout, long maxBody, List<String> headers, ProxySpec proxy,
                         boolean allowPrivate, Set<String> seedHosts, Resolver resolver, SSLContext tls) {
        this(userAgent, timeout, maxBody, headers, proxy, allowPrivate, seedHosts, resolver, tls, false);
    }

    /** Loopback-friendly settings for tests and tools: no extra headers, no proxy, internal addresses allowed. */
    public FetchSettings(String userAgent, Duration timeout, long maxBody) {
        this(userAgent, timeout, maxBody, List.of(), null, true, Set.of(), Resolver.SYSTEM, null);
    }

    /**
     * A header a user may add: a token name that is not one trawl manages itself, and a value without control
     * characters (a CR or LF would split the request). Throws IllegalArgumentException with a one-line reason.
     */
    public static void checkHeader(String header) {
        int colon = header.indexOf(':');
        if (colon <= 0) throw new IllegalArgumentException("header must be 'Name: value', got '" + header + "'");
        String name = header.substring(0, colon);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("header name '" + name + "' has a character not allowed in a name");
            }
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header " + name + " is set by trawl itself"
                    + (name.equalsIgnoreCase("user-agent") ? " (use --user-agent)" : ""));
        }
        String value = header.substring(colon + 1);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7f || c > 0xff) {
                throw new IllegalArgumentException("header " + name + " has a control or non-Latin-1 character in its value");
            }
        }
    }
}
