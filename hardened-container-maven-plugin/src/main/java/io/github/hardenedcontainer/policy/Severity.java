package io.github.hardenedcontainer.policy;

import java.util.Locale;
import java.util.Optional;

/** How bad a finding is, from most to least severe. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** Whether this is at least as severe as the threshold. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** SARIF's level for this severity. */
    public String sarifLevel() {
        return switch (this) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    public static Optional<Severity> parse(String value) {
        for (Severity s : values()) {
            if (s.configName().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
