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
    static final String QUARKUS_PLUGIN = "io.quarkus:quarkus-maven-plugin";
    static final String QUARKUS_PLATFORM_PLUGIN = "io.quarkus.platform:quarkus-maven-plugin";
    static final String QUARKUS_HEALTH = "io.quarkus:quarkus-smallrye-health";
    /** The main class of Quarkus's {@code quarkus-run.jar}. */
    public static final String QUARKUS_ENTRY_POINT = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";
    /** The main class of a Quarkus uber-jar (its manifest's {@code Main-Class}). */
    public static final String QUARKUS_UBER_MAIN = "io.quarkus.runner.GeneratedMain";
    /** The Quarkus jar types the image build lays out: the fast-jar directory (mutable-jar has the same), the uber-jar. */
    public static final List<String> QUARKUS_JAR_TYPES = List.of("fast-jar", "mutable-jar", "uber-jar");
    /**
     * The packages Quarkus's runner jars open to the class path in their manifest ({@code Add-Opens}), which the JVM
     * honours only for {@code java -jar}: the image starts the main class with a class path, so it opens them itself.
     */
    static final List<String> QUARKUS_OPENS = List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED");
    static final String MICRONAUT_PLUGIN = "io.micronaut.maven:micronaut-maven-plugin";
    static final String MICRONAUT_PARENT = "io.micronaut.platform:micronaut-parent";
    static final String MICRONAUT_MANAGEMENT = "io.micronaut:micronaut-management";
    static final String HELIDON_MP_PARENT = "io.helidon.applications:helidon-mp";
    static final String HELIDON_MP_PREFIX = "io.helidon.microprofile.";
    static final String HELIDON_MP_HEALTH = "io.helidon.microprofile.health:helidon-microprofile-health";
    static final String HELIDON_SE_PARENT = "io.helidon.applications:helidon-se";
    static final String HELIDON_WEBSERVER = "io.helidon.webserver:helidon-webserver";
    static final String HELIDON_HEALTH = "io.helidon.webserver.observe:helidon-webserver-observe-health";

    private FrameworkDetector() {
    }

    /**
     * @param port the port the service listens on
     * @param postgres whether the Compose stack has PostgreSQL for it
     */
    public static Framework detect(ModuleFacts module, int port, boolean postgres) {
        if (isSpringBoot(module)) {
            return springBoot(module, port, postgres);
        }
        if (isQuarkus(module)) {
            return quarkus(module, port, postgres);
        }
        if (isMicronaut(module)) {
            return micronaut(module, port, postgres);
        }
        if (isHelidonMp(module)) {
            return helidonMp(module, port, postgres);
        }
        if (isHelidonSe(module)) {
            return helidonSe(module, port, postgres);
        }
        if (module.shadedJar()) {
            return Framework.shaded(port, postgres);
        }
        return Framework.plain(port, postgres);
    }

    /**
     * Spring Boot: its Maven plugin repackages the jar, or the POM inherits Boot's parent. A Boot dependency
     * alone (a library that uses Spring) is not enough: such a module is built like any jar.
     */
    static boolean isSpringBoot(ModuleFacts module) {
        return isSpringBoot(module.buildPlugins(), module.parent());
    }

    /**
     * The same decision from the POM's build plugins ({@code groupId:artifactId:version}) and parent
     * ({@code groupId:artifactId:version}, or {@code null}), for the Maven layer before the module's facts exist.
     */
    public static boolean isSpringBoot(List<String> buildPlugins, String parent) {
        return buildPlugins.stream().anyMatch(p -> p.startsWith(BOOT_PLUGIN + ":"))
                || parent != null && parent.startsWith(BOOT_PARENT + ":");
    }

    /** Quarkus: its Maven plugin builds the application. */
    public static boolean isQuarkus(ModuleFacts module) {
        return module.hasPlugin(QUARKUS_PLUGIN) || module.hasPlugin(QUARKUS_PLATFORM_PLUGIN);
    }

    /** Whether the module is a Quarkus application that states {@code quarkus.package.jar.type=uber-jar}. */
    public static boolean isQuarkusUberJar(ModuleFacts module) {
        return isQuarkus(module) && "uber-jar".equals(module.quarkusPackageType());
    }

    /**
     * Quarkus 3 builds a fast-jar by default: {@code target/quarkus-app/} with {@code quarkus-run.jar} (its manifest
     * class path names {@code lib/boot/}), {@code lib/main/}, {@code app/} and {@code quarkus/}, all found relative
     * to the runner jar. The image's {@code /app} is that directory (the runner as {@code app.jar}), started at
     * {@link #QUARKUS_ENTRY_POINT}; nothing is copied beside it. With {@code quarkus.package.jar.type=uber-jar} it
     * builds {@code target/<finalName>-runner.jar} with every dependency inside, started at
     * {@link #QUARKUS_UBER_MAIN}, which ships alone as a shaded jar does. Either way the JVM opens what the runner's
     * manifest asks to open ({@link #QUARKUS_OPENS}). The port is {@code quarkus.http.port} (Quarkus binds every
     * interface in production). With SmallRye Health the probes are {@code /q/health/live} and
     * {@code /q/health/ready}.
     */
    static Framework quarkus(ModuleFacts module, int port, boolean postgres) {
        String version = module.plugin(QUARKUS_PLUGIN).or(() -> module.plugin(QUARKUS_PLATFORM_PLUGIN)).orElse("");
        boolean health = module.dependencies().contains(QUARKUS_HEALTH);
        boolean uber = isQuarkusUberJar(module);
        Framework plain = Framework.plain(port, postgres);
        List<String> jvm = new java.util.ArrayList<>(List.of("-Dquarkus.http.port=" + port));
        jvm.addAll(QUARKUS_OPENS);
        return new Framework(uber ? Framework.Kind.QUARKUS_UBER_JAR : Framework.Kind.QUARKUS, version,
                health ? "SmallRye Health" : "", List.of(), List.of(), jvm,
                health ? "/q/health/live" : null,
                health ? "/q/health/ready" : null,
                uber ? "the uber-jar (" + module.finalName() + "-runner.jar) alone, its dependencies inside it"
                        : "the fast-jar (quarkus-run.jar with lib/, app/ and quarkus/)",
                dataSource(postgres, "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                        "quarkus.datasource.password"),
                plain.passwordSecret(), false,
                // The build's training run has no database: a URL on a closed port keeps the data source active
                // (without one Quarkus refuses to start a bean that injects it); Agroal opens no connection at start.
                postgres ? List.of("QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:9/training",
                        "QUARKUS_DATASOURCE_USERNAME=training") : List.of(),
                postgres ? "quarkus.datasource.password" : null);
    }

    /** Micronaut: its Maven plugin (which brings the build's lifecycle) or its application parent. */
    static boolean isMicronaut(ModuleFacts module) {
        return module.hasPlugin(MICRONAUT_PLUGIN)
                || module.parentVersion(MICRONAUT_PARENT).isPresent();
    }

    /**
     * Micronaut 4: the Maven plugin's lifecycle for {@code jar} packaging binds maven-shade-plugin (configured by
     * {@code micronaut-parent} with {@code exec.mainClass} as the manifest's main class), so the module's jar is a
     * shaded jar and ships alone, as any shaded jar. Micronaut binds every interface; the port is
     * {@code micronaut.server.port}. With the management module, the health endpoint answers
     * {@code /health/liveness} and {@code /health/readiness}.
     */
    static Framework micronaut(ModuleFacts module, int port, boolean postgres) {
        String version = module.parentVersion(MICRONAUT_PARENT).orElse("");
        boolean health = module.dependencies().contains(MICRONAUT_MANAGEMENT);
        Framework base = module.shadedJar() ? Framework.shaded(port, postgres) : Framework.plain(port, postgres);
        return new Framework(Framework.Kind.MICRONAUT, version, health ? "management" : "", List.of(), List.of(),
                List.of("-Dmicronaut.server.port=" + port),
                health ? "/health/liveness" : null,
                health ? "/health/readiness" : null,
                base.layout(), dataSource(postgres, "DATASOURCES_DEFAULT_URL", "DATASOURCES_DEFAULT_USERNAME",
                        "datasources.default.password"),
                base.passwordSecret(), base.copiesDependencies(),
                // The build's training run has no database: a URL on a closed port, and Hikari's pool started
                // without its first connection (initializationFailTimeout -1), as Micronaut binds it.
                postgres ? List.of("DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:9/training",
                        "DATASOURCES_DEFAULT_USERNAME=training", "DATASOURCES_DEFAULT_INITIALIZATION_FAIL_TIMEOUT=-1")
                        : List.of(),
                postgres ? "datasources.default.password" : null);
    }

    /**
     * The stack's environment for a framework that reads its JDBC data source from variables: the environment
     * name, and with PostgreSQL the stack's database URL and user under the framework's own names. The password
     * stays the Compose secret file {@code /run/secrets/postgres-password}, never a variable: these frameworks have
     * no built-in way to read a property from a file, so {@code JAVA_PROPERTY_FILES} names the property and the
     * file, and the image's {@code PropertyFiles} launcher sets the one from the other before the application's main
     * class starts (see docs/frameworks.md).
     */
    static java.util.Map<String, String> dataSource(boolean postgres, String urlName, String userName,
            String passwordProperty) {
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("APP_ENV", "${APP_ENV:-local}");
        if (postgres) {
            env.put(urlName, "jdbc:postgresql://db:5432/app");
            env.put(userName, "app");
            env.put(PROPERTY_FILES_VARIABLE, passwordProperty + "=/run/secrets/" + Framework.PASSWORD_SECRET);
        }
        return env;
    }

    /** The variable the image's {@code PropertyFiles} launcher reads: {@code name=/path} entries, comma-separated. */
    public static final String PROPERTY_FILES_VARIABLE = "JAVA_PROPERTY_FILES";

    /** Helidon MP: its application parent, or a MicroProfile module of Helidon's (its bundles, server, CDI). */
    static boolean isHelidonMp(ModuleFacts module) {
        return module.parentVersion(HELIDON_MP_PARENT).isPresent()
                || module.dependencies().stream().anyMatch(d -> d.startsWith(HELIDON_MP_PREFIX));
    }

    /**
     * Helidon MP 4 runs as Helidon SE does, a thin jar with its libraries beside it, started at {@code io.helidon.Main}
     * (the parent's {@code mainClass} property); its configuration (MicroProfile Config) reads system properties
     * over {@code microprofile-config.properties}, so the image sets {@code server.port} and binds every interface.
     * With MicroProfile Health, the probes are {@code /health/live} and {@code /health/ready}.
     */
    static Framework helidonMp(ModuleFacts module, int port, boolean postgres) {
        return helidon(Framework.Kind.HELIDON_MP, module.parentVersion(HELIDON_MP_PARENT).orElse(""),
                module.dependencies().contains(HELIDON_MP_HEALTH) ? "MicroProfile Health" : "", "/health", port,
                postgres);
    }

    /** Helidon SE: its application parent, or its web server without Helidon MP's CDI. */
    static boolean isHelidonSe(ModuleFacts module) {
        return module.parentVersion(HELIDON_SE_PARENT).isPresent()
                || module.dependencies().contains(HELIDON_WEBSERVER);
    }

    /**
     * Helidon SE 4 runs as a thin jar with its libraries beside it, the plain layout. Its configuration reads
     * system properties over {@code application.yaml}: the image sets {@code server.port} and binds every
     * interface ({@code server.host=0.0.0.0}; Helidon's default, {@code localhost}, cannot be reached from outside
     * the container). With the health observer, the probes are its liveness and readiness checks under the
     * observe feature's root, {@code /observe/health/live} and {@code /observe/health/ready}.
     */
    static Framework helidonSe(ModuleFacts module, int port, boolean postgres) {
        return helidon(Framework.Kind.HELIDON_SE, module.parentVersion(HELIDON_SE_PARENT).orElse(""),
                module.dependencies().contains(HELIDON_HEALTH) ? "health observer" : "", "/observe/health", port,
                postgres);
    }

    /**
     * Helidon, SE or MP: the plain layout and environment, {@code server.port} and every interface as system
     * properties, and with its health module ({@code healthModule} not empty) the probes {@code live} and
     * {@code ready} under {@code healthRoot}.
     */
    private static Framework helidon(Framework.Kind kind, String version, String healthModule, String healthRoot,
            int port, boolean postgres) {
        boolean health = !healthModule.isEmpty();
        Framework plain = Framework.plain(port, postgres);
        return new Framework(kind, version, healthModule, List.of(), List.of(),
                List.of("-Dserver.port=" + port, "-Dserver.host=0.0.0.0"),
                health ? healthRoot + "/live" : null,
                health ? healthRoot + "/ready" : null,
                plain.layout(), plain.environment(), plain.passwordSecret(), true, List.of(), null);
    }

    /**
     * Spring Boot applications run from a plain class path (the application jar plus each dependency once), the
     * layout this plugin gives every jar: the builder skips the repackaging into a nested fat jar
     * ({@code spring-boot.repackage.skip}) and leaves out what the repackaging would have left out
     * (DevTools, and the Docker Compose support, which would try to start Compose inside the container). With
     * Actuator, the probes are its liveness and readiness groups, which Boot enables outside Kubernetes only when
     * {@code management.endpoint.health.probes.enabled} is set. The port is {@code server.port}.
     *
     * <p>With PostgreSQL, the stack's database is Boot's data source: {@code SPRING_DATASOURCE_URL} and
     * {@code _USERNAME}, and the password as a file Boot reads as the property {@code spring.datasource.password}
     * through a config tree import ({@code SPRING_CONFIG_IMPORT=optional:configtree:/run/secrets/}), so the
     * password is never in the environment. The training run at image build time has no database: it points the
     * data source at a closed port and keeps start-up from touching it (no JDBC metadata at Hibernate's boot, so
     * the dialect is named; no schema generation, SQL initialisation, Flyway or Liquibase), so the service starts
     * and its start-up code is still recorded.
     */
    static Framework springBoot(ModuleFacts module, int port, boolean postgres) {
        String version = module.plugin(BOOT_PLUGIN).filter(v -> !v.isEmpty())
                .or(() -> module.parentVersion(BOOT_PARENT))
                .orElse("");
        boolean actuator = module.dependencies().contains(ACTUATOR);
        List<String> properties = new java.util.ArrayList<>();
        properties.add("-Dserver.port=" + port);
        if (actuator) {
            properties.add("-Dmanagement.endpoint.health.probes.enabled=true");
        }
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("APP_ENV", "${APP_ENV:-local}");
        List<String> training = List.of();
        String secret = Framework.PASSWORD_SECRET;
        if (postgres) {
            env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/app");
            env.put("SPRING_DATASOURCE_USERNAME", "app");
            env.put("SPRING_CONFIG_IMPORT", "optional:configtree:/run/secrets/");
            secret = "spring.datasource.password";
            training = List.of(
                    "SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:9/training",
                    "SPRING_DATASOURCE_USERNAME=training",
                    "SPRING_JPA_DATABASE_PLATFORM=org.hibernate.dialect.PostgreSQLDialect",
                    // A map key keeps its underscores only this way (variables bind map keys with dots).
                    "SPRING_APPLICATION_JSON={\"spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access\":false}",
                    "SPRING_JPA_HIBERNATE_DDL_AUTO=none",
                    "SPRING_SQL_INIT_MODE=never",
                    "SPRING_FLYWAY_ENABLED=false",
                    "SPRING_LIQUIBASE_ENABLED=false");
        }
        return new Framework(Framework.Kind.SPRING_BOOT, version, actuator ? "Actuator" : "",
                List.of("-Dspring-boot.repackage.skip=true"),
                List.of("spring-boot-devtools", "spring-boot-docker-compose"),
                properties,
                actuator ? "/actuator/health/liveness" : null,
                actuator ? "/actuator/health/readiness" : null,
                "the application jar without repackaging, its runtime dependencies each once",
                env, secret, true, training, null);
    }
}
