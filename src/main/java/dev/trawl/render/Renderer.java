package dev.trawl.render;

import dev.trawl.fetch.HttpAnswer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Renders pages in one headless Chromium, at most {@link RenderSettings#concurrency()} at once (one tab each; a page
 * waits for a free tab). Thread-safe. A browser that died (a renderer crash can take it down) is started again, at most
 * {@link #MAX_RESTARTS} times in a crawl; after that pages are no longer rendered.
 */
public final class Renderer implements AutoCloseable {
    static final int MAX_RESTARTS = 3;
    private final RenderSettings settings;
    private final Duration deadline;
    private final long maxDomChars;
    private final BlackholeProxy proxy;
    private final Semaphore tabs;
    private final AtomicLong rendered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private Browser browser;
    private int restarts;
    private boolean closed;

    private Renderer(RenderSettings settings, Duration deadline, long maxDomChars, BlackholeProxy proxy, Browser browser) {
        this.settings = settings;
        this.deadline = deadline;
        this.maxDomChars = maxDomChars;
        this.proxy = proxy;
        this.browser = browser;
        this.tabs = new Semaphore(settings.concurrency(), true);
    }

    /**
     * Starts the browser now, so that a browser that cannot start stops the crawl before it begins.
     *
     * @param deadline    how long one page may take, from opening its tab to reading its DOM
     * @param maxDomChars a DOM serialized to more characters is not read (the page keeps its static reading)
     * @throws RenderUnavailableException with a one-line reason
     */
    public static Renderer start(RenderSettings settings, Duration deadline, long maxDomChars) throws InterruptedException {
        BlackholeProxy proxy;
        try {
            proxy = new BlackholeProxy();
        } catch (IOException e) {
            throw new RenderUnavailableException("cannot open a loopback port for the browser: " + e.getMessage(), e);
        }
        try {
            return new Renderer(settings, deadline, maxDomChars, proxy, Browser.start(settings.chromium(), proxy.port()));
        } catch (RuntimeException | InterruptedException e) {
            closeQuietly(proxy);
            throw e;
        }
    }

    /**
     * Loads page (the 2xx HTML response trawl fetched from url) in a tab, the page's own requests answered by
     * resources, and returns its DOM. Waits for a free tab first.
     */
    public RenderResult render(String url, HttpAnswer.Response page, PageResources resources) throws InterruptedException {
        tabs.acquire();
        try {
            Browser current = browser();
            if (current == null) return count(new RenderResult.Failed("the browser is gone"));
            return count(new PageRender(current, deadline, maxDomChars).render(url, page, resources));
        } finally {
            tabs.release();
        }
    }

    private RenderResult count(RenderResult result) {
        (result instanceof RenderResult.Rendered ? rendered : failed).incrementAndGet();
        return result;
    }

    /** The running browser, started again if it died; null when closed or out of restarts. */
    private synchronized Browser browser() throws InterruptedException {
        if (closed) return null;
        if (browser.isAlive()) return browser;
        browser.close();
        if (restarts >= MAX_RESTARTS) return null;
        restarts++;
        try {
            browser = Browser.start(settings.chromium(), proxy.port());
        } catch (RenderUnavailableException e) {
            closed = true;
            return null;
        }
        return browser;
    }

    /** Pages rendered so far. */
    public long rendered() {
        return rendered.get();
    }

    /** Pages whose rendering failed (they keep what their static HTML says). */
    public long failed() {
        return failed.get();
    }

    /** Connections the browser made on its own, refused by its proxy. */
    public long refusedConnections() {
        return proxy.refused();
    }

    /** The browser's processes now (for memory figures and process checks). */
    public synchronized List<ProcessHandle> processes() {
        return closed ? List.of() : browser.processes();
    }

    /** Ends the browser and every process it started; pages still rendering fail. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            browser.close();
        } else if (browser.isAlive()) {
            browser.close();
        }
        closeQuietly(proxy);
    }

    private static void closeQuietly(BlackholeProxy proxy) {
        try {
            proxy.close();
        } catch (IOException e) {
            // a loopback socket that does not close is not worth failing the crawl's end over
        }
    }
}
