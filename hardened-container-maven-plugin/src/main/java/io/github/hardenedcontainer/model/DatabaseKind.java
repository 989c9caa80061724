package io.github.hardenedcontainer.model;

import java.util.Locale;
import java.util.Optional;

/** The database that the generated Compose stack runs beside the application. */
public enum DatabaseKind {
    /** A PostgreSQL service on an internal network, with its password as a Compose secret. */
    POSTGRES,
    /** No database service. */
    NONE;

    /** The lower-case name used in configuration ({@code postgres}, {@code none}). */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a configuration value; empty when it names no known kind. */
    public static Optional<DatabaseKind> parse(String value) {
        for (DatabaseKind kind : values()) {
            if (kind.configName().equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
