package io.github.hardenedcontainer.sample;

import io.github.hardenedcontainer.sample.config.AppConfig;
import io.github.hardenedcontainer.sample.db.Database;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/readiness: the sample's readiness handler (a database round trip, its own JSON) against vertx-health-check's
 * HealthCheckHandler with the same database procedure, side by side in one process, on one PostgreSQL, measured with
 * wrk on loopback. Prints requests per second and p99 for each, alternating runs so that neither gets the warm JIT
 * alone. A benchmark that prints figures, not a test.
 */
public final class ReadinessBench {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)");

    private ReadinessBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String duration = args.length > 1 ? args[1] : "10s";
        try (PostgresServer pg = PostgresServer.start()) {
            Vertx vertx = Vertx.vertx();
            AppConfig config = AppConfig.fromEnvironment(Map.of("DATABASE_URL", pg.environment().get("DATABASE_URL"),
                    "DATABASE_PASSWORD_FILE", pg.environment().get("DATABASE_PASSWORD_FILE")));
            Database database = new Database(vertx, config.database().orElseThrow(), 5);

            // The sample's shape: one ping, a small JSON body or 503 with the reason.
            Router own = Router.router(vertx);
            own.get("/ready").handler(ctx -> database.ping().onComplete(r -> {
                if (r.succeeded()) {
                    ctx.json(new JsonObject().put("status", "ready"));
                } else {
                    ctx.response().setStatusCode(503).putHeader("content-type", "application/json")
                            .end(new JsonObject().put("status", "not ready").put("reason", "database unreachable").encode());
                }
            }));
            // vertx-health-check: the same ping as a registered procedure with a timeout.
            HealthChecks checks = HealthChecks.create(vertx);
            checks.register("database", 2000, promise -> database.ping().onComplete(r ->
                    promise.complete(r.succeeded() ? Status.OK() : Status.KO())));
            Router handler = Router.router(vertx);
            handler.get("/ready").handler(HealthCheckHandler.createWithHealthChecks(checks));

            HttpServer a = vertx.createHttpServer().requestHandler(own).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
            HttpServer b = vertx.createHttpServer().requestHandler(handler).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
            List<double[]> ownRuns = new ArrayList<>();
            List<double[]> handlerRuns = new ArrayList<>();
            wrk(a.actualPort(), "5s"); // warm both up
            wrk(b.actualPort(), "5s");
            for (int i = 0; i < rounds; i++) {
                ownRuns.add(wrk(a.actualPort(), duration));
                handlerRuns.add(wrk(b.actualPort(), duration));
            }
            System.out.printf("readiness, %d rounds of wrk -t2 -c64 -d%s on loopback, one PostgreSQL (pool 5)%n",
                    rounds, duration);
            print("own handler (OpsApi.ready)", ownRuns);
            print("HealthCheckHandler", handlerRuns);
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        System.exit(0);
    }

    private static void print(String name, List<double[]> runs) {
        double rate = runs.stream().mapToDouble(r -> r[0]).sorted().toArray()[runs.size() / 2];
        double p99 = runs.stream().mapToDouble(r -> r[1]).sorted().toArray()[runs.size() / 2];
        StringBuilder all = new StringBuilder();
        runs.forEach(r -> all.append(String.format(" %.0f", r[0])));
        System.out.printf("  %-28s median %8.0f req/s, p99 %6.2f ms (runs:%s)%n", name, rate, p99, all);
    }

    /** One wrk run: requests per second and p99 in ms. */
    private static double[] wrk(int port, String duration) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t2", "-c64", "-d" + duration, "--latency",
                "http://127.0.0.1:" + port + "/ready").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        if (out.contains("Non-2xx")) {
            throw new IllegalStateException("readiness answered errors under load: " + out);
        }
        Matcher rate = RATE.matcher(out);
        Matcher p99 = P99.matcher(out);
        if (!rate.find() || !p99.find()) {
            throw new IllegalStateException("unexpected wrk output: " + out);
        }
        double latency = Double.parseDouble(p99.group(1));
        double ms = switch (p99.group(2)) {
            case "us" -> latency / 1000;
            case "s" -> latency * 1000;
            default -> latency;
        };
        return new double[] {Double.parseDouble(rate.group(1)), ms};
    }
}
