package dev.trawl.cli;

import dev.trawl.export.ExportFormat;
import dev.trawl.export.Exports;
import dev.trawl.store.PageReads;
import dev.trawl.store.PageStore;
import dev.trawl.store.Stores;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `trawl export --db TARGET [--format jsonl|csv] [--out FILE]`: streams one record per attempted URL. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write one record per attempted URL (fetched, failed, or denied by robots.txt).",
        footerHeading = "%nExamples:%n",
        footer = {"  trawl export --db example.db > example.jsonl",
                "  trawl export --db example.db --out example.csv",
                "  trawl export --db postgresql://me@db/crawl --format csv --out crawl.csv",
                "  trawl export --db example.db --duplicates --out same-content.csv",
                "  trawl export --db example.db --out example.warc.gz"})
final class ExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--db", paramLabel = "TARGET", defaultValue = "trawl.db",
            description = "SQLite file, or postgresql://user[:password]@host[:port]/dbname (default: ${DEFAULT-VALUE})")
    String db;

    @Option(names = "--format", paramLabel = "jsonl|csv|warc",
            description = "output format; warc: the bodies stored with --store-bodies, as gzip WARC/1.1 (default: from the --out extension: .csv, .warc.gz; else jsonl)")
    ExportFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "write here instead of standard output (default: standard output)")
    Path out;

    @Option(names = "--duplicates",
            description = "only the pages whose content (payload SHA-1) another page has too, grouped by digest (default: off, every attempted URL)")
    boolean duplicates;

    @Option(names = "--debug", description = "print stack traces of internal errors (default: off)")
    boolean debug;

    @Override
    public Integer call() throws IOException {
        ExportFormat chosen = format != null ? format : fromExtension();
        if (chosen == ExportFormat.WARC && duplicates) {
            throw new UsageException("--duplicates: lists pages, not archives; use it with jsonl or csv");
        }
        try (PageStore store = Stores.openExisting(db)) {
            if (out == null) {
                OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
                write(store, chosen, stdout, "-");
                stdout.flush();
            } else {
                Path tmp = out.resolveSibling(out.getFileName() + ".part");
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    write(store, chosen, file, out.getFileName().toString());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
                }
                Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return ExitCodes.OK;
    }

    /** Most bytes a stored body is inflated to on export; it was at most --max-body when it was fetched. */
    private static final long MAX_STORED_BODY = 256L * 1024 * 1024;

    private void write(PageStore store, ExportFormat chosen, OutputStream to, String filename) throws IOException {
        if (chosen == ExportFormat.WARC) {
            Exports.writeWarc(store, to, filename, MAX_STORED_BODY);
        } else {
            Exports.write(store, chosen, selection(), to);
        }
    }

    private PageReads.Selection selection() {
        return duplicates ? PageReads.Selection.DUPLICATES : PageReads.Selection.ALL;
    }

    private ExportFormat fromExtension() {
        String name = out == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) return ExportFormat.CSV;
        if (name.endsWith(".warc.gz")) return ExportFormat.WARC;
        return ExportFormat.JSONL;
    }
}
