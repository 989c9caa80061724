package io.github.hardenedcontainer.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one test of names and values for secrets that the Dockerfile, Compose and Kubernetes rules share. */
class SecretNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"DB_PASSWORD", "api_key", "GITHUB_TOKEN", "client_secret", "PRIVATE_KEY", "AWS_CREDENTIALS"})
    void namesWithASecretWordHoldOne(String name) {
        assertThat(SecretNames.holdsSecret(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DB_PASSWORD_FILE", "SECRETS_DIR", "TOKEN_PATH", "DATABASE_URL", "PORT"})
    void pointersAndOtherNamesHoldNone(String name) {
        assertThat(SecretNames.holdsSecret(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "postgres://app:hunter2@db:5432/app",
        "jdbc:postgresql://db:5432/app?user=app&password=hunter2",
        "password=hunter2",
        "-Xmx64m -Djavax.net.ssl.trustStorePassword=changeit",
        "${DB_PASSWORD:-hunter2}",
        "amqp://guest:guest@rabbit/"
    })
    void valuesWithASecretInsideHoldOne(String value) {
        assertThat(SecretNames.valueHoldsSecret(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "postgres://app@db:5432/app",
        "postgres://app:${DB_PASSWORD}@db/app",
        "postgres://app:$(DB_PASSWORD)@db/app",
        "/run/secrets/postgres-password",
        "jdbc:postgresql://db:5432/app?sslmode=require",
        "-Dpassword.file=$PW",
        "${DB_PASSWORD}",
        "https://example.com/a:b"
    })
    void referencesAndPlainValuesHoldNone(String value) {
        assertThat(SecretNames.valueHoldsSecret(value)).isFalse();
    }
}
