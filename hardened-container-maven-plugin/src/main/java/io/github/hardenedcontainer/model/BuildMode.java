package io.github.hardenedcontainer.model;

import java.util.Locale;
import java.util.Optional;

/** Where the application jar is built. */
public enum BuildMode {
    /** The Dockerfile's builder stage runs Maven on the sources (the default). */
    DOCKER,
    /** The jar and its runtime dependencies are built outside Docker and copied from {@code target/}. */
    PREBUILT;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BuildMode> parse(String value) {
        for (BuildMode mode : values()) {
            if (mode.configName().equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
