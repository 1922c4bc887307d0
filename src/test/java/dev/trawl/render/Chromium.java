package dev.trawl.render;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** The browser the render tests use: Debian's chromium on PATH; the tests skip, saying why, where there is none. */
public final class Chromium {
    private Chromium() {}

    public static Path require() {
        Optional<Path> found = ChromiumLocator.find(null, System.getenv("PATH"));
        Assumptions.assumeTrue(found.isPresent(),
                "skipped: needs a Chromium on PATH (Debian: apt-get install chromium; .ci/run installs it)");
        return found.get();
    }
}
