package io.github.hardenedcontainer.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hardenedcontainer.sample.config.AppConfig;
import io.github.hardenedcontainer.sample.config.ConfigException;
import io.github.hardenedcontainer.sample.db.Database;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS to PostgreSQL: {@code sslmode} in DATABASE_URL is honoured against a real server with a self-signed
 * certificate for {@code localhost}. Which connections are encrypted is read from the server's own
 * {@code pg_stat_ssl}; the verify modes fail on a certificate from another CA or for another host name.
 */
class DatabaseTlsTest {

    private static PostgresServer pg;
    private static Path ca;
    private static Path otherCa;
    private static Vertx vertx;

    @BeforeAll
    static void startServerWithTls() throws Exception {
        pg = PostgresServer.start();
        ca = pg.enableTls();
        otherCa = pg.selfSignedCertificate("other-ca", "localhost");
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        if (pg != null) {
            pg.close();
        }
    }

    /** Whether the service's own connection, made from this DATABASE_URL, is encrypted (the server says). */
    private static boolean encrypted(String host, String query) throws Exception {
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                "DATABASE_URL", "postgres://" + PostgresServer.USER + "@" + host + ":" + pg.port() + "/"
                        + PostgresServer.DATABASE + query,
                "DATABASE_PASSWORD_FILE", pg.passwordFile().toString()));
        // One connection, as the pool opens them, so that a refusal comes with its own reason.
        PgConnection connection = PgConnection.connect(vertx, Database.connectOptions(config.database().orElseThrow()))
                .await(20, TimeUnit.SECONDS);
        try {
            return connection.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").execute()
                    .map(rows -> rows.iterator().next().getBoolean(0))
                    .await(10, TimeUnit.SECONDS);
        } finally {
            connection.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void withoutSslmodeTheConnectionIsPlainAsBefore() throws Exception {
        assertThat(encrypted("127.0.0.1", "")).isFalse();
        assertThat(encrypted("127.0.0.1", "?sslmode=disable")).isFalse();
    }

    @Test
    void requireEncryptsWithoutCheckingTheCertificate() throws Exception {
        assertThat(encrypted("127.0.0.1", "?sslmode=require")).isTrue();
        assertThat(encrypted("127.0.0.1", "?sslmode=prefer")).isTrue();
    }

    @Test
    void verifyFullChecksTheCaAndTheHostName() throws Exception {
        assertThat(encrypted("localhost", "?sslmode=verify-full&sslrootcert=" + ca)).isTrue();
        assertThat(encrypted("127.0.0.1", "?sslmode=verify-ca&sslrootcert=" + ca)).isTrue();
        // The certificate names localhost, not 127.0.0.1: verify-full refuses (the handshake, not the login: the
        // same CA passed verify-ca for 127.0.0.1 above, so the host name is the only difference).
        assertThatThrownBy(() -> encrypted("127.0.0.1", "?sslmode=verify-full&sslrootcert=" + ca))
                .hasMessageContaining("SSL handshake failed");
        // Another CA: both refuse.
        assertThatThrownBy(() -> encrypted("localhost", "?sslmode=verify-full&sslrootcert=" + otherCa))
                .hasMessageContaining("SSL handshake failed");
        assertThatThrownBy(() -> encrypted("localhost", "?sslmode=verify-ca&sslrootcert=" + otherCa))
                .hasMessageContaining("SSL handshake failed");
    }

    @Test
    void aParameterIsNeverSilentlyDropped() {
        String base = "postgres://app@db:5432/app";
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_URL", base + "?sslmode=verify")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("DATABASE_URL has sslmode=verify: it must be one of disable, allow, prefer, require,"
                        + " verify-ca, verify-full");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_URL", base + "?sslmode=verify-full")))
                .hasMessage("DATABASE_URL has sslmode=verify-full but no sslrootcert: add &sslrootcert=/path/to/ca.pem,"
                        + " the CA certificate that signed the server's");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_URL", base + "?connect_timeout=5")))
                .hasMessage("DATABASE_URL has the parameter connect_timeout, which this service does not support (it"
                        + " supports sslmode and sslrootcert)");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_URL",
                base + "?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem")))
                .hasMessage("DATABASE_URL has sslrootcert=/nonexistent/ca.pem, which cannot be read: mount the CA"
                        + " certificate (PEM) there");
    }
}
