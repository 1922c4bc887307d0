package dev.trawl;

import dev.trawl.cli.TrawlCommand;
import java.io.PrintWriter;

/** Entry point of the command line; see {@link TrawlCommand}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        var out = new PrintWriter(System.out, true);
        var err = new PrintWriter(System.err, true);
        int code = TrawlCommand.run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
