package dev.trawl.store;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A PostgreSQL {@code --db} target: {@code postgresql://user[:password]@host[:port]/dbname[?param=value...]}
 * ({@code postgres://} too, userinfo percent-decoded as in libpq) or pgjdbc's own
 * {@code jdbc:postgresql://host[:port]/dbname?user=...&password=...}. Query parameters other than user and
 * password are passed to pgjdbc as connection properties (e.g. {@code sslmode}, {@code currentSchema}).
 *
 * <p>Defaults follow libpq: host localhost, port 5432, user the OS user, database the user name. The password,
 * when given, is kept out of {@link #toString} and of every message, which name the target as {@link #display}.
 *
 * @param password  null when none was given in the target; see {@link PostgresPasswords}
 * @param parameters further pgjdbc connection properties, in the order given
 */
record PostgresTarget(String host, int port, String database, String user, String password,
                      Map<String, String> parameters) {
    private static final int DEFAULT_PORT = 5432;

    PostgresTarget {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Whether a --db value names PostgreSQL rather than a SQLite file. */
    static boolean matches(String target) {
        return target.startsWith("postgresql://") || target.startsWith("postgres://")
                || target.startsWith("jdbc:postgresql:");
    }

    /**
     * Parses a target that {@link #matches}.
     *
     * @param osUser the default user name, as libpq takes it from the OS
     * @throws StoreException "cannot open database TARGET: reason", with any password masked
     */
    static PostgresTarget parse(String target, String osUser) {
        try {
            return parseOrThrow(target, osUser);
        } catch (IllegalArgumentException e) {
            throw new StoreException("cannot open database " + masked(target) + ": " + e.getMessage(), null);
        }
    }

    private static PostgresTarget parseOrThrow(String target, String osUser) {
        String rest = target.substring(target.indexOf(':', target.startsWith("jdbc:") ? 5 : 0) + 1);
        if (!rest.startsWith("//")) {
            rest = "///" + rest; // jdbc:postgresql:dbname means the default host
        }
        rest = rest.substring(2);
        int query = rest.indexOf('?');
        Map<String, String> params = query < 0 ? new LinkedHashMap<>() : queryParameters(rest.substring(query + 1));
        String beforeQuery = query < 0 ? rest : rest.substring(0, query);
        int slash = beforeQuery.indexOf('/');
        String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String path = slash < 0 ? "" : decode(beforeQuery.substring(slash + 1));

        String user = params.remove("user");
        String password = params.remove("password");
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userinfo = authority.substring(0, at);
            int colon = userinfo.indexOf(':');
            user = decode(colon < 0 ? userinfo : userinfo.substring(0, colon));
            password = colon < 0 ? password : decode(userinfo.substring(colon + 1));
            authority = authority.substring(at + 1);
        }
        if (user == null || user.isEmpty()) {
            user = osUser;
        }
        String[] hostPort = hostAndPort(authority);
        String host = hostPort[0].isEmpty() ? "localhost" : hostPort[0];
        int port = hostPort[1].isEmpty() ? DEFAULT_PORT : port(hostPort[1]);
        return new PostgresTarget(host, port, path.isEmpty() ? user : path, user, password, params);
    }

    /** Splits "host", "host:port", "[v6]" or "[v6]:port"; several hosts are refused. */
    private static String[] hostAndPort(String authority) {
        String host = decode(authority);
        if (host.contains(",")) {
            throw new IllegalArgumentException("several hosts are not supported");
        }
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in host '" + host + "'");
            }
            String after = host.substring(close + 1);
            return new String[] {host.substring(0, close + 1), after.startsWith(":") ? after.substring(1) : after};
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? new String[] {host, ""} : new String[] {host.substring(0, colon), host.substring(colon + 1)};
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("port '" + text + "' is not a number from 1 to 65535");
    }

    private static Map<String, String> queryParameters(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return params;
    }

    /** RFC 3986 percent-decoding as UTF-8; unlike URLDecoder, '+' stays '+'. */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("bad percent-encoding in '" + masked(text) + "'");
                }
                bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The target with any password cut out, for messages about a target that did not parse. */
    static String masked(String target) {
        return target.replaceAll("(//[^/@:?]*):[^/@]*@", "$1@").replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }

    /** How messages name the database: {@code postgresql://user@host:port/db}, never with the password. */
    String display() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    /** The pgjdbc URL, without user and password (they go in {@link #credentials}). */
    String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port)
                .append('/').append(URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20"));
        char sep = '?';
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            url.append(sep).append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return url.toString();
    }

    /** This target with the password found elsewhere (PGPASSWORD, ~/.pgpass); null keeps it unset. */
    PostgresTarget withPassword(String found) {
        return new PostgresTarget(host, port, database, user, found, parameters);
    }

    /** user and, when known, password, as pgjdbc connection properties. */
    Properties credentials() {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        return props;
    }

    @Override
    public String toString() {
        return display();
    }
}
