package dev.trawl.render;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a crawl renders pages.
 *
 * @param mode        which pages are rendered
 * @param chromium    the browser's executable; null only with {@link RenderMode#NEVER}
 * @param concurrency pages rendered at once (browser tabs open at once), at least 1
 */
public record RenderSettings(RenderMode mode, Path chromium, int concurrency) {
    /** No rendering: the default. */
    public static final RenderSettings NEVER = new RenderSettings(RenderMode.NEVER, null, 1);

    public RenderSettings {
        Objects.requireNonNull(mode, "mode");
        if (mode != RenderMode.NEVER) Objects.requireNonNull(chromium, "chromium");
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1, got " + concurrency);
    }

    /** One tab a core: rendering is CPU-bound in the browser's renderer processes. */
    public static int defaultConcurrency() {
        return Runtime.getRuntime().availableProcessors();
    }
}
