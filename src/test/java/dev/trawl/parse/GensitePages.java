package dev.trawl.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Pages shaped like the benchmark site's: 50 from {@link SyntheticPage}, plus 80 made by the shared generator
 * (../shared/bench/gensite.py, next to the conformance data) when python3 and the generator are there.
 */
final class GensitePages {
    private static final int GENERATED = 80;
    private static List<String> pages;

    private GensitePages() {}

    static synchronized List<String> load() {
        if (pages == null) {
            List<String> all = new ArrayList<>();
            Random random = new Random(42);
            for (int i = 0; i < 50; i++) {
                all.add(SyntheticPage.html(random, i));
            }
            all.addAll(generated());
            pages = List.copyOf(all);
        }
        return pages;
    }

    private static List<String> generated() {
        Path gensite = Conformance.dir().resolve("../bench/gensite.py").normalize();
        if (!Files.isRegularFile(gensite)) {
            System.out.println("gensite.py not found at " + gensite + ": synthetic pages only");
            return List.of();
        }
        try {
            Path dir = Files.createTempDirectory("trawl-parse-gensite");
            Process p = new ProcessBuilder("python3", gensite.toString(), dir.toString(), "-n", "" + GENERATED)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                System.out.println("gensite.py failed: synthetic pages only");
                return List.of();
            }
            List<String> html = new ArrayList<>();
            try (var files = Files.walk(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                    html.add(Files.readString(f, StandardCharsets.UTF_8));
                }
            }
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
            return html;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("python3")) {
                System.out.println("python3 not available: synthetic pages only");
                return List.of();
            }
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
