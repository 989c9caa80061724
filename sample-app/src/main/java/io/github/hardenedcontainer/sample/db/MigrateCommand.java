package io.github.hardenedcontainer.sample.db;

import io.github.hardenedcontainer.sample.config.DatabaseConfig;
import io.github.hardenedcontainer.sample.log.Log;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code migrate}: applies the migrations this release has and exits, a step of its own before the service starts
 * (the Compose stack's one-shot service {@code migrate}, a Kubernetes Job). It waits for the database up to the
 * given time, then fails; a migration that was changed after it was applied fails at once. Several at once are
 * safe: the migrations run under an advisory lock, each once.
 */
public final class MigrateCommand {

    private static final Logger LOG = Logger.getLogger(MigrateCommand.class.getName());

    private MigrateCommand() {
    }

    /** Runs the migrations; returns the process exit code (0 when the schema is current). */
    public static int run(DatabaseConfig config, Duration wait) {
        Vertx vertx = Vertx.vertx();
        Database database = new Database(vertx, config, 1);
        Migrator migrator = database.migrator();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                try {
                    int applied = migrator.migrate().await(60, TimeUnit.SECONDS);
                    Log.event(LOG, Level.INFO, "migrations done", "applied", applied, "version", migrator.latestVersion());
                    return 0;
                } catch (Exception e) {
                    Throwable cause = e instanceof IllegalStateException || e.getCause() == null ? e : e.getCause();
                    if (cause instanceof IllegalStateException) { // an edited migration: waiting does not help
                        Log.event(LOG, Level.SEVERE, "migrations failed", "error", cause.getMessage());
                        return 1;
                    }
                    if (System.nanoTime() > deadline) {
                        Log.event(LOG, Level.SEVERE, "migrations failed: the database did not answer within "
                                + wait.toSeconds() + " s", "error", Database.describe(e));
                        return 1;
                    }
                    Log.event(LOG, Level.WARNING, "database not reachable yet, retrying", "error", Database.describe(e));
                    Thread.sleep(1000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            try {
                database.close().await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                Log.event(LOG, Level.WARNING, "could not close the pool", "error", Database.describe(e));
            }
            // Not awaited, and nothing chained to it: Vert.x completes its close once its event loops are gone, and
            // a continuation bound to one of them is refused (RejectedExecutionException), so an awaited chain
            // never completed and the command hung for its 10 s timeout. The process exit follows anyway.
            vertx.close();
        }
    }
}
