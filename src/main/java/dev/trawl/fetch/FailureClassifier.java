package dev.trawl.fetch;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Maps what the HttpClient threw to the short error code a user sees. */
final class FailureClassifier {
    private FailureClassifier() {}

    static HttpAnswer.Failure classify(Throwable thrown) {
        return new HttpAnswer.Failure(errorOf(thrown), String.valueOf(thrown));
    }

    private static FetchError errorOf(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            FetchError error = direct(t);
            if (error != null) return error;
        }
        return FetchError.RESET; // the connection broke in a way the client does not name; closest user-facing code
    }

    private static FetchError direct(Throwable t) {
        return switch (t) {
            case BodyTooLargeException e -> FetchError.TOO_LARGE;
            case HttpConnectTimeoutException e -> FetchError.TIMEOUT;
            case HttpTimeoutException e -> FetchError.TIMEOUT;
            case UnresolvedAddressException e -> FetchError.DNS;
            case UnknownHostException e -> FetchError.DNS;
            case SSLException e -> FetchError.TLS;
            case ProtocolException e -> FetchError.PROTOCOL;
            case EOFException e -> FetchError.RESET;
            case IllegalArgumentException e -> FetchError.BAD_URL;
            case ConnectException e when t.getCause() == null -> FetchError.CONNECT;
            default -> byMessage(t.getMessage());
        };
    }

    private static FetchError byMessage(String message) {
        if (message == null) return null;
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("reset") || m.contains("closed") || m.contains("eof")) return FetchError.RESET;
        if (m.contains("refused")) return FetchError.CONNECT;
        return null;
    }
}
