package io.github.hardenedcontainer.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What the service's JVM is tuned for: its compiler and collector. The trade-off is measured side by side in
 * docs/performance.md; docs/decisions.md says why the default is what it is.
 */
public enum JvmProfile {
    /**
     * Fewest resident bytes: the C1 compiler alone ({@code -XX:TieredStopAtLevel=1}, no C2 threads or its code) and
     * the serial collector.
     */
    FOOTPRINT,
    /**
     * Most requests per CPU second: full tiered compilation (C1, then C2 for hot code); the serial collector below
     * two CPUs, where a parallel one only adds threads, the parallel collector from two CPUs.
     */
    THROUGHPUT;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<JvmProfile> parse(String value) {
        for (JvmProfile profile : values()) {
            if (profile.configName().equals(value)) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }
}
