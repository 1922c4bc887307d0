package dev.trawl.cli;

import dev.trawl.export.TerminalText;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; each job is a subcommand. */
@Command(name = "trawl", mixinStandardHelpOptions = true, versionProvider = VersionText.class,
        description = "A fast, polite, crash-safe web crawler.",
        footerHeading = "%nExamples:%n",
        footer = {"  trawl demo",
                "  trawl crawl https://example.com/ --max-pages 500 --db example.db",
                "  trawl export --db example.db > example.jsonl",
                "%nEach command has its own --help; `man trawl` and `man trawl-crawl` have the details."})
public final class TrawlCommand implements Runnable {
    /**
     * The subcommands by name, in the order help lists them. Lambdas, not constructor references: picocli's classes
     * are Java 5 class files, which the JVM's AOT cache leaves out, and a method reference straight to one of them
     * made JDK 25.0.3 crash while writing the cache (archiveHeapWriter: "Metadata ... should have been archived").
     */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("crawl", CrawlCommand::new);
        COMMANDS.put("worker", WorkerCommand::new);
        COMMANDS.put("export", ExportCommand::new);
        COMMANDS.put("extract", ExtractCommand::new);
        COMMANDS.put("status", StatusCommand::new);
        COMMANDS.put("serve", ServeCommand::new);
        COMMANDS.put("demo", DemoCommand::new);
        COMMANDS.put("aot-train", AotTrainCommand::new);
        COMMANDS.put("help", () -> new CommandLine.HelpCommand());
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (crawl, worker, export, status, serve, demo)");
    }

    /**
     * The whole command tree, every subcommand built: what help, the man pages and shell completion are made from,
     * so that they never drift from the options.
     */
    public static CommandLine commandLine() {
        var cli = new CommandLine(new TrawlCommand());
        COMMANDS.forEach((name, command) -> add(cli, name, command.get()));
        return parsing(cli);
    }

    /** How every command line is parsed; set once the subcommands are in, since picocli applies it to those present. */
    private static CommandLine parsing(CommandLine cli) {
        return cli.setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Adds a subcommand; its --version says what the root's says. */
    private static void add(CommandLine cli, String name, Object command) {
        cli.addSubcommand(name, command);
        cli.getSubcommands().get(name).getCommandSpec().versionProvider(new VersionText());
    }

    /** Runs trawl with these arguments and returns the exit code; tests call this instead of main. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // Only the subcommand this run names: picocli builds each one's model by reflection, and building all of
        // them was a third of the start-up of a crawl. Help, --version and mistakes get them all.
        Supplier<Object> named = args.length > 0 && !"help".equals(args[0]) ? COMMANDS.get(args[0]) : null;
        CommandLine cli;
        if (named != null) {
            cli = new CommandLine(new TrawlCommand());
            add(cli, args[0], named.get());
            parsing(cli);
        } else {
            cli = commandLine();
        }
        cli.setOut(out)
                .setErr(err)
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
        if (parsed.expandedArgs().contains("--debug")) printStackTrace(ex, err);
        err.flush();
        return ExitCodes.FATAL;
    }

    private static String describe(Throwable ex) {
        if (ex instanceof dev.trawl.store.StoreException || ex instanceof java.io.UncheckedIOException
                || ex instanceof dev.trawl.warc.WarcException) return ex.getMessage();
        String message = ex.getMessage();
        return "internal error: " + ex.getClass().getSimpleName() + (message == null ? "" : ": " + message)
                + " (run with --debug for details)";
    }

    /**
     * The message on one line, safe for a terminal: messages echo URLs, paths and option values, which may hold
     * ESC, BEL and other characters a terminal would act on (see {@link TerminalText}).
     */
    static String oneLine(String message) {
        if (message == null) return "unknown error";
        return TerminalText.safe(message.replaceAll("\\s*[\\r\\n]+\\s*", "; ").strip());
    }

    /** The stack trace, line by line terminal-safe as {@link #oneLine}: exception messages may quote a URL. */
    private static void printStackTrace(Throwable ex, PrintWriter err) {
        var trace = new java.io.StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        trace.toString().lines().forEach(line -> err.println(TerminalText.safe(line)));
    }
}
