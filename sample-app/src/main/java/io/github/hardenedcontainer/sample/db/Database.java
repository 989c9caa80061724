package io.github.hardenedcontainer.sample.db;

import io.github.hardenedcontainer.sample.config.AppConfig;
import io.github.hardenedcontainer.sample.config.DatabaseConfig;
import io.github.hardenedcontainer.sample.log.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The connection pool and the schema state. The pool is created once; readiness borrows a pooled connection for
 * {@code SELECT 1} rather than opening a new one. The schema is watched in the background until it is current,
 * so the service starts (and answers /health) even while the database is still coming up: with
 * {@code DATABASE_MIGRATIONS=check} (the default) by reading its version, while the {@code migrate} command (a
 * step of its own before the service starts) applies them; with {@code apply} by applying them itself.
 */
public final class Database {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    private static final long MIGRATION_RETRY_MS = 2000;

    private final Vertx vertx;
    private final Pool pool;
    /** This release's migrations, read and hashed once; the background watch retries with the same. */
    private final Migrator migrator;
    private volatile boolean migrated;
    private volatile String schemaReason = "database schema not checked yet";
    private volatile boolean closed;

    public Database(Vertx vertx, DatabaseConfig config, int poolSize) {
        this(vertx, config, poolSize, java.time.Duration.ofMinutes(30));
    }

    /**
     * The pool. With a password file, each new connection reads it again: after a rotation (ALTER ROLE, then the
     * file rewritten in place) new connections log in with the new password while the open ones, already
     * authenticated, keep serving until they reach {@code maxLifetime}; no request fails.
     */
    public Database(Vertx vertx, DatabaseConfig config, int poolSize, java.time.Duration maxLifetime) {
        this.vertx = vertx;
        long timeoutMs = AppConfig.READY_TIMEOUT.toMillis();
        PgConnectOptions connect = connectOptions(config);
        PoolOptions poolOptions = new PoolOptions()
                .setName("app")
                .setMaxSize(poolSize)
                .setConnectionTimeout((int) timeoutMs / 2)
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout(60)
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxLifetime((int) maxLifetime.toSeconds())
                .setMaxLifetimeUnit(TimeUnit.SECONDS);
        // Half the readiness budget to connect, and half to wait for a pooled connection: a database that is gone
        // is reported well within the bound, and a saturated pool answers 503 rather than queueing for long.
        NetClientOptions net = new NetClientOptions().setConnectTimeout((int) timeoutMs / 2);
        this.pool = config.passwordFile() == null
                ? PgBuilder.pool().with(poolOptions).with(net).connectingTo(connect).using(vertx).build()
                : PgBuilder.pool().with(poolOptions).with(net).connectingTo(() -> vertx.fileSystem()
                        .readFile(config.passwordFile())
                        .map(content -> (SqlConnectOptions) connectOptions(config.withPassword(
                                AppConfig.passwordOf(content.toString(java.nio.charset.StandardCharsets.UTF_8))))))
                        .using(vertx).build();
        this.migrator = new Migrator(pool);
        Log.event(LOG, Level.INFO, "database pool created", "target", config.redacted(), "size", poolSize);
    }

    /** How to connect: the target, the credentials and TLS as {@code sslmode} asks (libpq's meaning). */
    public static PgConnectOptions connectOptions(DatabaseConfig config) {
        PgConnectOptions connect = new PgConnectOptions()
                .setHost(config.host())
                .setPort(config.port())
                .setDatabase(config.database())
                .setUser(config.user())
                .setPassword(config.password())
                .setCachePreparedStatements(true)
                .setSslMode(SslMode.of(config.sslMode()));
        if (!config.sslMode().equals("disable")) {
            // libpq's meaning: require (and prefer, allow) encrypt without checking the certificate unless a root
            // certificate is given; verify-ca checks it against sslrootcert; verify-full also checks the host name.
            ClientSSLOptions ssl = new ClientSSLOptions();
            if (config.verifiesCertificate()) {
                ssl.setTrustOptions(new PemTrustOptions().addCertPath(config.sslRootCert()));
            } else {
                ssl.setTrustAll(true);
            }
            ssl.setHostnameVerificationAlgorithm(config.sslMode().equals("verify-full") ? "HTTPS" : "");
            connect.setSslOptions(ssl);
        }
        return connect;
    }

    public Pool pool() {
        return pool;
    }

    /** This release's migrations, on this pool. */
    public Migrator migrator() {
        return migrator;
    }

    /** Watches the schema in the background as the mode says, until it is current. */
    public void watchSchema(String mode) {
        if (mode.equals("apply")) {
            migrateInBackground();
        } else {
            checkInBackground();
        }
    }

    /** Reads the schema version every two seconds until it is this release's (or newer). */
    private void checkInBackground() {
        migrator.currentVersion().onComplete(result -> {
            int latest = migrator.latestVersion();
            if (result.succeeded() && result.result() >= latest) {
                migrated = true;
                Log.event(LOG, Level.INFO, "schema up to date", "version", result.result(), "expected", latest);
                return;
            }
            String reason = result.succeeded()
                    ? "database schema at version " + result.result() + ", this release needs " + latest
                            + ": run the migrate command (this image with the argument migrate)"
                    : result.cause() instanceof IllegalStateException ? "database schema: " + result.cause().getMessage()
                    : "database schema unknown: " + describe(result.cause());
            if (!reason.equals(schemaReason)) {
                Log.event(LOG, Level.WARNING, "schema not ready", "reason", reason);
            }
            schemaReason = reason;
            if (!closed) {
                vertx.setTimer(MIGRATION_RETRY_MS, id -> checkInBackground());
            }
        });
    }

    /** Why the schema is not ready, for readiness answers. */
    public String schemaReason() {
        return schemaReason;
    }

    /** Starts applying migrations, retrying every two seconds until the database accepts them. */
    public void migrateInBackground() {
        migrator.migrate().onComplete(result -> {
            if (result.succeeded()) {
                migrated = true;
                Log.event(LOG, Level.INFO, "schema up to date", "applied", result.result());
            } else if (!closed) {
                schemaReason = "database schema not ready yet: " + describe(result.cause());
                Log.event(LOG, Level.WARNING, "migrations failed, retrying", "error", describe(result.cause()));
                vertx.setTimer(MIGRATION_RETRY_MS, id -> migrateInBackground());
            }
        });
    }

    public boolean migrated() {
        return migrated;
    }

    /** {@code SELECT 1} through the pool, failing after the readiness timeout. */
    public Future<Void> ping() {
        return pool.query("SELECT 1").execute()
                .timeout(AppConfig.READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .mapEmpty();
    }

    public Future<Void> close() {
        closed = true;
        return pool.close();
    }

    /** A short reason for logs and readiness bodies: the exception type and message, no connection secrets. */
    public static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
