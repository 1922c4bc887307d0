package dev.trawl.cli;

import dev.trawl.crawl.CrawlConfig;
import java.sql.DriverManager;
import java.sql.SQLException;
import picocli.CommandLine.IVersionProvider;

/**
 * What `trawl --version` prints: trawl's version, the Java runtime it runs on (an installed package brings its own)
 * and the SQLite library the default store writes with, which is what a bug report needs.
 */
final class VersionText implements IVersionProvider {
    @Override
    public String[] getVersion() {
        Runtime.Version java = Runtime.version();
        return new String[] {
                "trawl " + CrawlConfig.VERSION,
                "Java " + java + " (" + System.getProperty("java.vendor", "unknown vendor") + ", " + System.getProperty("java.home") + ")",
                "SQLite " + sqliteVersion(),
        };
    }

    private static String sqliteVersion() {
        try (var connection = DriverManager.getConnection("jdbc:sqlite::memory:");
             var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT sqlite_version()")) {
            return result.next() ? result.getString(1) : "unknown";
        } catch (SQLException | RuntimeException | LinkageError e) {
            return "unavailable (" + e.getClass().getSimpleName() + ")";
        }
    }
}
