package dev.trawl.cli;

import dev.trawl.export.TerminalText;
import dev.trawl.extract.ExtractionRules;
import dev.trawl.extract.StoredPagesExtraction;
import dev.trawl.store.PageStore;
import dev.trawl.store.Stores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `trawl extract --db TARGET --rules FILE`: extraction rules over the bodies a crawl stored, on all cores. */
@Command(name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run extraction rules again over the pages a crawl stored with --store-bodies (no fetching).",
        footerHeading = "%nExamples:%n",
        footer = {"  trawl extract --db shop.db --rules rules.yaml",
                "  trawl extract --db shop.db --extract price=.price::text --threads 2",
                "  trawl export --db shop.db --out shop.csv"})
final class ExtractCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--db", paramLabel = "TARGET", defaultValue = "trawl.db",
            description = "SQLite file, or postgresql://user[:password]@host[:port]/dbname (default: ${DEFAULT-VALUE})")
    String db;

    @Option(names = "--rules", paramLabel = "FILE", description = "extraction rules per URL pattern, JSON or YAML (default: none)")
    Path rules;

    @Option(names = "--extract", paramLabel = "NAME=SELECTOR",
            description = "a field for every page, as crawl --extract (repeatable; default: none)")
    List<String> extract = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "parsing threads; 0: one per core (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--max-body", paramLabel = "SIZE", defaultValue = "10MB", converter = SizeConverter.class,
            description = "stored bodies that decode to more than this are skipped, their fields left as they were (default: ${DEFAULT-VALUE})")
    long maxBody;

    @Option(names = "--quiet", description = "no summary line (default: off)")
    boolean quiet;

    @Option(names = "--debug", description = "print why pages needed jsoup's tree, and stack traces of internal errors (default: off)")
    boolean debug;

    @Override
    public Integer call() throws InterruptedException {
        ExtractionRules chosen = rules();
        if (threads < 0) throw new UsageException("--threads: expected an integer >= 0, got " + threads);
        int pool = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        try (PageStore store = Stores.openExisting(db)) {
            var result = new StoredPagesExtraction(store, chosen, pool, maxBody, debug).run();
            if (result.pages() == 0 && result.resumedAfter() == 0) {
                throw new UsageException("--db: " + TerminalText.safe(db)
                        + " holds no stored bodies (crawl with --store-bodies to keep them)");
            }
            if (!quiet) {
                double seconds = Math.max(1e-3, result.elapsed().toNanos() / 1e9);
                spec.commandLine().getOut().printf(Locale.ROOT, "extracted %,d pages (%,d with fields, %,d unreadable) in %.1f s,"
                                + " %,.0f pages/s on %d threads; %,d read without a tree%s%n", result.pages(),
                        result.withFields(), result.unreadable(), seconds, result.pages() / seconds, pool,
                        result.withoutTree(), result.resumedAfter() > 0 ? ", resumed after page " + result.resumedAfter() : "");
                if (debug && !result.treeReasons().isEmpty()) {
                    var reasons = new StringBuilder();
                    result.treeReasons().forEach((reason, n) -> reasons.append(reasons.isEmpty() ? "" : ", ")
                            .append(TerminalText.safe(reason)).append(' ').append(String.format(Locale.ROOT, "%,d", n)));
                    spec.commandLine().getOut().println("read with jsoup's tree, by reason: " + reasons);
                }
            }
        }
        return ExitCodes.OK;
    }

    private ExtractionRules rules() {
        if (rules == null && extract.isEmpty()) {
            throw new UsageException("--rules or --extract: say which fields to extract");
        }
        return ExtractionOptions.rules(extract, rules);
    }
}
