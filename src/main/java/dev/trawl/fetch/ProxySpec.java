package dev.trawl.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Where --proxy sends every request: an HTTP proxy (absolute-form requests for http://, CONNECT tunnels for
 * https://) or a SOCKS5 proxy. CONNECT and SOCKS5 are given the address the SSRF guard checked (the name only with
 * --allow-private). Credentials come from the URL's user info, else from TRAWL_PROXY_USER and TRAWL_PROXY_PASSWORD.
 *
 * @param user null when the proxy takes no credentials
 */
public record ProxySpec(Kind kind, String host, int port, String user, String password) {
    public enum Kind { HTTP, SOCKS5 }

    /** Parses http://[user:password@]host[:port] or socks5://…; IllegalArgumentException with a one-line reason. */
    public static ProxySpec parse(String url, Map<String, String> env) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a proxy URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Kind kind = switch (scheme) {
            case "http" -> Kind.HTTP;
            case "socks5", "socks5h", "socks" -> Kind.SOCKS5;
            default -> throw new IllegalArgumentException("proxy URL must start with http:// or socks5://, got '" + url + "'");
        };
        if (uri.getHost() == null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("proxy URL must be scheme://[user:password@]host[:port], got '" + url + "'");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : kind == Kind.HTTP ? 8080 : 1080;
        String user = env.get("TRAWL_PROXY_USER");
        String password = env.getOrDefault("TRAWL_PROXY_PASSWORD", "");
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        if (user != null && (user.length() > 255 || password.length() > 255)) {
            throw new IllegalArgumentException("proxy user name and password must be at most 255 characters");
        }
        return new ProxySpec(kind, uri.getHost(), port, user, user == null ? null : password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The Proxy-Authorization header line for an HTTP proxy, or "" when it takes no credentials. */
    String basicAuthorizationLine() {
        if (user == null) return "";
        String token = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return "Proxy-Authorization: Basic " + token + "\r\n";
    }
}
