package dev.trawl.store;

import java.time.InstantSource;

/** Opens the store a --db target names. */
public final class Stores {
    private Stores() {}

    /**
     * Opens (creating and migrating if needed) the database: PostgreSQL for {@code postgresql://},
     * {@code postgres://} and {@code jdbc:postgresql:} targets (see {@link PostgresPageStore}), else a SQLite file.
     *
     * @throws StoreException "cannot open database TARGET: reason", one line, never with a password
     */
    public static PageStore open(String target) {
        if (PostgresTarget.matches(target)) {
            return PostgresPageStore.open(target, PostgresSettings.DEFAULTS, InstantSource.system());
        }
        if (target.startsWith("jdbc:")) {
            throw new StoreException("cannot open database " + PostgresTarget.masked(target)
                    + ": only SQLite files and PostgreSQL (postgresql://...) are supported", null);
        }
        return SqlitePageStore.open(target, SqliteSettings.DEFAULTS, InstantSource.system());
    }

    /**
     * Opens a database that must hold a crawl already, for commands that read one (export, extract): as
     * {@link #open}, but a SQLite file that does not exist is an error rather than a new empty database.
     */
    public static PageStore openExisting(String target) {
        if (isSqliteFile(target) && !java.nio.file.Files.exists(java.nio.file.Path.of(target))) {
            throw new StoreException("cannot open database " + target + ": no such file", null);
        }
        return open(target);
    }

    /** The target as messages show it: a PostgreSQL URL without its password, a file path as given. */
    public static String display(String target) {
        if (!PostgresTarget.matches(target)) return target.startsWith("jdbc:") ? PostgresTarget.masked(target) : target;
        try {
            return PostgresTarget.parse(target, System.getProperty("user.name")).display();
        } catch (RuntimeException unparsable) {
            return PostgresTarget.masked(target);
        }
    }

    /** Whether target names a SQLite file (which commands that only read may require to exist already). */
    public static boolean isSqliteFile(String target) {
        return !PostgresTarget.matches(target) && !target.startsWith("jdbc:");
    }
}
