package dev.trawl.render;

import dev.trawl.testsite.TestSite;
import java.nio.charset.StandardCharsets;

/**
 * A local single-page app for the render tests: an app shell whose title and links a script makes, some of them
 * from an XHR, one after a timer and one when the page is scrolled; a page that never settles; a static page with a
 * script that would change its title if it ran; images, a robots.txt-disallowed API and another host's script, none
 * of which trawl may fetch for the browser.
 */
public final class SinglePageApp {
    private SinglePageApp() {}

    /** Serves the app on site; other is another host (not in --scope host), whose script must never be fetched. */
    public static void serve(TestSite site, TestSite other) {
        site.bytes("/robots.txt", 200, "text/plain", ascii("User-agent: *\nDisallow: /private/\n"));
        site.html("/", """
                <!doctype html><html><head><title>Loading</title><script src="/app.js"></script>
                <script src="%s"></script></head>
                <body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div>
                <img src="/logo.png"></body></html>""".formatted(other.url("/tracker.js")));
        site.bytes("/app.js", 200, "text/javascript", ascii("""
                document.addEventListener('DOMContentLoaded', async () => {
                  document.title = 'Shop (rendered)';
                  const root = document.getElementById('root');
                  root.innerHTML = '<nav><a href="/products">products</a> <a href="/about">about</a>'
                    + ' <a href="/ticking">ticking</a></nav><ul id="items"></ul>';
                  fetch('/private/secret.json').catch(() => {});
                  const items = await (await fetch('/api/items.json')).json();
                  for (const item of items) {
                    const li = document.createElement('li');
                    li.innerHTML = '<a href="/item/' + item.id + '">' + item.name + '</a>';
                    document.getElementById('items').appendChild(li);
                  }
                  setTimeout(() => {
                    root.insertAdjacentHTML('beforeend', '<a href="/lazy-timer">later</a>');
                  }, 300);
                  const spacer = document.createElement('div');
                  spacer.style.height = '5000px';
                  root.appendChild(spacer);
                  const sentinel = document.createElement('div');
                  sentinel.id = 'sentinel';
                  root.appendChild(sentinel);
                  new IntersectionObserver((entries, observer) => {
                    if (entries.some(e => e.isIntersecting)) {
                      observer.disconnect();
                      root.insertAdjacentHTML('beforeend', '<a href="/lazy-scroll">more</a>');
                    }
                  }).observe(sentinel);
                });"""));
        site.bytes("/api/items.json", 200, "application/json", ascii("[{\"id\":1,\"name\":\"one\"},{\"id\":2,\"name\":\"two\"}]"));
        site.bytes("/private/secret.json", 200, "application/json", ascii("{}"));
        site.bytes("/logo.png", 200, "image/png", new byte[64]);
        other.bytes("/tracker.js", 200, "text/javascript", ascii("document.title = 'tracked';"));
        // A static page: links and text in its HTML. Its script would say whether the browser ran it.
        site.html("/about", """
                <html><head><title>About us</title></head><body><h1>About</h1>
                <p>We sell things, and this page says so in its own HTML without any help from a script.</p>
                <a href="/">home</a> <a href="/products">products</a>
                <script>document.title = 'About (rendered)';</script></body></html>""");
        site.html("/products", shell("/products.js"));
        site.bytes("/products.js", 200, "text/javascript", ascii("""
                document.title = 'Products (rendered)';
                document.getElementById('root').innerHTML = '<a href="/item/1">one</a>';"""));
        // Never settles: the DOM changes every 20 ms for ever.
        site.html("/ticking", shell("/tick.js"));
        site.bytes("/tick.js", 200, "text/javascript", ascii("""
                document.title = 'Ticking (rendered)';
                const root = document.getElementById('root');
                root.innerHTML = '<a href="/after-tick">after</a><span id="n">0</span>';
                let n = 0;
                setInterval(() => { document.getElementById('n').textContent = String(++n); }, 20);"""));
        for (String path : new String[] {"/item/1", "/item/2", "/lazy-timer", "/lazy-scroll", "/after-tick"}) {
            site.page(path, "Page " + path);
        }
    }

    /** An app shell: an empty mount point and a deferred script. */
    static String shell(String script) {
        return "<!doctype html><html><head><title>Loading</title><script defer src=\"" + script
                + "\"></script></head><body><div id=\"root\"></div></body></html>";
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The browser processes among this process's descendants (the crawl's Chromium, its zygotes and renderers). */
    public static java.util.List<ProcessHandle> browserProcesses(ProcessHandle parent) {
        return parent.descendants().filter(p -> p.info().command().orElse("").contains("chrom")).toList();
    }
}
