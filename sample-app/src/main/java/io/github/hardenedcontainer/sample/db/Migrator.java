package io.github.hardenedcontainer.sample.db;

import io.github.hardenedcontainer.sample.log.Log;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the versioned migrations under {@code db/migration} (the {@code migrate} command, or the service at
 * start with {@code DATABASE_MIGRATIONS=apply}), and reads how far a database is (the service at start with
 * {@code DATABASE_MIGRATIONS=check}, the default).
 *
 * <p>Why not Flyway: it needs a JDBC driver and a blocking connection beside the reactive pool, which adds a
 * second driver and about 1 MB to the image for a schema of two statements. This runner keeps what matters:
 * each migration runs once, in its own transaction, under a PostgreSQL advisory lock so that replicas starting
 * together do not race; applied versions are recorded with a checksum, and an edited migration stops the start.
 */
public final class Migrator {

    /** The migrations, in order. Add a file under db/migration and a line here. */
    static final List<String> FILES = List.of("V1__create_items.sql", "V2__index_items_created_at.sql");

    private static final Logger LOG = Logger.getLogger(Migrator.class.getName());
    private static final long LOCK_KEY = 0x5a4d_4947_5241_5445L;

    private final Pool pool;
    private final List<Migration> migrations;

    public Migrator(Pool pool) {
        this.pool = pool;
        this.migrations = load();
    }

    /** Applies what is missing; completes with the number of migrations applied by this call. */
    public Future<Integer> migrate() {
        return pool.withTransaction(conn -> conn.query("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")").execute()
                .compose(r -> conn.query("CREATE TABLE IF NOT EXISTS schema_migrations ("
                        + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, checksum TEXT NOT NULL,"
                        + " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())").execute())
                .compose(r -> conn.query("SELECT version, checksum FROM schema_migrations").execute())
                .compose(rows -> {
                    java.util.Map<Integer, String> applied = new java.util.HashMap<>();
                    for (Row row : rows) {
                        applied.put(row.getInteger("version"), row.getString("checksum"));
                    }
                    Future<Integer> chain = Future.succeededFuture(0);
                    for (Migration m : migrations) {
                        String checksum = applied.get(m.version());
                        if (checksum != null) {
                            if (!checksum.equals(m.checksum())) {
                                return Future.failedFuture(new IllegalStateException("migration V" + m.version()
                                        + " was changed after it was applied: add a new migration instead"));
                            }
                            continue;
                        }
                        chain = chain.compose(count -> apply(conn, m).map(v -> count + 1));
                    }
                    return chain;
                }));
    }

    /** The newest version this release has. */
    public int latestVersion() {
        return migrations.size();
    }

    /**
     * The version the database is at: the highest applied, 0 when nothing is (no schema_migrations table). Fails
     * when an applied migration differs from this release's, as {@link #migrate()} does.
     */
    public Future<Integer> currentVersion() {
        return pool.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present").execute()
                .compose(rows -> !rows.iterator().next().getBoolean("present") ? Future.succeededFuture(0)
                        : pool.query("SELECT version, checksum FROM schema_migrations").execute().compose(applied -> {
                            int version = 0;
                            for (Row row : applied) {
                                int v = row.getInteger("version");
                                version = Math.max(version, v);
                                if (v <= migrations.size() && !migrations.get(v - 1).checksum().equals(row.getString("checksum"))) {
                                    return Future.failedFuture(new IllegalStateException("migration V" + v + " was"
                                            + " changed after it was applied: add a new migration instead"));
                                }
                            }
                            return Future.succeededFuture(version);
                        }));
    }

    private static Future<Void> apply(SqlConnection conn, Migration m) {
        return conn.query(m.sql()).execute()
                .compose(r -> conn.preparedQuery("INSERT INTO schema_migrations (version, description, checksum)"
                        + " VALUES ($1, $2, $3)").execute(Tuple.of(m.version(), m.description(), m.checksum())))
                .onSuccess(r -> Log.event(LOG, Level.INFO, "migration applied", "version", m.version(),
                        "description", m.description()))
                .mapEmpty();
    }

    private static List<Migration> load() {
        List<Migration> result = new java.util.ArrayList<>();
        for (String file : FILES) {
            String[] parts = file.substring(1, file.length() - 4).split("__", 2);
            int version = Integer.parseInt(parts[0]);
            if (version != result.size() + 1) {
                throw new IllegalStateException("migration " + file + " is out of order");
            }
            String sql = read("/db/migration/" + file);
            result.add(new Migration(version, parts[1].replace('_', ' '), sql, sha256(sql)));
        }
        return List.copyOf(result);
    }

    private static String read(String resource) {
        try (InputStream in = Migrator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
