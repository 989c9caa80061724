package io.github.hardenedcontainer.sample;

import io.github.hardenedcontainer.sample.config.AppConfig;
import io.github.hardenedcontainer.sample.config.ConfigException;
import io.github.hardenedcontainer.sample.db.MigrateCommand;
import io.github.hardenedcontainer.sample.log.Log;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point. Without arguments it runs the service: a bad configuration ends the process with exit code 2 and one
 * line naming the variable; SIGTERM and SIGINT start a graceful shutdown that ends with exit code 0 when it
 * completes within the grace period. {@code migrate [--wait=SECONDS]} applies the database migrations and exits
 * (0 when the schema is current); it waits for the database up to SECONDS (default 60).
 */
public final class Main {

    static {
        // Before the first logger exists (the field below): the LogManager that keeps logging during shutdown.
        System.setProperty("java.util.logging.manager", "io.github.hardenedcontainer.sample.log.ShutdownSafeLogManager");
    }

    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        Log.toStdout();
        AppConfig config;
        try {
            config = AppConfig.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            System.err.println("sample-app: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Log.level(config.logLevel());
        if (args.length > 0) {
            System.exit(command(args, config));
            return;
        }
        long started = System.nanoTime();
        Application app;
        try {
            app = Application.start(config).await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("sample-app: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Log.event(LOG, Level.INFO, "started", "port", app.port(),
                "startMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        // SIGTERM and SIGINT run the JVM's shutdown hooks: this one shuts the service down gracefully, then ends the
        // process itself with the outcome (0: drained in time), since a JVM ended by a signal would exit 143.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            int code;
            try {
                app.shutdown().await(config.shutdownGrace().toMillis() + 2000, TimeUnit.MILLISECONDS);
                code = 0;
            } catch (Exception e) {
                Log.event(LOG, Level.SEVERE, "shutdown did not complete in time", "error", String.valueOf(e));
                code = 1;
            }
            Runtime.getRuntime().halt(code);
        }, "shutdown"));
    }

    /** A command instead of the service; returns the exit code. */
    static int command(String[] args, AppConfig config) {
        if (!args[0].equals("migrate")) {
            System.err.println("sample-app: unknown command " + args[0] + ": run without arguments for the service, or"
                    + " migrate [--wait=SECONDS] to apply the database migrations");
            return 2;
        }
        long wait = 60;
        for (int i = 1; i < args.length; i++) {
            if (args[i].matches("--wait=[0-9]{1,4}")) {
                wait = Long.parseLong(args[i].substring("--wait=".length()));
            } else {
                System.err.println("sample-app: migrate takes --wait=SECONDS (0 to 9999), got " + args[i]);
                return 2;
            }
        }
        if (config.database().isEmpty()) {
            System.err.println("sample-app: migrate needs DATABASE_URL (and DATABASE_PASSWORD_FILE): the database to migrate");
            return 2;
        }
        return MigrateCommand.run(config.database().get(), java.time.Duration.ofSeconds(wait));
    }
}
