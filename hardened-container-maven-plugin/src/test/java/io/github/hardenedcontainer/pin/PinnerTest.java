package io.github.hardenedcontainer.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hardenedcontainer.generate.ConfigurationValidator;
import io.github.hardenedcontainer.Fixtures;
import io.github.hardenedcontainer.model.ImagePins;
import io.github.hardenedcontainer.model.RepositoryModel;
import io.github.hardenedcontainer.model.Settings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PinnerTest {

    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha256:" + "b".repeat(64);

    private static RepositoryModel model(Settings settings) throws Exception {
        return new ConfigurationValidator(line -> { }).validate(Fixtures.postgresService(settings));
    }

    @Test
    void everyImageByTagIsResolvedOnceAndTheChangesAreNamed() throws Exception {
        List<String> asked = new ArrayList<>();
        Pinner pinner = new Pinner(ref -> {
            asked.add(ref.toString());
            return ref.repository().equals("postgres") ? B : A;
        }, line -> { });
        ImagePins previous = new ImagePins(Map.of("postgres:16-alpine", A, "old/image:1", A));
        Pinner.Result result = pinner.pin(model(Settings.defaults()), previous);
        assertThat(asked).containsExactly("maven:3.9.11-eclipse-temurin-21", "gcr.io/distroless/cc-debian12:nonroot",
                "postgres:16-alpine");
        assertThat(result.pins().digests()).containsOnly(Map.entry("maven:3.9.11-eclipse-temurin-21", A),
                Map.entry("gcr.io/distroless/cc-debian12:nonroot", A), Map.entry("postgres:16-alpine", B));
        assertThat(result.changes()).containsExactly(
                "maven:3.9.11-eclipse-temurin-21 -> " + A + " (new)",
                "gcr.io/distroless/cc-debian12:nonroot -> " + A + " (new)",
                "postgres:16-alpine -> " + B + " (was " + A + ")",
                "old/image:1: no longer used, dropped");
    }

    @Test
    void anImagePinnedInTheConfigurationIsLeftAlone() throws Exception {
        List<String> asked = new ArrayList<>();
        Pinner.Result result = new Pinner(ref -> {
            asked.add(ref.toString());
            return A;
        }, line -> { }).pin(model(Settings.builder().runtimeImage("eclipse-temurin:17-jre-noble@" + B).build()),
                ImagePins.none());
        assertThat(asked).doesNotContain("eclipse-temurin:17-jre-noble@" + B);
        assertThat(result.pins().digests()).doesNotContainKey("eclipse-temurin:17-jre-noble");
    }

    @Test
    void generatePinsByTheFileAndTheFileRoundTrips() throws Exception {
        ImagePins pins = new ImagePins(Map.of("postgres:16-alpine", B, "maven:3.9.11-eclipse-temurin-21", A));
        String text = pins.format();
        assertThat(text).contains("postgres\\:16-alpine=" + B + "\n");
        assertThat(ImagePins.parse(text)).isEqualTo(pins);
        RepositoryModel pinned = new ConfigurationValidator(line -> { })
                .validate(Fixtures.postgresService(Settings.defaults()).withPins(pins));
        assertThat(pinned.services().get(0).postgresImage().toString()).isEqualTo("postgres:16-alpine@" + B);
        assertThat(pinned.services().get(0).builderImage().toString()).isEqualTo("maven:3.9.11-eclipse-temurin-21@" + A);
        assertThat(pinned.services().get(0).runtimeImage().pinned()).isFalse();
    }

    @Test
    void aBrokenPinsFileNamesTheEntryAndTheFix() {
        assertThatThrownBy(() -> ImagePins.parse("postgres\\:16=sha256:123\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hardened-pins.properties: the digest of postgres:16 (got \"sha256:123\") must be sha256:"
                        + " and 64 lower-case hex digits: rewrite the file with mvn hardened:pin");
        assertThatThrownBy(() -> ImagePins.parse("postgres=" + A + "\n"))
                .hasMessageStartingWith("hardened-pins.properties: the key \"postgres\" must be an image name:tag");
    }

    @Test
    void anImageThatCannotBeResolvedStopsThePin() {
        assertThatThrownBy(() -> new Pinner(ref -> {
            throw new IOException(ref + ": not found");
        }, line -> { }).pin(model(Settings.defaults()), ImagePins.none()))
                .isInstanceOf(IOException.class).hasMessage("maven:3.9.11-eclipse-temurin-21: not found");
    }
}
