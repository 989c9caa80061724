package io.github.hardenedcontainer.sample.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

/**
 * The service's configuration, read from environment variables only.
 *
 * <ul>
 *   <li>{@code PORT}: HTTP port, default 8080.</li>
 *   <li>{@code APP_ENV}: environment name shown in /info, default {@code production}.</li>
 *   <li>{@code DATABASE_URL}: {@code postgres://user[:password]@host[:port]/database[?sslmode=...&sslrootcert=...]};
 *       without it the service runs and /ready answers 503 "database not configured". {@code sslmode} takes
 *       libpq's values (disable, the default; allow, prefer, require, verify-ca, verify-full) and
 *       {@code sslrootcert} a PEM file of CA certificates (required by the verify modes); any other parameter is an
 *       error, never silently dropped.</li>
 *   <li>{@code DATABASE_PASSWORD_FILE}: a file holding the password (a Compose or Kubernetes secret); it wins over a
 *       password inside {@code DATABASE_URL}. Read again for every new connection: a rotated password is taken up
 *       without a restart.</li>
 *   <li>{@code DATABASE_POOL_MAX_LIFETIME_SECONDS}: how long a pooled connection lives before it is replaced,
 *       default 1800 (0: for ever); after a password rotation, the time until no connection uses the old one.</li>
 *   <li>{@code DATABASE_POOL_SIZE}: connections in the pool, default 5.</li>
 *   <li>{@code SHUTDOWN_GRACE_SECONDS}: how long SIGTERM may take in all, default 10.</li>
 *   <li>{@code SHUTDOWN_DELAY_SECONDS}: how long the service keeps serving with /ready at 503 after SIGTERM, so
 *       that load balancers stop sending before the listener closes, default 2.</li>
 *   <li>{@code GIT_COMMIT}: the commit the image was built from, shown in /info when set.</li>
 *   <li>{@code DATABASE_MIGRATIONS}: {@code check} (the default): the service reads the schema version at start and
 *       stays not ready, saying why, until the {@code migrate} command has brought it to this release's;
 *       {@code apply}: the service applies the migrations itself (one process, local runs).</li>
 *   <li>{@code LOG_LEVEL}: error, warn, info (the default), debug or trace; the level of every logger, Vert.x's and
 *       Netty's included.</li>
 * </ul>
 */
public record AppConfig(
        int port,
        String environment,
        Optional<DatabaseConfig> database,
        int poolSize,
        Duration poolMaxLifetime,
        Duration shutdownGrace,
        Duration shutdownDelay,
        Optional<String> gitCommit,
        Level logLevel,
        String migrations) {

    /** Readiness never waits longer than this for the database. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(2);

    /** Reads and validates the configuration; the first bad variable is reported. */
    public static AppConfig fromEnvironment(Map<String, String> env) throws ConfigException {
        int port = integer(env, "PORT", 8080, 1, 65535);
        String environment = text(env, "APP_ENV").orElse("production");
        if (!environment.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new ConfigException("APP_ENV must be 1 to 32 letters, digits, '.', '_' or '-', such as production");
        }
        Optional<DatabaseConfig> database = Optional.empty();
        Optional<String> url = text(env, "DATABASE_URL");
        Optional<String> passwordFile = text(env, "DATABASE_PASSWORD_FILE");
        if (url.isPresent()) {
            DatabaseConfig parsed = parseUrl(url.get());
            if (passwordFile.isPresent()) {
                parsed = parsed.withPasswordFile(passwordFile.get(), readPassword(passwordFile.get()));
            }
            database = Optional.of(parsed);
        } else if (passwordFile.isPresent()) {
            throw new ConfigException("DATABASE_PASSWORD_FILE is set but DATABASE_URL is not: set DATABASE_URL to"
                    + " postgres://user@host:5432/database");
        }
        int poolSize = integer(env, "DATABASE_POOL_SIZE", 5, 1, 100);
        int grace = integer(env, "SHUTDOWN_GRACE_SECONDS", 10, 1, 300);
        int delay = integer(env, "SHUTDOWN_DELAY_SECONDS", 2, 0, 60);
        if (delay >= grace) {
            throw new ConfigException("SHUTDOWN_DELAY_SECONDS (" + delay + ") must be less than SHUTDOWN_GRACE_SECONDS ("
                    + grace + "), so that in-flight requests have time to finish");
        }
        Optional<String> commit = text(env, "GIT_COMMIT");
        if (commit.isPresent() && !commit.get().matches("[0-9a-fA-F]{7,40}")) {
            throw new ConfigException("GIT_COMMIT must be a commit SHA of 7 to 40 hex digits");
        }
        Duration maxLifetime = Duration.ofSeconds(integer(env, "DATABASE_POOL_MAX_LIFETIME_SECONDS", 1800, 0, 86400));
        return new AppConfig(port, environment, database, poolSize, maxLifetime, Duration.ofSeconds(grace),
                Duration.ofSeconds(delay), commit, logLevel(text(env, "LOG_LEVEL")), migrations(env));
    }

    private static String migrations(Map<String, String> env) throws ConfigException {
        String mode = text(env, "DATABASE_MIGRATIONS").orElse("check");
        if (!mode.equals("check") && !mode.equals("apply")) {
            throw new ConfigException("DATABASE_MIGRATIONS must be check (wait for the migrate command) or apply"
                    + " (the service applies them itself), got \"" + mode + "\"");
        }
        return mode;
    }

    /** LOG_LEVEL's names, as most services spell them, to java.util.logging's levels. */
    private static Level logLevel(Optional<String> value) throws ConfigException {
        String name = value.orElse("info").toLowerCase(java.util.Locale.ROOT);
        return switch (name) {
            case "error" -> Level.SEVERE;
            case "warn", "warning" -> Level.WARNING;
            case "info" -> Level.INFO;
            case "debug" -> Level.FINE;
            case "trace" -> Level.FINEST;
            default -> throw new ConfigException("LOG_LEVEL must be error, warn, info, debug or trace, got \""
                    + value.orElse("") + "\"");
        };
    }

    static DatabaseConfig parseUrl(String value) throws ConfigException {
        String problem = "DATABASE_URL must look like postgres://user@host:5432/database";
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigException(problem + " (it is not a valid URL)");
        }
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new ConfigException(problem + " (the scheme must be postgres or postgresql)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new ConfigException(problem + " (the host is missing)");
        }
        String rawUser = uri.getRawUserInfo();
        if (rawUser == null || rawUser.isEmpty() || rawUser.startsWith(":")) {
            throw new ConfigException(problem + " (the user is missing)");
        }
        String path = uri.getPath();
        if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw new ConfigException(problem + " (the database name is missing)");
        }
        int colon = rawUser.indexOf(':');
        String user = decode(colon < 0 ? rawUser : rawUser.substring(0, colon));
        String password = colon < 0 ? null : decode(rawUser.substring(colon + 1));
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new ConfigException(problem + " (the port must be 1 to 65535)");
        }
        String sslMode = "disable";
        String sslRootCert = null;
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            for (String parameter : uri.getRawQuery().split("&")) {
                int eq = parameter.indexOf('=');
                String name = decode(eq < 0 ? parameter : parameter.substring(0, eq));
                String val = eq < 0 ? "" : decode(parameter.substring(eq + 1));
                switch (name) {
                    case "sslmode" -> {
                        if (!SSL_MODES.contains(val)) {
                            throw new ConfigException("DATABASE_URL has sslmode=" + val + ": it must be one of "
                                    + String.join(", ", SSL_MODES));
                        }
                        sslMode = val;
                    }
                    case "sslrootcert" -> {
                        if (!Files.isReadable(Path.of(val))) {
                            throw new ConfigException("DATABASE_URL has sslrootcert=" + val + ", which cannot be read:"
                                    + " mount the CA certificate (PEM) there");
                        }
                        sslRootCert = val;
                    }
                    default -> throw new ConfigException("DATABASE_URL has the parameter " + name + ", which this"
                            + " service does not support (it supports sslmode and sslrootcert)");
                }
            }
        }
        if (sslMode.startsWith("verify-") && sslRootCert == null) {
            throw new ConfigException("DATABASE_URL has sslmode=" + sslMode + " but no sslrootcert: add"
                    + " &sslrootcert=/path/to/ca.pem, the CA certificate that signed the server's");
        }
        if (sslRootCert != null && (sslMode.equals("disable") || sslMode.equals("allow"))) {
            throw new ConfigException("DATABASE_URL has sslrootcert but sslmode=" + sslMode + ", which does not"
                    + " check certificates: use sslmode=verify-full (or verify-ca)");
        }
        return new DatabaseConfig(uri.getHost(), port, path.substring(1), user, password, sslMode, sslRootCert, null);
    }

    /** libpq's sslmode values, weakest first. */
    static final java.util.List<String> SSL_MODES = java.util.List.of("disable", "allow", "prefer", "require",
            "verify-ca", "verify-full");

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A secret file's content without its one trailing line break, as the password. */
    public static String passwordOf(String content) {
        return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    }

    private static String readPassword(String file) throws ConfigException {
        try {
            String password = passwordOf(Files.readString(Path.of(file), StandardCharsets.UTF_8));
            if (password.isEmpty()) {
                throw new ConfigException("DATABASE_PASSWORD_FILE " + file + " is empty: write the password into it");
            }
            return password;
        } catch (IOException e) {
            throw new ConfigException("DATABASE_PASSWORD_FILE " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + "): mount the secret file there or unset the variable");
        }
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static int integer(Map<String, String> env, String name, int defaultValue, int min, int max)
            throws ConfigException {
        Optional<String> value = text(env, name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(name + " must be a whole number from " + min + " to " + max + ", got \""
                + value.get() + "\"");
    }
}
