package io.github.hardenedcontainer.detect;

import io.github.hardenedcontainer.model.DatabaseKind;
import java.util.Collection;
import java.util.Set;

/** Decides from a module's declared dependencies whether it talks to PostgreSQL. */
public final class DatabaseDetector {

    /** Client libraries whose presence means the service uses PostgreSQL. */
    public static final Set<String> POSTGRES_CLIENTS = Set.of(
            "org.postgresql:postgresql",
            // Quarkus's JDBC driver extension (it brings org.postgresql:postgresql, which a Quarkus POM never declares)
            "io.quarkus:quarkus-jdbc-postgresql",
            "io.vertx:vertx-pg-client",
            "org.postgresql:r2dbc-postgresql");

    private DatabaseDetector() {
    }

    /** {@link DatabaseKind#POSTGRES} when any dependency ({@code groupId:artifactId}) is a PostgreSQL client. */
    public static DatabaseKind detect(Collection<String> dependencies) {
        for (String dependency : dependencies) {
            if (POSTGRES_CLIENTS.contains(dependency)) {
                return DatabaseKind.POSTGRES;
            }
        }
        return DatabaseKind.NONE;
    }
}
