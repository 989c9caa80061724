package io.github.hardenedcontainer.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

    private static final String DIGEST = "sha256:" + "a".repeat(64);

    @ParameterizedTest
    @ValueSource(strings = {
        "eclipse-temurin:17-jre-noble",
        "postgres:16-alpine",
        "maven:3.9.11-eclipse-temurin-17",
        "registry.example.com:5000/team/jre:17",
        "ghcr.io/acme/base_images/jre:17.0.15_6",
        "local/jre:17"
    })
    void acceptsTaggedReferences(String text) {
        ImageReference.Result result = ImageReference.parse(text);
        assertThat(result.error()).isNull();
        assertThat(result.reference()).get().hasToString(text);
        assertThat(result.reference().get().pinned()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eclipse-temurin:17-jre-noble", "registry.example.com:5000/team/jre:17"})
    void acceptsDigestPins(String text) {
        ImageReference ref = ImageReference.parse(text + "@" + DIGEST).reference().orElseThrow();
        assertThat(ref.pinned()).isTrue();
        assertThat(ref.digest()).isEqualTo(DIGEST);
        assertThat(ref).hasToString(text + "@" + DIGEST);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postgres|has no tag, which means latest",
        "postgres:latest|uses the tag latest",
        "postgres:LATEST|uses the tag latest",
        "Postgres:16|is not a valid image reference",
        "postgres:16@sha256:abc|has a malformed digest \"sha256:abc\"",
        "postgres:16@md5:" + "0123456789abcdef0123456789abcdef|has a malformed digest",
        "postgres: 16|is not a valid image reference",
        "postgres@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|has no tag"
    })
    void rejectsFloatingOrMalformedReferences(String text, String expected) {
        ImageReference.Result result = ImageReference.parse(text);
        assertThat(result.reference()).isEmpty();
        assertThat(result.error()).contains(expected);
    }
}
