package io.github.hardenedcontainer.sample.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaults() throws Exception {
        AppConfig config = AppConfig.fromEnvironment(Map.of());
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.environment()).isEqualTo("production");
        assertThat(config.database()).isEmpty();
        assertThat(config.poolSize()).isEqualTo(5);
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.shutdownDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.gitCommit()).isEmpty();
        assertThat(config.logLevel()).isEqualTo(java.util.logging.Level.INFO);
    }

    @Test
    void logLevelTakesTheUsualNames() throws Exception {
        assertThat(AppConfig.fromEnvironment(Map.of("LOG_LEVEL", "DEBUG")).logLevel()).isEqualTo(java.util.logging.Level.FINE);
        assertThat(AppConfig.fromEnvironment(Map.of("LOG_LEVEL", "warn")).logLevel()).isEqualTo(java.util.logging.Level.WARNING);
        assertThat(AppConfig.fromEnvironment(Map.of("LOG_LEVEL", "error")).logLevel()).isEqualTo(java.util.logging.Level.SEVERE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("LOG_LEVEL", "verbose")))
                .hasMessage("LOG_LEVEL must be error, warn, info, debug or trace, got \"verbose\"");
    }

    @Test
    void parsesTheDatabaseUrl() throws Exception {
        DatabaseConfig db = AppConfig.fromEnvironment(Map.of("DATABASE_URL", "postgres://app@db:5433/orders"))
                .database().orElseThrow();
        assertThat(db).isEqualTo(new DatabaseConfig("db", 5433, "orders", "app", null));
        DatabaseConfig defaults = AppConfig.parseUrl("postgresql://app:s%40cret@db/app");
        assertThat(defaults.port()).isEqualTo(5432);
        assertThat(defaults.password()).isEqualTo("s@cret");
        assertThat(defaults.toString()).isEqualTo("postgres://app@db:5432/app").doesNotContain("cret");
    }

    @Test
    void thePasswordFileWinsOverAPasswordInTheUrl() throws Exception {
        Path secret = dir.resolve("pw");
        Files.writeString(secret, "from-file\n");
        DatabaseConfig db = AppConfig.fromEnvironment(Map.of("DATABASE_URL", "postgres://app:from-url@db/app",
                "DATABASE_PASSWORD_FILE", secret.toString())).database().orElseThrow();
        assertThat(db.password()).isEqualTo("from-file");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PORT|abc|PORT must be a whole number from 1 to 65535, got \"abc\"",
        "PORT|0|PORT must be a whole number from 1 to 65535, got \"0\"",
        "DATABASE_POOL_SIZE|500|DATABASE_POOL_SIZE must be a whole number from 1 to 100, got \"500\"",
        "SHUTDOWN_GRACE_SECONDS|-1|SHUTDOWN_GRACE_SECONDS must be a whole number from 1 to 300, got \"-1\"",
        "APP_ENV|prod env|APP_ENV must be 1 to 32 letters, digits, '.', '_' or '-', such as production",
        "GIT_COMMIT|not-a-sha|GIT_COMMIT must be a commit SHA of 7 to 40 hex digits",
        "DATABASE_URL|mysql://app:secret@db/app|DATABASE_URL must look like postgres://user@host:5432/database (the scheme must be postgres or postgresql)",
        "DATABASE_URL|postgres://app:secret@/app|DATABASE_URL must look like postgres://user@host:5432/database (the host is missing)",
        "DATABASE_URL|postgres://db:5432/app|DATABASE_URL must look like postgres://user@host:5432/database (the user is missing)",
        "DATABASE_URL|postgres://app:secret@db:5432|DATABASE_URL must look like postgres://user@host:5432/database (the database name is missing)",
        "DATABASE_URL|postgres://app:secret@db:5432/a b|DATABASE_URL must look like postgres://user@host:5432/database (it is not a valid URL)",
        "DATABASE_PASSWORD_FILE|/run/secrets/missing|DATABASE_PASSWORD_FILE is set but DATABASE_URL is not: set DATABASE_URL to postgres://user@host:5432/database"
    })
    void aBadValueNamesTheVariableAndNeverEchoesASecret(String name, String value, String message) {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of(name, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    @Test
    void anUnreadablePasswordFileIsNamed() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_URL", "postgres://app@db/app",
                "DATABASE_PASSWORD_FILE", dir.resolve("absent").toString())))
                .hasMessage("DATABASE_PASSWORD_FILE " + dir.resolve("absent") + " cannot be read (NoSuchFileException):"
                        + " mount the secret file there or unset the variable");
    }

    @Test
    void theDelayMustLeaveTimeToDrain() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("SHUTDOWN_GRACE_SECONDS", "3", "SHUTDOWN_DELAY_SECONDS", "3")))
                .hasMessage("SHUTDOWN_DELAY_SECONDS (3) must be less than SHUTDOWN_GRACE_SECONDS (3), so that in-flight"
                        + " requests have time to finish");
    }
}
