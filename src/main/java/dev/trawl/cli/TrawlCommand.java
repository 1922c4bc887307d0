package dev.trawl.cli;

import dev.trawl.crawl.CrawlConfig;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; each job is a subcommand. */
@Command(name = "trawl", mixinStandardHelpOptions = true, version = "trawl " + CrawlConfig.VERSION,
        description = "A fast, polite, crash-safe web crawler.",
        subcommands = {CrawlCommand.class, WorkerCommand.class, ExportCommand.class, StatusCommand.class,
                DemoCommand.class, AotTrainCommand.class, CommandLine.HelpCommand.class})
public final class TrawlCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (crawl, worker, export, status, demo)");
    }

    /** Runs trawl with these arguments and returns the exit code; tests call this instead of main. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        var cli = new CommandLine(new TrawlCommand())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler((ex, a) -> usageError(ex, err))
                .setExecutionExceptionHandler((ex, cmd, parsed) -> executionError(ex, cmd, parsed, err));
        return cli.execute(args);
    }

    private static int usageError(CommandLine.ParameterException ex, PrintWriter err) {
        err.println("trawl: " + oneLine(ex.getMessage()));
        String name = ex.getCommandLine().getCommandSpec().qualifiedName(" ");
        err.println("Try '" + name + " --help' for usage.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int executionError(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed, PrintWriter err) {
        if (ex instanceof UsageException) {
            err.println("trawl: " + oneLine(ex.getMessage()));
            err.println("Try '" + cmd.getCommandSpec().qualifiedName(" ") + " --help' for usage.");
            err.flush();
            return ExitCodes.USAGE;
        }
        if (ex instanceof dev.trawl.crawl.CrawlRefusedException) { // not a --help matter: one line says it all
            err.println("trawl: " + oneLine(ex.getMessage()));
            err.flush();
            return ExitCodes.USAGE;
        }
        err.println("trawl: " + oneLine(describe(ex)));
        if (parsed.expandedArgs().contains("--debug")) ex.printStackTrace(err);
        err.flush();
        return ExitCodes.FATAL;
    }

    private static String describe(Throwable ex) {
        if (ex instanceof dev.trawl.store.StoreException || ex instanceof java.io.UncheckedIOException) return ex.getMessage();
        String message = ex.getMessage();
        return "internal error: " + ex.getClass().getSimpleName() + (message == null ? "" : ": " + message)
                + " (run with --debug for details)";
    }

    static String oneLine(String message) {
        if (message == null) return "unknown error";
        return message.replaceAll("\\s*[\\r\\n]+\\s*", "; ").strip();
    }
}
