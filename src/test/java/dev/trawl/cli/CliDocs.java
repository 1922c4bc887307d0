package dev.trawl.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the man pages (AsciiDoc, picocli's generator: one page per command) and the bash and zsh completion
 * scripts (picocli's AutoComplete) from the command tree itself, so they say what the options are. scripts/package
 * runs it and turns the AsciiDoc into roff; CliDocsTest checks what it writes.
 */
public final class CliDocs {
    private CliDocs() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: CliDocs OUTPUT_DIR");
        write(Path.of(args[0]));
    }

    /** Writes man/*.adoc, completion/trawl (bash) and completion/_trawl (zsh) under dir. */
    static void write(Path dir) throws IOException {
        CommandLine cli = TrawlCommand.commandLine();
        File man = dir.resolve("man").toFile();
        Files.createDirectories(man.toPath());
        int status = ManPageGenerator.generateManPage(man, null, new boolean[0], true, cli.getCommandSpec());
        if (status != 0) throw new IOException("picocli's man page generator failed with status " + status);
        Path completion = Files.createDirectories(dir.resolve("completion"));
        String bash = AutoComplete.bash("trawl", cli);
        Files.writeString(completion.resolve("trawl"), bash);
        Files.writeString(completion.resolve("_trawl"), zsh(bash));
    }

    /**
     * zsh runs the bash script through its bash-completion emulation: loaded on the first Tab (#compdef), it defines
     * the functions, registers them for next time, and answers this first Tab too.
     */
    private static String zsh(String bash) {
        return "#compdef trawl\n"
                + "# Generated from trawl's command tree (picocli AutoComplete), run through zsh's bashcompinit.\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + bash
                + "\n_bash_complete -o default -F _picocli_trawl\n";
    }
}
