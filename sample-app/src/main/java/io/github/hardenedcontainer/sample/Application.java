package io.github.hardenedcontainer.sample;

import io.github.hardenedcontainer.sample.config.AppConfig;
import io.github.hardenedcontainer.sample.db.Database;
import io.github.hardenedcontainer.sample.http.HttpVerticle;
import io.github.hardenedcontainer.sample.http.ServiceState;
import io.github.hardenedcontainer.sample.log.Log;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.dns.AddressResolverOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The running service: Vert.x, metrics, the database (when configured) and the HTTP server. */
public final class Application {

    private static final Logger LOG = Logger.getLogger(Application.class.getName());

    private final AppConfig config;
    private final Vertx vertx;
    private final Database database;
    private final ServiceState state;
    private final HttpVerticle http;

    private Application(AppConfig config, Vertx vertx, Database database, ServiceState state, HttpVerticle http) {
        this.config = config;
        this.vertx = vertx;
        this.database = database;
        this.state = state;
        this.http = http;
    }

    /** Starts everything; completes once the HTTP server listens. */
    public static Future<Application> start(AppConfig config) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Latency histograms for the HTTP server, so a p99 can be computed across replicas; routes are templates,
        // so the bucket series stay bounded.
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals("vertx.http.server.response.time")) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true)
                            .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                            .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
                            .build().merge(config);
                }
                return config;
            }
        });

        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);

        VertxOptions options = new VertxOptions()
                // Re-resolve host names within seconds: a database container that restarts may come back with
                // another address, and a cached one would keep readiness at 503 long after it is back.
                .setAddressResolverOptions(new AddressResolverOptions().setCacheMaxTimeToLive(5)
                        .setCacheNegativeTimeToLive(0))
                // Nothing to serve from the file system: no file cache, so nothing is written outside /tmp.
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false))
                .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
                        // Route templates, never raw paths: label values stay bounded.
                        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE,
                                Label.POOL_NAME)));
        Vertx vertx = Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry)).build();

        ServiceVerticle service = new ServiceVerticle(config, registry);
        // Deployed from outside Vert.x's contexts. When the deployment fails (the port is taken, say), Vert.x is
        // closed, its event loops and the pool with it, before the failure is reported.
        return vertx.deployVerticle(service)
                .map(id -> new Application(config, vertx, service.database(), service.state(), service.http()))
                .recover(failure -> vertx.close().transform(closed -> Future.<Application>failedFuture(failure)));
    }

    /**
     * The service as one verticle: it creates the pool (when a database is configured) and starts watching the
     * schema, then deploys the HTTP verticle; it has started when the server listens.
     */
    static final class ServiceVerticle extends io.vertx.core.VerticleBase {

        private final AppConfig config;
        private final PrometheusMeterRegistry registry;
        private final ServiceState state = new ServiceState();
        private Database database;
        private HttpVerticle http;

        ServiceVerticle(AppConfig config, PrometheusMeterRegistry registry) {
            this.config = config;
            this.registry = registry;
        }

        @Override
        public Future<?> start() {
            database = config.database()
                    .map(db -> new Database(vertx, db, config.poolSize(), config.poolMaxLifetime())).orElse(null);
            if (database == null) {
                Log.event(LOG, Level.WARNING, "DATABASE_URL is not set: /ready will answer 503 until it is");
            } else {
                database.watchSchema(config.migrations());
            }
            http = new HttpVerticle(config, database, state, registry);
            return vertx.deployVerticle(http);
        }

        Database database() {
            return database;
        }

        ServiceState state() {
            return state;
        }

        HttpVerticle http() {
            return http;
        }
    }

    public int port() {
        return http.actualPort();
    }

    /** The HTTP routes, as {@link HttpVerticle#routes()} lists them. */
    public java.util.List<String> routes() {
        return http.routes();
    }

    public Vertx vertx() {
        return vertx;
    }

    /**
     * Graceful shutdown: readiness turns 503 at once; requests keep being served for the shutdown delay, so that
     * load balancers stop sending; then the listener closes and in-flight requests finish; then the pool and
     * Vert.x close.
     */
    public Future<Void> shutdown() {
        if (!state.beginShutdown()) {
            return Future.succeededFuture();
        }
        long delay = config.shutdownDelay().toMillis();
        long drain = config.shutdownGrace().toMillis() - delay - 500;
        Log.event(LOG, Level.INFO, "shutting down", "delayMs", delay, "drainMs", drain);
        Future<Void> delayed = delay == 0 ? Future.succeededFuture()
                : Future.future(p -> vertx.setTimer(delay, id -> p.complete()));
        return delayed
                .compose(v -> http.shutdown(Math.max(drain, 100), TimeUnit.MILLISECONDS))
                .compose(v -> database == null ? Future.<Void>succeededFuture() : database.close())
                .eventually(() -> vertx.close())
                .onComplete(r -> Log.event(LOG, Level.INFO, "stopped", "clean", r.succeeded()));
    }
}
