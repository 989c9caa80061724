package io.github.hardenedcontainer.detect;

import io.github.hardenedcontainer.model.Framework;
import io.github.hardenedcontainer.model.ModuleFacts;
import java.util.List;

/** Recognises the framework a module is built with, from its POM: build plugins, parent and dependencies. */
public final class FrameworkDetector {

    static final String BOOT_GROUP = "org.springframework.boot";
    static final String BOOT_PLUGIN = BOOT_GROUP + ":spring-boot-maven-plugin";
    static final String BOOT_PARENT = BOOT_GROUP + ":spring-boot-starter-parent";
    static final String ACTUATOR = BOOT_GROUP + ":spring-boot-starter-actuator";

    private FrameworkDetector() {
    }

    public static Framework detect(ModuleFacts module) {
        if (isSpringBoot(module)) {
            return springBoot(module);
        }
        return Framework.plain();
    }

    /**
     * Spring Boot: its Maven plugin repackages the jar, or the POM inherits Boot's parent. A Boot dependency
     * alone (a library that uses Spring) is not enough: such a module is built like any jar.
     */
    static boolean isSpringBoot(ModuleFacts module) {
        return module.hasPlugin(BOOT_PLUGIN) || module.parent() != null && module.parent().startsWith(BOOT_PARENT + ":");
    }

    /**
     * Spring Boot applications run from a plain class path (the application jar plus each dependency once), the
     * layout this plugin gives every jar: the builder skips the repackaging into a nested fat jar
     * ({@code spring-boot.repackage.skip}) and leaves out what the repackaging would have left out
     * (DevTools, and the Docker Compose support, which would try to start Compose inside the container). With
     * Actuator, the probes are its liveness and readiness groups, which Boot enables outside Kubernetes only when
     * {@code management.endpoint.health.probes.enabled} is set.
     */
    static Framework springBoot(ModuleFacts module) {
        String version = module.plugin(BOOT_PLUGIN).filter(v -> !v.isEmpty())
                .or(() -> module.parent() != null && module.parent().startsWith(BOOT_PARENT + ":")
                        ? java.util.Optional.of(module.parent().substring(BOOT_PARENT.length() + 1))
                        : java.util.Optional.empty())
                .orElse("");
        boolean actuator = module.dependencies().contains(ACTUATOR);
        return new Framework(Framework.Kind.SPRING_BOOT, version, actuator ? "Actuator" : "",
                List.of("-Dspring-boot.repackage.skip=true"),
                List.of("spring-boot-devtools", "spring-boot-docker-compose"),
                actuator ? List.of("-Dmanagement.endpoint.health.probes.enabled=true") : List.of(),
                actuator ? "/actuator/health/liveness" : null,
                actuator ? "/actuator/health/readiness" : null,
                "the application jar without repackaging, its runtime dependencies each once");
    }
}
