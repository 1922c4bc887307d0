package dev.trawl.cli;

import dev.trawl.export.TerminalText;
import dev.trawl.serve.ReportServer;
import dev.trawl.stats.RunDirectory;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `trawl serve --db TARGET [--port N] [--bind ADDRESS]`: the read-only web report, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve a read-only web report of a crawl: overview, live counters, pages, errors (until Ctrl-C).",
        footerHeading = "%nExamples:%n",
        footer = {"  trawl serve --db trawl-demo.db",
                "  trawl serve --db example.db --port 9000",
                "  trawl serve --db postgresql://me@db/crawl --port 0"})
final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--db", paramLabel = "TARGET", defaultValue = "trawl.db",
            description = "SQLite file, or postgresql://user[:password]@host[:port]/dbname (default: ${DEFAULT-VALUE})")
    String db;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on; anything but loopback lets other machines read the crawl (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--run-dir", paramLabel = "DIR",
            description = "where crawls publish their live counters, as for trawl status (default: $TRAWL_RUN_DIR, else $XDG_RUNTIME_DIR/trawl, else /dev/shm/trawl-USER or a trawl-USER temp directory)")
    Path runDir;

    @Option(names = "--debug", description = "print stack traces of internal errors (default: off)")
    boolean debug;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) throw new UsageException("--port: expected a port from 0 to 65535, got " + port);
        InetSocketAddress address = address();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!ReportServer.isLoopback(address)) {
            err.println("trawl: warning: --bind " + TerminalText.safe(bind) + " is not loopback: anyone who can reach this machine can read the crawl");
            err.flush();
        }
        var stopped = new CountDownLatch(1);
        try (ReportServer server = ReportServer.start(db, address, RunDirectory.resolve(runDir, System.getenv()))) {
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(stopped::countDown));
            out.println("serving " + TerminalText.safe(dev.trawl.store.Stores.display(db)) + " at " + server.url() + " (Ctrl-C to stop)");
            out.flush();
            stopped.await();
        }
        return ExitCodes.OK;
    }

    private InetSocketAddress address() {
        try {
            return new InetSocketAddress(InetAddress.getByName(bind), port);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind: '" + bind + "' is not an address of this machine");
        }
    }
}
