package dev.trawl.fetch;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;

/** Maps what the HTTP client threw to the short error code a user sees. */
final class FailureClassifier {
    private FailureClassifier() {}

    static HttpAnswer.Failure classify(Throwable thrown) {
        return new HttpAnswer.Failure(errorOf(thrown), String.valueOf(thrown));
    }

    /** The most specific cause wins: a refused connection wrapped three times is still "connect". */
    private static final List<Map.Entry<Class<? extends Throwable>, FetchError>> BY_TYPE = List.of(
            Map.entry(BlockedAddressException.class, FetchError.PRIVATE_ADDRESS),
            Map.entry(BodyTooLargeException.class, FetchError.TOO_LARGE),
            Map.entry(HttpTimeoutException.class, FetchError.TIMEOUT), // connect timeouts included
            Map.entry(SocketTimeoutException.class, FetchError.TIMEOUT),
            Map.entry(UnresolvedAddressException.class, FetchError.DNS),
            Map.entry(UnknownHostException.class, FetchError.DNS),
            Map.entry(SSLException.class, FetchError.TLS),
            Map.entry(ConnectException.class, FetchError.CONNECT),
            Map.entry(NoRouteToHostException.class, FetchError.CONNECT),
            Map.entry(ProtocolException.class, FetchError.PROTOCOL),
            Map.entry(EOFException.class, FetchError.RESET),
            Map.entry(IllegalArgumentException.class, FetchError.BAD_URL));

    private static FetchError errorOf(Throwable thrown) {
        for (var entry : BY_TYPE) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                if (entry.getKey().isInstance(t)) return entry.getValue();
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            FetchError error = byMessage(t.getMessage());
            if (error != null) return error;
        }
        return FetchError.RESET; // the connection broke in a way the client does not name; closest user-facing code
    }

    private static FetchError byMessage(String message) {
        if (message == null) return null;
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("protocol violation")) return FetchError.PROTOCOL; // Jetty's parser refused the response
        if (m.contains("unreachable")) return FetchError.CONNECT; // "Network is unreachable": no route, not a reset
        if (m.contains("reset") || m.contains("closed") || m.contains("eof")) return FetchError.RESET;
        if (m.contains("refused")) return FetchError.CONNECT;
        return null;
    }
}
