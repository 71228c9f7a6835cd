package dev.scout.store.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a PostgreSQL store lives: {@code postgresql://[user[:password]@]host[:port]/database[?param=value&...]}
 * ({@code postgres://} is accepted too). The user and password come from the URL, else from the {@code PGUSER} and
 * {@code PGPASSWORD} environment variables; the user defaults to {@code postgres}, the port to 5432. Query
 * parameters go to the driver unchanged (e.g. {@code sslmode=require}).
 *
 * <p>{@link #toString()} and {@link #masked()} never show the password; only {@link #password()} hands it out, at
 * the point where the connection is opened. Immutable and thread-safe.
 */
public final class PostgresLocation {
    /** Default PostgreSQL port. */
    public static final int DEFAULT_PORT = 5432;
    private static final String MASK = "****";

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final Optional<String> password;
    private final boolean userInUrl;
    private final Map<String, String> parameters;

    private PostgresLocation(String host, int port, String database, String user, Optional<String> password,
                             boolean userInUrl, Map<String, String> parameters) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.userInUrl = userInUrl;
        this.parameters = Map.copyOf(parameters);
    }

    /** True when {@code location} names a PostgreSQL server rather than a file. */
    public static boolean isPostgres(String location) {
        String l = location.strip().toLowerCase(Locale.ROOT);
        return l.startsWith("postgresql://") || l.startsWith("postgres://");
    }

    /** Parses with credentials from the process environment. */
    public static PostgresLocation parse(String url) {
        return parse(url, System.getenv());
    }

    /**
     * Parses {@code url}, taking missing credentials from {@code env} ({@code PGUSER}, {@code PGPASSWORD}).
     *
     * @throws IllegalArgumentException naming the URL (password masked) and what is wrong with it
     */
    public static PostgresLocation parse(String url, Map<String, String> env) {
        Objects.requireNonNull(url, "url");
        String text = url.strip();
        if (!isPostgres(text)) {
            throw new IllegalArgumentException("'" + maskRaw(text) + "' is not a PostgreSQL URL; write"
                    + " postgresql://host:port/database");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + maskRaw(text) + "' is not a valid URL (" + e.getReason()
                    + "); write postgresql://user@host:port/database, with special characters in the password"
                    + " percent-encoded (or the password in PGPASSWORD)", e);
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("'" + maskRaw(text) + "' names no host; write"
                    + " postgresql://host:port/database");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isBlank() || database.contains("/")) {
            throw new IllegalArgumentException("'" + maskRaw(text) + "' names no database; write"
                    + " postgresql://host:port/database");
        }
        String userInfo = uri.getRawUserInfo();
        String user = null;
        String password = null;
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : null;
        }
        boolean userInUrl = user != null && !user.isEmpty();
        if (!userInUrl) {
            user = nonBlank(env.get("PGUSER")).orElse("postgres");
        }
        Optional<String> pw = nonBlank(password).or(() -> nonBlank(env.get("PGPASSWORD")));
        return new PostgresLocation(host, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), decode(database), user,
                pw, userInUrl, query(uri.getRawQuery()));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq >= 0 ? pair.substring(0, eq) : pair);
            if (key.equalsIgnoreCase("user") || key.equalsIgnoreCase("password")) {
                continue; // credentials travel in the URL's user part or the environment only
            }
            out.put(key, eq >= 0 ? decode(pair.substring(eq + 1)) : "");
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    /** {@code raw} with anything between {@code ://user:} and {@code @} replaced by the mask; for error messages. */
    static String maskRaw(String raw) {
        return raw.replaceAll("(?i)^(postgres(?:ql)?://[^:/@]*:)[^@]*@", "$1" + MASK + "@");
    }

    /** The driver URL, without credentials: {@code jdbc:postgresql://host:port/database?...}. */
    public String jdbcUrl() {
        StringBuilder b = new StringBuilder("jdbc:postgresql://").append(hostPort()).append('/').append(database);
        String sep = "?";
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            b.append(sep).append(p.getKey()).append('=').append(p.getValue());
            sep = "&";
        }
        return b.toString();
    }

    private String hostPort() {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The URL as the user may see it: user shown, password (when there is one) as {@code ****}. */
    public String masked() {
        return "postgresql://" + user + (password.isPresent() ? ":" + MASK : "") + "@" + hostPort() + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    /** Whether the user was written in the URL (rather than taken from PGUSER or the default). */
    public boolean userInUrl() {
        return userInUrl;
    }

    /** The password; call it only where the connection is opened. */
    public Optional<String> password() {
        return password;
    }

    /** Driver parameters from the URL's query. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** This location with another database name (the test bootstrap creates one database per test class). */
    public PostgresLocation withDatabase(String name) {
        return new PostgresLocation(host, port, name, user, password, userInUrl, parameters);
    }

    /** {@link #masked()}: never the password. */
    @Override
    public String toString() {
        return masked();
    }
}
