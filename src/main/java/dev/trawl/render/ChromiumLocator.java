package dev.trawl.render;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the browser: the path given, else the first of the usual names on PATH. Nothing is ever downloaded. */
public final class ChromiumLocator {
    /** Debian's and Ubuntu's names first, then Google's builds. */
    static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

    private ChromiumLocator() {}

    /** The executable at given (when not null), else the first of {@link #NAMES} found on path; empty when none. */
    public static Optional<Path> find(Path given, String path) {
        if (given != null) return Files.isRegularFile(given) && Files.isExecutable(given) ? Optional.of(given) : Optional.empty();
        for (String name : NAMES) {
            Path found = onPath(name, path);
            if (found != null) return Optional.of(found);
        }
        return Optional.empty();
    }

    /** The executable called name in a directory of path (a PATH value), or null. */
    static Path onPath(String name, String path) {
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }
}
