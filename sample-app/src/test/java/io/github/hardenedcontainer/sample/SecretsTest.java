package io.github.hardenedcontainer.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A password given inside DATABASE_URL works, and appears in no response. */
@ExtendWith(VertxExtension.class)
class SecretsTest {

    @Test
    void aPasswordInTheUrlIsUsedButNeverShown(Vertx vertx) throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            String url = "postgres://" + PostgresServer.USER + ":" + pg.password() + "@127.0.0.1:" + pg.port() + "/"
                    + PostgresServer.DATABASE;
            Application app = TestSupport.startService(Map.of("DATABASE_URL", url, "DATABASE_MIGRATIONS", "apply"));
            try {
                WebClient client = TestSupport.client(vertx, app.port());
                assertThat(TestSupport.pollUntil(client, "/ready", r -> r.statusCode() == 200, 15_000).statusCode())
                        .isEqualTo(200);
                for (String path : new String[] {"/", "/info", "/ready", "/health", "/metrics", "/api/items"}) {
                    String body = TestSupport.get(client, path).bodyAsString();
                    assertThat(body).as(path).doesNotContain(pg.password()).doesNotContain(url);
                }
            } finally {
                app.shutdown().await(20, TimeUnit.SECONDS);
            }
        }
    }
}
