package io.github.hardenedcontainer.sample.http;

import io.github.hardenedcontainer.sample.config.AppConfig;
import io.github.hardenedcontainer.sample.db.Database;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;

/** The operational endpoints: /, /health, /ready, /info. */
final class OpsApi {

    private final AppConfig config;
    private final Database database;
    private final ServiceState state;
    private final BuildInfo build;

    OpsApi(AppConfig config, Database database, ServiceState state, BuildInfo build) {
        this.config = config;
        this.database = database;
        this.state = state;
        this.build = build;
    }

    void root(RoutingContext ctx) {
        ctx.json(new JsonObject().put("name", build.name()).put("version", build.version())
                .put("status", state.shuttingDown() ? "shutting down" : "running"));
    }

    /** Liveness: answers while the event loop does; never touches the database. */
    void health(RoutingContext ctx) {
        ctx.json(new JsonObject().put("status", "healthy"));
    }

    /** Readiness: SELECT 1 through the pool within the timeout. */
    void ready(RoutingContext ctx) {
        if (state.shuttingDown()) {
            notReady(ctx, "shutting down");
        } else if (database == null) {
            notReady(ctx, "database not configured");
        } else if (!database.migrated()) {
            notReady(ctx, database.schemaReason());
        } else {
            database.ping().onComplete(result -> {
                if (state.shuttingDown()) {
                    notReady(ctx, "shutting down");
                } else if (result.succeeded()) {
                    ctx.json(new JsonObject().put("status", "ready"));
                } else {
                    notReady(ctx, "database unreachable: " + Database.describe(result.cause()));
                }
            });
        }
    }

    private static void notReady(RoutingContext ctx, String reason) {
        ctx.response().setStatusCode(503).putHeader("content-type", "application/json")
                .end(new JsonObject().put("status", "not ready").put("reason", reason).encode());
    }

    /** Build and runtime facts. Never a secret: the database appears only as configured or not. */
    void info(RoutingContext ctx) {
        JsonObject info = new JsonObject()
                .put("name", build.name())
                .put("version", build.version())
                .put("gitCommit", config.gitCommit().orElse(null))
                .put("environment", config.environment())
                .put("java", new JsonObject()
                        .put("version", System.getProperty("java.version"))
                        .put("vendor", System.getProperty("java.vendor")))
                .put("os", new JsonObject()
                        .put("name", System.getProperty("os.name"))
                        .put("version", System.getProperty("os.version"))
                        .put("arch", System.getProperty("os.arch")))
                .put("hostname", hostname())
                .put("uptimeSeconds", Duration.between(state.startedAt(), Instant.now()).toSeconds())
                .put("database", new JsonObject().put("configured", database != null));
        ctx.json(info);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown" : env;
        }
    }
}
