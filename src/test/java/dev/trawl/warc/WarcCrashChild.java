package dev.trawl.warc;

import java.nio.file.Path;

/**
 * The process {@link WarcArchiveIT} kills with SIGKILL: writes captures into an archive for ever, printing
 * {@code wrote N} each time a write has returned (the records of capture N are then in the file).
 */
public final class WarcCrashChild {
    private WarcCrashChild() {}

    public static void main(String[] args) throws Exception {
        WarcArchive archive = WarcArchive.open(WarcArchiveConfig.defaults(Path.of(args[0]), WarcArchiveTest.INFO));
        for (int n = 0; ; n++) {
            archive.write(Captures.synthetic(n, 20_000 + n % 5000));
            System.out.println("wrote " + n);
            System.out.flush();
        }
    }
}
