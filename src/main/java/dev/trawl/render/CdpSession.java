package dev.trawl.render;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.remote.http.HttpClient;

/**
 * One DevTools WebSocket (the browser's, or one tab's) through Selenium's {@link Connection}. Commands are sent by
 * name with their parameters as maps, the raw protocol, so trawl works with whatever Chromium version Debian ships
 * rather than the one a generated binding was made for.
 */
final class CdpSession implements AutoCloseable {
    private final Connection connection;

    private CdpSession(Connection connection) {
        this.connection = connection;
    }

    /** Connects to a DevTools endpoint (ws://127.0.0.1:PORT/devtools/...). */
    static CdpSession open(URI endpoint) {
        ClientConfig config = ClientConfig.defaultConfig().baseUri(endpoint).connectionTimeout(Duration.ofSeconds(10));
        HttpClient client = HttpClient.Factory.createDefault().createClient(config);
        return new CdpSession(new Connection(client, endpoint.toString(), config));
    }

    /**
     * Sends a command and waits at most timeout for its result.
     *
     * @throws CdpException when the browser answers with an error, or nothing comes in time
     */
    Map<String, Object> call(String method, Map<String, Object> params, Duration timeout) throws InterruptedException {
        CompletableFuture<Map<String, Object>> reply = connection.send(null, command(method, params));
        try {
            return reply.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new CdpException(method + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            reply.cancel(false);
            throw new CdpException(method + ": no answer in " + timeout.toMillis() + " ms", e);
        }
    }

    /** Sends a command without waiting for its result: answers to paused requests, from the event thread. */
    void send(String method, Map<String, Object> params) {
        connection.send(null, command(method, params));
    }

    /** Calls handler with the parameters of every such event, on Selenium's event thread: it must not block. */
    void on(String event, Consumer<Map<String, Object>> handler) {
        connection.addListener(new Event<Map<String, Object>>(event, input -> input.read(Json.MAP_TYPE)),
                (sequence, params) -> handler.accept(params));
    }

    private static Command<Map<String, Object>> command(String method, Map<String, Object> params) {
        return new Command<>(method, params, Json.MAP_TYPE);
    }

    @Override
    public void close() {
        connection.close();
    }

    /** The browser refused a command or did not answer it in time. */
    static final class CdpException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CdpException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
