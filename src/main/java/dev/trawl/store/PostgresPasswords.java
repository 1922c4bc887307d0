package dev.trawl.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the password for a target that has none, as libpq does: {@code PGPASSWORD}, then the password file
 * ({@code PGPASSFILE}, default {@code ~/.pgpass}).
 *
 * <p>pgjdbc 42.7 reads the password file by itself when no password is set, but it neither honours
 * {@code PGPASSWORD} nor refuses a file that group or others can read, which libpq does to keep a password that
 * others can see from being used. So trawl looks up the password itself and, when it refused a file, passes an
 * empty password so that pgjdbc does not read the file behind its back.
 *
 * @param env  the environment (System.getenv() in production)
 * @param home the user's home directory
 */
record PostgresPasswords(Map<String, String> env, Path home) {
    private static final Set<PosixFilePermission> TOO_OPEN = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /**
     * The outcome of a lookup.
     *
     * @param password the password, "" to keep pgjdbc from looking further, or null for none
     * @param note     null, or why a password file was not used, to add to an authentication failure
     */
    record Found(String password, String note) {}

    /** Fills in the password of a target that has none. */
    Found lookup(PostgresTarget target) {
        if (target.password() != null) {
            return new Found(target.password(), null);
        }
        String fromEnv = env.get("PGPASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return new Found(fromEnv, null);
        }
        String named = env.get("PGPASSFILE");
        Path file = named != null && !named.isEmpty() ? Path.of(named) : home.resolve(".pgpass");
        if (!Files.isRegularFile(file)) {
            return new Found(null, null);
        }
        if (isTooOpen(file)) {
            return new Found("", file + " was ignored because group or others can read it (chmod 0600 it)");
        }
        try {
            return new Found(find(Files.readAllLines(file), target), null);
        } catch (IOException e) {
            return new Found("", file + " could not be read: " + e.getMessage());
        }
    }

    private static boolean isTooOpen(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            return perms.stream().anyMatch(TOO_OPEN::contains);
        } catch (UnsupportedOperationException | IOException e) {
            return false; // not a POSIX file system: libpq does not check there either
        }
    }

    /**
     * The password of the first line whose host, port, database and user match. As in libpq, a field that is just
     * {@code *} matches anything, {@code \:} and {@code \\} stand for themselves (so {@code \*} is a literal
     * star), and the password ends at the next unescaped colon.
     */
    static String find(List<String> lines, PostgresTarget target) {
        List<String> wanted = List.of(target.host(), Integer.toString(target.port()), target.database(), target.user());
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> raw = rawFields(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            if (raw.size() < 5) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < 4 && match; i++) {
                match = raw.get(i).equals("*") || unescape(raw.get(i)).equals(wanted.get(i));
            }
            if (match) {
                return unescape(raw.get(4));
            }
        }
        return null;
    }

    /** Splits at colons not preceded by a backslash; escapes are kept. */
    private static List<String> rawFields(String line) {
        List<String> fields = new ArrayList<>(5);
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ':') {
                fields.add(line.substring(start, i));
                start = i + 1;
            }
        }
        fields.add(line.substring(start));
        return fields;
    }

    private static String unescape(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                c = raw.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
