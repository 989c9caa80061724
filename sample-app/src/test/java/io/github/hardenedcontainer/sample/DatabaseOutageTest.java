package io.github.hardenedcontainer.sample;

import static io.github.hardenedcontainer.sample.TestSupport.get;
import static io.github.hardenedcontainer.sample.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The database goes away and comes back: liveness never changes, readiness follows, no restart needed. */
@ExtendWith(VertxExtension.class)
class DatabaseOutageTest {

    @Test
    void readinessFollowsTheDatabaseAndRecoversWithoutRestart(Vertx vertx) throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            Application app = TestSupport.startService(TestSupport.withDatabase(pg));
            try {
                WebClient client = TestSupport.client(vertx, app.port());
                assertThat(TestSupport.pollUntil(client, "/ready", r -> r.statusCode() == 200, 15_000).statusCode())
                        .isEqualTo(200);

                pg.stopServer();
                long stopped = System.nanoTime();
                HttpResponse<Buffer> notReady = TestSupport.pollUntil(client, "/ready", r -> r.statusCode() == 503, 3_000);
                long toNotReady = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
                assertThat(notReady.statusCode()).isEqualTo(503);
                assertThat(toNotReady).as("readiness turns 503 within 3 s").isLessThan(3_000);
                assertThat(json(notReady).getString("reason")).startsWith("database unreachable: ");
                assertThat(notReady.bodyAsString()).doesNotContain(pg.password());
                assertThat(get(client, "/health").statusCode()).isEqualTo(200);
                HttpResponse<Buffer> write = TestSupport.postJson(client, "/api/items", "{\"name\": \"a\", \"quantity\": 1}");
                assertThat(write.statusCode()).as("a write during the outage is 503, not 500").isEqualTo(503);

                pg.startServer();
                long restarted = System.nanoTime();
                HttpResponse<Buffer> ready = TestSupport.pollUntil(client, "/ready", r -> r.statusCode() == 200, 10_000);
                long toReady = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);
                assertThat(ready.statusCode()).isEqualTo(200);
                assertThat(toReady).as("readiness recovers within 10 s").isLessThan(10_000);
                assertThat(TestSupport.postJson(client, "/api/items", "{\"name\": \"b\", \"quantity\": 2}").statusCode())
                        .isEqualTo(201);
                System.out.printf("outage figures: not ready after %d ms, ready again after %d ms%n", toNotReady, toReady);
            } finally {
                app.shutdown().await(20, TimeUnit.SECONDS);
            }
        }
    }
}
