package io.github.hardenedcontainer.model;

import java.util.Locale;
import java.util.Optional;

/** What the runtime stage runs the application with. */
public enum RuntimeKind {
    /**
     * A Java runtime linked for the application by {@code jlink} in the builder (only the modules it needs),
     * on a minimal base image without a JDK (the default).
     */
    JLINK,
    /** The Java runtime of the runtime base image (a JRE image). */
    JRE;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RuntimeKind> parse(String value) {
        for (RuntimeKind kind : values()) {
            if (kind.configName().equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
