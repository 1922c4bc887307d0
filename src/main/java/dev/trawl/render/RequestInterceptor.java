package dev.trawl.render;

import dev.trawl.fetch.Header;
import dev.trawl.fetch.HttpAnswer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers every request one tab makes ({@code Fetch.requestPaused}), so that the browser itself fetches nothing:
 * <ul>
 *   <li>the page's own document: the bytes trawl fetched already, with their headers; a later navigation of the
 *       tab (a script redirect, a meta refresh) gets a 204, which leaves the page where it is;</li>
 *   <li>images, media, fonts and the other kinds in {@link #BLOCKED}, any method but GET, any scheme but http(s),
 *       and every request past {@link #MAX_REQUESTS} of the page: failed as blocked;</li>
 *   <li>the rest (scripts, styles, XHR and fetch(), frames) through {@link PageResources}, on a virtual thread each.</li>
 * </ul>
 * Event handlers run on Selenium's event thread and never block on it.
 */
final class RequestInterceptor implements AutoCloseable {
    /** Requests one page may make; past it they fail (a page that requests in a loop must not hold a tab for ever). */
    static final int MAX_REQUESTS = 500;
    /** Resource kinds that never change the DOM's text or links, and cost the most bytes. */
    static final Set<String> BLOCKED = Set.of("Image", "Media", "Font", "TextTrack", "Manifest", "Ping",
            "CSPViolationReport", "Prefetch", "EventSource", "WebSocket", "SignedExchange", "Other");
    /** Set by trawl from the body it decoded, or by the transport: not to be passed on with a decoded body. */
    private static final Set<String> DROPPED_HEADERS = Set.of("content-encoding", "content-length",
            "transfer-encoding", "connection", "keep-alive");

    private final CdpSession tab;
    private final String mainFrame;
    private final HttpAnswer.Response page;
    private final PageResources resources;
    private final long deadlineNanos;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private volatile boolean documentServed;
    private volatile boolean closed;
    private volatile long lastActivityNanos = System.nanoTime();

    RequestInterceptor(CdpSession tab, String mainFrame, HttpAnswer.Response page, PageResources resources,
                       long deadlineNanos) {
        this.tab = tab;
        this.mainFrame = mainFrame;
        this.page = page;
        this.resources = resources;
        this.deadlineNanos = deadlineNanos;
    }

    /** The parameters of Fetch.enable that pause every request before it is sent. */
    static Map<String, Object> enableParams() {
        return Map.of("patterns", List.of(Map.of("urlPattern", "*", "requestStage", "Request")));
    }

    void paused(Map<String, Object> event) {
        if (closed) return; // the tab is closing: its requests go with it
        lastActivityNanos = System.nanoTime();
        String id = (String) event.get("requestId");
        Map<?, ?> request = (Map<?, ?>) event.get("request");
        String url = String.valueOf(request.get("url"));
        String type = String.valueOf(event.get("resourceType"));
        boolean mainFrameDocument = "Document".equals(type) && mainFrame.equals(event.get("frameId"));
        if (mainFrameDocument && !documentServed) {
            documentServed = true;
            fulfill(id, page.status(), page.headers(), page.body(), page.bodyLength());
        } else if (mainFrameDocument) {
            fulfill(id, 204, List.of(), new byte[0], 0);
        } else if (BLOCKED.contains(type) || !"GET".equals(request.get("method")) || !isHttp(url)
                || requests.incrementAndGet() > MAX_REQUESTS) {
            fail(id, "BlockedByClient");
        } else {
            inFlight.incrementAndGet();
            Thread worker = Thread.ofVirtual().name("trawl-render-request").unstarted(() -> serve(id, url));
            workers.add(worker);
            worker.start();
        }
    }

    private void serve(String id, String url) {
        try {
            if (!resources.fetch(url, deadlineNanos, answer -> answer(id, answer))) fail(id, "BlockedByClient");
        } catch (InterruptedException e) {
            // the tab closed: nobody waits for the answer
        } catch (RuntimeException e) {
            fail(id, "Failed");
        } finally {
            workers.remove(Thread.currentThread());
            lastActivityNanos = System.nanoTime();
            inFlight.decrementAndGet();
        }
    }

    private void answer(String id, HttpAnswer answer) {
        switch (answer) {
            case HttpAnswer.Response r -> fulfill(id, r.status(), r.headers(), r.body(), r.bodyLength());
            case HttpAnswer.Failure f -> fail(id, switch (f.error()) {
                case TIMEOUT -> "TimedOut";
                case CONNECT -> "ConnectionRefused";
                case RESET -> "ConnectionReset";
                case DNS -> "NameNotResolved";
                case PRIVATE_ADDRESS, BAD_URL -> "AddressUnreachable";
                case TOO_LARGE -> "Aborted";
                default -> "Failed";
            });
        }
    }

    private void fulfill(String id, int status, List<Header> headers, byte[] body, int length) {
        if (closed) return;
        List<Map<String, String>> passed = new ArrayList<>();
        for (Header h : headers) {
            if (!DROPPED_HEADERS.contains(h.name().toLowerCase(Locale.ROOT))) {
                passed.add(Map.of("name", h.name(), "value", h.value()));
            }
        }
        ByteBuffer encoded = Base64.getEncoder().encode(ByteBuffer.wrap(body == null ? new byte[0] : body, 0,
                body == null ? 0 : Math.min(length, body.length)));
        tab.send("Fetch.fulfillRequest", Map.of("requestId", id, "responseCode", status, "responseHeaders", passed,
                "body", StandardCharsets.ISO_8859_1.decode(encoded).toString()));
    }

    private void fail(String id, String reason) {
        if (!closed) tab.send("Fetch.failRequest", Map.of("requestId", id, "errorReason", reason));
    }

    private static boolean isHttp(String url) {
        return url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8);
    }

    /** Requests being answered now. */
    int inFlight() {
        return inFlight.get();
    }

    /** Nanoseconds since a request was paused or answered. */
    long quietNanos() {
        return System.nanoTime() - lastActivityNanos;
    }

    /** Requests the page made that were not its document (blocked ones included). */
    int requests() {
        return requests.get();
    }

    /** Stops answering and abandons the requests under way (their fetches are interrupted). */
    @Override
    public void close() {
        closed = true;
        workers.forEach(Thread::interrupt);
    }
}
