package dev.trawl.render;

import dev.trawl.fetch.HttpAnswer;
import java.time.Duration;
import java.util.Map;

/**
 * One page in one new tab: load it with its requests answered by trawl, wait until it settles or its deadline comes,
 * read the DOM, close the tab.
 *
 * <p>Settled: the document has loaded, no request of the page is being answered, and neither the DOM (a
 * MutationObserver, from the first poll on) nor the requests changed for {@link #QUIET}. So content
 * that a script adds after a timer or after its own requests is read when it comes within QUIET of the last change.
 * Content loaded on scroll: while it settles the page is scrolled to the bottom whenever its height changed, at most
 * {@link #MAX_SCROLLS} times (an endless feed would otherwise grow until the deadline). A page that never settles
 * (a ticking clock, polling) is read as it is at the deadline.
 */
final class PageRender {
    static final Duration QUIET = Duration.ofMillis(500);
    static final Duration POLL = Duration.ofMillis(100);
    static final int MAX_SCROLLS = 10;
    private final Browser browser;
    private final Duration deadline;
    private final long maxDomChars;

    PageRender(Browser browser, Duration deadline, long maxDomChars) {
        this.browser = browser;
        this.deadline = deadline;
        this.maxDomChars = maxDomChars;
    }

    /**
     * Renders page, the response trawl fetched from url; returns within the deadline (plus the time it takes to ask
     * the browser to close the tab).
     */
    RenderResult render(String url, HttpAnswer.Response page, PageResources resources) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        long settleBy = end - Math.min(Duration.ofSeconds(2).toNanos(), deadline.toNanos() / 4); // the DOM read's share
        String targetId;
        try {
            targetId = browser.openTab(remaining(end));
        } catch (CdpSession.CdpException e) {
            return new RenderResult.Failed("no tab: " + e.getMessage());
        }
        RequestInterceptor requests = null;
        try (CdpSession tab = CdpSession.open(browser.tabEndpoint(targetId))) {
            requests = new RequestInterceptor(tab, targetId, page, resources, end);
            tab.on("Fetch.requestPaused", requests::paused);
            tab.call("Fetch.enable", RequestInterceptor.enableParams(), remaining(end));
            Map<String, Object> navigated = tab.call("Page.navigate", Map.of("url", url), remaining(settleBy));
            if (navigated.get("errorText") instanceof String error) return new RenderResult.Failed("navigate: " + error);
            boolean settled = settle(tab, requests, settleBy, end);
            String html = dom(tab, end);
            return html == null ? new RenderResult.Failed("DOM larger than " + maxDomChars + " characters")
                    : new RenderResult.Rendered(html, settled);
        } catch (RuntimeException e) {
            return new RenderResult.Failed(e.getMessage());
        } finally {
            if (requests != null) requests.close();
            browser.closeTab(targetId);
        }
    }

    /**
     * Polls until the page is settled (true) or settleBy comes (false). A poll may run past settleBy (a busy page
     * answers late), not past end.
     */
    private boolean settle(CdpSession tab, RequestInterceptor requests, long settleBy, long end) throws InterruptedException {
        int scrolls = 0;
        long scrolledHeight = -1;
        long height = 0;
        while (System.nanoTime() < settleBy) {
            boolean scroll = scrolls < MAX_SCROLLS && height != scrolledHeight && height > 0;
            if (scroll) {
                scrolls++;
                scrolledHeight = height;
            }
            String state;
            try {
                state = evaluate(tab, pollExpression(scroll), remaining(end));
            } catch (CdpSession.CdpException e) {
                return false; // no answer: the DOM is read as it is, if the page lets it be
            }
            String[] parts = state == null ? new String[0] : state.split(" ");
            if (parts.length != 3) return false;
            height = Long.parseLong(parts[2]);
            boolean quietDom = Long.parseLong(parts[1]) >= QUIET.toMillis();
            if ("complete".equals(parts[0]) && quietDom && requests.inFlight() == 0
                    && requests.quietNanos() >= QUIET.toNanos() && (scrolledHeight == height || scrolls >= MAX_SCROLLS)) {
                return true;
            }
            Thread.sleep(Math.max(0, Math.min(POLL.toMillis(), (settleBy - System.nanoTime()) / 1_000_000)));
        }
        return false;
    }

    /**
     * "readyState msSinceTheLastDomChange height", scrolling to the bottom first when asked. The first poll installs
     * the MutationObserver (counting from then: what changed before it, the first poll's wait covers).
     */
    private static String pollExpression(boolean scroll) {
        return """
                (() => {
                  let state = window.__trawlRender;
                  if (!state) {
                    state = { changed: performance.now() };
                    Object.defineProperty(window, '__trawlRender', { value: state });
                    new MutationObserver(() => { state.changed = performance.now(); })
                      .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
                  }
                  const root = document.scrollingElement || document.documentElement;
                  if (%s && root) window.scrollTo(0, root.scrollHeight);
                  const quiet = Math.round(performance.now() - state.changed);
                  return document.readyState + ' ' + quiet + ' ' + (root ? root.scrollHeight : 0);
                })()""".formatted(scroll);
    }

    /** The DOM serialized, or null when it has more than maxDomChars characters. */
    private String dom(CdpSession tab, long end) throws InterruptedException {
        return evaluate(tab, """
                (() => {
                  const html = document.documentElement ? document.documentElement.outerHTML : '';
                  return html.length <= %d ? html : null;
                })()""".formatted(maxDomChars), remaining(end));
    }

    /** The string an expression returns; null for any other value. */
    private static String evaluate(CdpSession tab, String expression, Duration timeout) throws InterruptedException {
        Map<String, Object> reply = tab.call("Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true), timeout);
        if (reply.get("exceptionDetails") != null) return null;
        return reply.get("result") instanceof Map<?, ?> result && result.get("value") instanceof String value ? value : null;
    }

    private static Duration remaining(long endNanos) {
        return Duration.ofNanos(Math.max(1_000_000, endNanos - System.nanoTime()));
    }
}
