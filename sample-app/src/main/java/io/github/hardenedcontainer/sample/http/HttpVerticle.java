package io.github.hardenedcontainer.sample.http;

import io.github.hardenedcontainer.sample.config.AppConfig;
import io.github.hardenedcontainer.sample.db.Database;
import io.github.hardenedcontainer.sample.log.Log;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The HTTP server: routes, JSON errors for every failure, one log line per request. */
public final class HttpVerticle extends VerticleBase {

    /** Requests with a larger body get 413. */
    public static final int BODY_LIMIT = 16 * 1024;

    private static final Logger LOG = Logger.getLogger("http");
    private static final String ROUTE_KEY = "route";
    /** Routes whose successful requests are logged at FINE. */
    private static final java.util.Set<String> QUIET_ROUTES = java.util.Set.of("/health", "/ready", "/metrics");
    /** The OpenAPI 3.1 description of every route below, served at {@code /openapi.json}. */
    static final String OPENAPI_RESOURCE = "/api/openapi.json";

    private final AppConfig config;
    private final Database database;
    private final ServiceState state;
    private final PrometheusMeterRegistry registry;
    private final Buffer openApi;
    private Router router;
    private HttpServer server;

    public HttpVerticle(AppConfig config, Database database, ServiceState state, PrometheusMeterRegistry registry) {
        this.config = config;
        this.database = database;
        this.state = state;
        this.registry = registry;
        // Read once, before any event loop runs: the document is part of the jar and never changes.
        this.openApi = loadOpenApi();
    }

    private static Buffer loadOpenApi() {
        try (InputStream in = HttpVerticle.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the class path");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Future<?> start() {
        router = Router.router(vertx);
        router.route().handler(this::logRequest);

        OpsApi ops = new OpsApi(config, database, state, BuildInfo.load());
        ItemsApi items = new ItemsApi(database);
        route(router, HttpMethod.GET, "/", ops::root);
        route(router, HttpMethod.GET, "/health", ops::health);
        route(router, HttpMethod.GET, "/ready", ops::ready);
        route(router, HttpMethod.GET, "/info", ops::info);
        route(router, HttpMethod.GET, "/metrics", PrometheusScrapingHandler.create(registry));
        route(router, HttpMethod.GET, "/openapi.json",
                ctx -> ctx.response().putHeader("content-type", "application/json").end(openApi));
        // The body handler sits on the one route that takes a body, so metrics see a single route template.
        router.post("/api/items").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT)).handler(ctx -> {
            ctx.put(ROUTE_KEY, "/api/items");
            ctx.next();
        }).respond(items::create);
        // Handlers that return a Future: respond() writes the JSON (200 unless the handler set another status) or
        // hands the failure to the failure handler below.
        respond(router, HttpMethod.GET, "/api/items", items::list);
        respond(router, HttpMethod.GET, "/api/items/:id", items::get);

        router.route().failureHandler(this::failure);
        router.errorHandler(404, ctx -> ApiError.send(ctx, 404, "not_found", "no such resource"));
        router.errorHandler(405, ctx -> ApiError.send(ctx, 405, "method_not_allowed", "method "
                + ctx.request().method() + " is not allowed here"));

        HttpServerOptions options = new HttpServerOptions().setHost("0.0.0.0").setPort(config.port())
                .setIdleTimeout(60).setIdleTimeoutUnit(TimeUnit.SECONDS);
        return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> {
            server = s;
            Log.event(LOG, Level.INFO, "listening", "port", s.actualPort());
        });
    }

    /** The port the server listens on (useful when {@code PORT=0} in tests). */
    public int actualPort() {
        return server.actualPort();
    }

    /**
     * Every route the server answers, as OpenAPI writes it: {@code "GET /api/items/{id}"}, sorted. The OpenAPI
     * contract test holds the served document to this list.
     */
    public List<String> routes() {
        return router.getRoutes().stream()
                .filter(r -> r.getPath() != null && r.methods() != null)
                .flatMap(r -> r.methods().stream().map(m -> m.name() + " " + r.getPath().replaceAll(":(\\w+)", "{$1}")))
                .distinct().sorted().toList();
    }

    /** Stops accepting connections and lets in-flight requests finish, up to the timeout. */
    public Future<Void> shutdown(long timeout, TimeUnit unit) {
        return server == null ? Future.succeededFuture() : server.shutdown(timeout, unit);
    }

    private static void route(Router router, HttpMethod method, String path, Handler<RoutingContext> handler) {
        router.route(method, path).handler(ctx -> {
            ctx.put(ROUTE_KEY, path);
            handler.handle(ctx);
        });
    }

    private static <T> void respond(Router router, HttpMethod method, String path,
            java.util.function.Function<RoutingContext, Future<T>> handler) {
        router.route(method, path).handler(ctx -> {
            ctx.put(ROUTE_KEY, path);
            ctx.next();
        }).respond(handler);
    }

    private void logRequest(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addEndHandler(done -> {
            String route = ctx.get(ROUTE_KEY);
            if (route == null && ctx.currentRoute() != null) {
                route = ctx.currentRoute().getPath();
            }
            int status = ctx.response().getStatusCode();
            // Probes and scrapes arrive every few seconds from every orchestrator and Prometheus: when they
            // succeed they are FINE (not written at the default level), so the log holds the traffic that matters.
            Level level = status < 400 && QUIET_ROUTES.contains(route) ? Level.FINE : Level.INFO;
            Log.event(LOG, level, "request",
                    "method", ctx.request().method().name(),
                    "route", route == null ? "unmatched" : route,
                    "status", status,
                    "durationMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        });
        ctx.next();
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiError error) {
            String code = switch (error.status()) {
                case 503 -> "unavailable";
                case 404 -> "not_found";
                default -> "bad_request";
            };
            ApiError.send(ctx, error.status(), code, error.getMessage());
            return;
        }
        int status = ctx.statusCode();
        if (status == 413) {
            ApiError.send(ctx, 413, "payload_too_large", "the body is larger than " + BODY_LIMIT + " bytes");
        } else if (status >= 400 && status < 500) {
            ApiError.send(ctx, status, "bad_request", "the request could not be processed");
        } else {
            Log.event(LOG, Level.SEVERE, "request failed", "route", ctx.get(ROUTE_KEY),
                    "error", failure == null ? "status " + status : Database.describe(failure));
            ApiError.send(ctx, 500, "internal_error", "the request failed; see the service log");
        }
    }
}
