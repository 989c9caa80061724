package io.github.hardenedcontainer.model;

import java.util.List;

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
        String layout) {

    /** The frameworks the generator knows. */
    public enum Kind {
        PLAIN("a plain jar"),
        SPRING_BOOT("Spring Boot");

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
    }

    /** A jar with a main class and its dependencies beside it: nothing to adapt. */
    public static Framework plain() {
        return new Framework(Kind.PLAIN, "", "", List.of(), List.of(), List.of(), null, null,
                "the jar and its runtime dependencies, each once");
    }

    /** One line for the log: {@code Spring Boot 3.5.7 with Actuator}. */
    public String describe() {
        return kind.title() + (version.isEmpty() ? "" : " " + version)
                + (healthModule.isEmpty() ? "" : " with " + healthModule);
    }
}
