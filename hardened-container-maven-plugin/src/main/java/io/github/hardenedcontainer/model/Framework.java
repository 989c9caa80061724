package io.github.hardenedcontainer.model;

import java.util.List;
import java.util.Map;

/**
 * What a module is built with, as far as its container needs to know: how the builder stage packages it, which
 * JVM system properties its image sets, and the probe paths its health module answers by default. Detected from
 * the POM (see {@code detect.FrameworkDetector}); logged once per module.
 *
 * @param kind the framework
 * @param version its version as the POM names it, or empty when the POM does not say
 * @param healthModule the framework's health module, when the module uses it ({@code Actuator}), else empty
 * @param mavenArgs extra arguments of the builder's {@code mvn package}, such as a skipped repackaging
 * @param excludedArtifacts artifactIds left out of the runtime libraries (development-only jars)
 * @param systemProperties {@code -Dname=value} options every JVM of the image starts with, before the user's own
 * @param healthPath the liveness path the health module answers, or {@code null} when there is none
 * @param readinessPath the readiness path the health module answers, or {@code null} when there is none
 * @param layout how the builder lays the application out, for the log
 * @param environment the app service's environment in the Compose stack, in order (values as Compose reads them)
 * @param passwordSecret the file name under {@code /run/secrets} the database password is mounted as
 * @param copiesDependencies whether the builder copies the runtime dependencies beside the jar (not for a shaded
 *     jar, which holds them already)
 * @param trainingEnvironment {@code NAME=value} entries of the build's training run, which has no database: what
 *     lets the service start without it (the user's {@code <aotTrainingEnv>} comes after, and wins)
 * @param passwordProperty the configuration property the framework reads the database password from, when it has
 *     no way of its own to read it from a file: the image then starts the application through the
 *     {@code PropertyFiles} launcher, which sets that property from the file {@code JAVA_PROPERTY_FILES} names;
 *     {@code null} when the framework reads the file itself (or the module has no database)
 */
public record Framework(
        Kind kind,
        String version,
        String healthModule,
        List<String> mavenArgs,
        List<String> excludedArtifacts,
        List<String> systemProperties,
        String healthPath,
        String readinessPath,
        String layout,
        Map<String, String> environment,
        String passwordSecret,
        boolean copiesDependencies,
        List<String> trainingEnvironment,
        String passwordProperty) {

    /** The frameworks the generator knows. */
    public enum Kind {
        PLAIN("a plain jar"),
        SHADED("a shaded jar"),
        SPRING_BOOT("Spring Boot"),
        HELIDON_SE("Helidon SE"),
        HELIDON_MP("Helidon MP"),
        QUARKUS("Quarkus"),
        /** Quarkus built as an uber-jar ({@code quarkus.package.jar.type=uber-jar}). */
        QUARKUS_UBER_JAR("Quarkus"),
        MICRONAUT("Micronaut");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public Framework {
        mavenArgs = List.copyOf(mavenArgs);
        excludedArtifacts = List.copyOf(excludedArtifacts);
        systemProperties = List.copyOf(systemProperties);
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        trainingEnvironment = List.copyOf(trainingEnvironment);
    }

    /** The name of the Compose secret that holds the database password. */
    public static final String PASSWORD_SECRET = "postgres-password";

    /**
     * A jar with a main class and its dependencies beside it: nothing to adapt. It gets the environment this
     * project's sample service reads: {@code PORT}, {@code APP_ENV}, and with PostgreSQL {@code DATABASE_URL} and
     * {@code DATABASE_PASSWORD_FILE}; its training run gets the same {@code PORT}.
     */
    public static Framework plain(int port, boolean postgres) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("PORT", Integer.toString(port));
        env.put("APP_ENV", "${APP_ENV:-local}");
        if (postgres) {
            env.put("DATABASE_URL", "postgres://app@db:5432/app");
            env.put("DATABASE_PASSWORD_FILE", "/run/secrets/" + PASSWORD_SECRET);
        }
        // The training run at image build time listens where the stack's app does: on the PORT it reads.
        return new Framework(Kind.PLAIN, "", "", List.of(), List.of(), List.of(), null, null,
                "the jar and its runtime dependencies, each once", env, PASSWORD_SECRET, true,
                List.of("PORT=" + port), null);
    }

    /**
     * A jar that maven-shade-plugin replaced with a shaded one: it holds its dependencies, so none are copied
     * beside it (they would ship twice). Otherwise as {@link #plain}.
     */
    public static Framework shaded(int port, boolean postgres) {
        Framework plain = plain(port, postgres);
        return new Framework(Kind.SHADED, "", "", List.of(), List.of(), List.of(), null, null,
                "the shaded jar alone, its dependencies inside it", plain.environment(), PASSWORD_SECRET, false,
                plain.trainingEnvironment(), null);
    }

    /**
     * This framework with the stated environment entries on top: a name it sets already takes the stated value
     * in place, a new name comes after.
     */
    public Framework withEnvironment(Map<String, String> stated) {
        if (stated.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new java.util.LinkedHashMap<>(environment);
        merged.putAll(stated);
        return new Framework(kind, version, healthModule, mavenArgs, excludedArtifacts, systemProperties, healthPath,
                readinessPath, layout, merged, passwordSecret, copiesDependencies, trainingEnvironment,
                passwordProperty);
    }

    /** One line for the log: {@code Spring Boot 3.5.7 with Actuator}. */
    public String describe() {
        return kind.title() + (version.isEmpty() ? "" : " " + version)
                + (healthModule.isEmpty() ? "" : " with " + healthModule);
    }
}
