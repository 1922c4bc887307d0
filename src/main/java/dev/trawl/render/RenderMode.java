package dev.trawl.render;

import java.util.Locale;

/** Which HTML pages are loaded in the browser (--render). */
public enum RenderMode {
    /** None: the HTML the server sent is all there is. */
    NEVER,
    /** Only pages whose static HTML looks like an app shell ({@link dev.trawl.parse.ParsedPage#appShell()}). */
    AUTO,
    /** Every HTML page with a 2xx answer. */
    ALWAYS;

    /** The option's spelling: never, auto, always. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
