package io.github.hardenedcontainer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hardenedcontainer.model.Framework;
import io.github.hardenedcontainer.model.ModuleFacts;
import io.github.hardenedcontainer.model.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkDetectorTest {

    private static ModuleFacts module(List<String> dependencies, List<String> plugins, String parent) {
        return module(dependencies, plugins, parent, false);
    }

    private static ModuleFacts module(List<String> dependencies, List<String> plugins, String parent, boolean shaded) {
        return new ModuleFacts("com.example", "shop", "1.0.0", "shop", null, "jar", "", "shop-1.0.0", dependencies,
                List.of(), "21", null, null, Settings.defaults(), List.of("src"), false, plugins, parent, shaded,
                List.of(), null);
    }

    @Test
    void aShadedJarShipsAloneWithoutASecondCopyOfItsDependencies() {
        Framework f = FrameworkDetector.detect(module(List.of("io.vertx:vertx-core"),
                List.of("org.apache.maven.plugins:maven-shade-plugin:3.6.2"), null, true), 8080, false);
        assertThat(f.kind()).isEqualTo(Framework.Kind.SHADED);
        assertThat(f.describe()).isEqualTo("a shaded jar");
        assertThat(f.copiesDependencies()).isFalse();
        assertThat(Framework.plain(8080, false).copiesDependencies()).isTrue();
    }

    @Test
    void helidonSeFromItsParentWithTheHealthObserver() {
        Framework f = FrameworkDetector.detect(module(List.of("io.helidon.webserver:helidon-webserver",
                "io.helidon.webserver.observe:helidon-webserver-observe-health"), List.of(),
                "io.helidon.applications:helidon-se:4.5.0"), 8080, false);
        assertThat(f.describe()).isEqualTo("Helidon SE 4.5.0 with health observer");
        assertThat(f.healthPath()).isEqualTo("/observe/health/live");
        assertThat(f.readinessPath()).isEqualTo("/observe/health/ready");
        assertThat(f.systemProperties()).containsExactly("-Dserver.port=8080", "-Dserver.host=0.0.0.0");
        assertThat(f.copiesDependencies()).isTrue();
    }

    @Test
    void micronautFromItsParentShipsItsShadedJarWithItsManagementProbes() {
        Framework f = FrameworkDetector.detect(module(List.of("io.micronaut:micronaut-http-server-netty",
                "io.micronaut:micronaut-management"), List.of("io.micronaut.maven:micronaut-maven-plugin:4.11.6",
                "org.apache.maven.plugins:maven-shade-plugin:3.6.1"), "io.micronaut.platform:micronaut-parent:4.10.8",
                true), 8080, true);
        assertThat(f.describe()).isEqualTo("Micronaut 4.10.8 with management");
        assertThat(f.healthPath()).isEqualTo("/health/liveness");
        assertThat(f.readinessPath()).isEqualTo("/health/readiness");
        assertThat(f.systemProperties()).containsExactly("-Dmicronaut.server.port=8080");
        assertThat(f.copiesDependencies()).isFalse();
        assertThat(f.environment()).containsExactly(java.util.Map.entry("APP_ENV", "${APP_ENV:-local}"),
                java.util.Map.entry("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db:5432/app"),
                java.util.Map.entry("DATASOURCES_DEFAULT_USERNAME", "app"),
                java.util.Map.entry("JAVA_PROPERTY_FILES", "datasources.default.password=/run/secrets/postgres-password"));
    }

    @Test
    void micronautWithoutManagementHasNoProbesOfItsOwnAndAThinJarCopiesItsLibraries() {
        Framework f = FrameworkDetector.detect(module(List.of("io.micronaut:micronaut-http-server-netty"),
                List.of("io.micronaut.maven:micronaut-maven-plugin:4.11.6"), null, false), 8080, false);
        assertThat(f.kind()).isEqualTo(Framework.Kind.MICRONAUT);
        assertThat(f.describe()).isEqualTo("Micronaut");
        assertThat(f.healthPath()).isNull();
        assertThat(f.copiesDependencies()).isTrue();
        assertThat(f.environment()).containsOnlyKeys("APP_ENV");
    }

    private static ModuleFacts quarkus(String packageType) {
        return new ModuleFacts("com.example", "shop", "1.0.0", "shop", null, "jar", "", "shop-1.0.0",
                List.of("io.quarkus:quarkus-rest", "io.quarkus:quarkus-smallrye-health"), List.of(), "21", null, null,
                Settings.defaults(), List.of("src"), false, List.of("io.quarkus:quarkus-maven-plugin:3.33.2"), null,
                false, List.of(), packageType);
    }

    @Test
    void quarkusBuildsItsFastJarUnlessTheProjectStatesTheUberJar() {
        Framework fast = FrameworkDetector.detect(quarkus(null), 8080, false);
        assertThat(fast.kind()).isEqualTo(Framework.Kind.QUARKUS);
        assertThat(FrameworkDetector.detect(quarkus("fast-jar"), 8080, false).kind()).isEqualTo(Framework.Kind.QUARKUS);
        Framework uber = FrameworkDetector.detect(quarkus("uber-jar"), 8080, false);
        assertThat(uber.kind()).isEqualTo(Framework.Kind.QUARKUS_UBER_JAR);
        assertThat(uber.describe()).isEqualTo("Quarkus 3.33.2 with SmallRye Health");
        assertThat(uber.layout()).isEqualTo("the uber-jar (shop-1.0.0-runner.jar) alone, its dependencies inside it");
        assertThat(uber.copiesDependencies()).isFalse();
        assertThat(uber.healthPath()).isEqualTo("/q/health/live");
        // What the runner jars' manifests open for java -jar, opened by the JVM options instead.
        for (Framework f : List.of(fast, uber)) {
            assertThat(f.systemProperties()).containsExactly("-Dquarkus.http.port=8080",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED");
        }
    }

    @Test
    void micronautWithPostgresGetsItsDataSourceAndThePasswordThroughTheLauncher() {
        Framework f = FrameworkDetector.detect(module(List.of("io.micronaut.sql:micronaut-jdbc-hikari"),
                List.of("io.micronaut.maven:micronaut-maven-plugin:4.11.6"), null, true), 8080, true);
        assertThat(f.environment()).containsEntry("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db:5432/app")
                .containsEntry("DATASOURCES_DEFAULT_USERNAME", "app")
                .containsEntry("JAVA_PROPERTY_FILES", "datasources.default.password=/run/secrets/postgres-password");
        assertThat(f.passwordProperty()).isEqualTo("datasources.default.password");
        assertThat(f.trainingEnvironment()).contains("DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:9/training",
                "DATASOURCES_DEFAULT_INITIALIZATION_FAIL_TIMEOUT=-1");
        // Frameworks that read the file themselves need no launcher.
        assertThat(Framework.plain(8080, true).passwordProperty()).isNull();
    }

    @Test
    void quarkusWithPostgresGetsItsDataSourceVariables() {
        Framework f = FrameworkDetector.detect(module(List.of("io.quarkus:quarkus-rest"),
                List.of("io.quarkus:quarkus-maven-plugin:3.33.2"), null), 8080, true);
        assertThat(f.environment()).containsOnlyKeys("APP_ENV", "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_USERNAME", "JAVA_PROPERTY_FILES");
        // The password never as a value: the launcher reads the secret's file into the property Quarkus reads.
        assertThat(f.environment()).containsEntry("JAVA_PROPERTY_FILES",
                "quarkus.datasource.password=/run/secrets/postgres-password");
        assertThat(f.passwordProperty()).isEqualTo("quarkus.datasource.password");
        // The build's training run has no database, but an active data source on a closed port.
        assertThat(f.trainingEnvironment()).containsExactly(
                "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:9/training", "QUARKUS_DATASOURCE_USERNAME=training");
        assertThat(FrameworkDetector.detect(module(List.of("io.quarkus:quarkus-rest"),
                List.of("io.quarkus:quarkus-maven-plugin:3.33.2"), null), 8080, false).passwordProperty()).isNull();
    }

    @Test
    void statedEnvironmentReplacesInPlaceAndAppendsTheRest() {
        Framework f = Framework.plain(8080, false).withEnvironment(new java.util.LinkedHashMap<>(java.util.Map.of(
                "APP_ENV", "prod")));
        f = f.withEnvironment(java.util.Map.of("FEATURE_X", "on"));
        assertThat(f.environment().keySet()).containsExactly("PORT", "APP_ENV", "FEATURE_X");
        assertThat(f.environment()).containsEntry("APP_ENV", "prod");
    }

    @Test
    void helidonMpFromItsParentWithMicroProfileHealthBeforeTheSeWebServerItBringsAlong() {
        Framework f = FrameworkDetector.detect(module(List.of("io.helidon.microprofile.bundles:helidon-microprofile-core",
                "io.helidon.microprofile.health:helidon-microprofile-health", "io.helidon.webserver:helidon-webserver"),
                List.of(), "io.helidon.applications:helidon-mp:4.4.0"), 8080, false);
        assertThat(f.describe()).isEqualTo("Helidon MP 4.4.0 with MicroProfile Health");
        assertThat(f.healthPath()).isEqualTo("/health/live");
        assertThat(f.readinessPath()).isEqualTo("/health/ready");
        assertThat(f.systemProperties()).containsExactly("-Dserver.port=8080", "-Dserver.host=0.0.0.0");
        assertThat(f.copiesDependencies()).isTrue();
        Framework bare = FrameworkDetector.detect(module(List.of("io.helidon.microprofile.server:helidon-microprofile-server"),
                List.of(), null), 8080, false);
        assertThat(bare.kind()).isEqualTo(Framework.Kind.HELIDON_MP);
        assertThat(bare.healthPath()).isNull();
    }

    @Test
    void aSpringBootShadedBuildIsStillSpringBoot() {
        Framework f = FrameworkDetector.detect(module(List.of(),
                List.of("org.springframework.boot:spring-boot-maven-plugin:3.5.7"), null, true), 8080, false);
        assertThat(f.kind()).isEqualTo(Framework.Kind.SPRING_BOOT);
    }

    @Test
    void aPlainJarIsPlain() {
        Framework f = FrameworkDetector.detect(module(List.of("io.vertx:vertx-web"),
                List.of("org.apache.maven.plugins:maven-jar-plugin:3.4.2"), null), 8080, false);
        assertThat(f.kind()).isEqualTo(Framework.Kind.PLAIN);
        assertThat(f.mavenArgs()).isEmpty();
        assertThat(f.healthPath()).isNull();
    }

    @Test
    void springBootFromItsPluginWithActuator() {
        Framework f = FrameworkDetector.detect(module(
                List.of("org.springframework.boot:spring-boot-starter-web", "org.springframework.boot:spring-boot-starter-actuator"),
                List.of("org.springframework.boot:spring-boot-maven-plugin:3.5.7"), null), 9090, false);
        assertThat(f.kind()).isEqualTo(Framework.Kind.SPRING_BOOT);
        assertThat(f.describe()).isEqualTo("Spring Boot 3.5.7 with Actuator");
        assertThat(f.mavenArgs()).containsExactly("-Dspring-boot.repackage.skip=true");
        assertThat(f.excludedArtifacts()).containsExactly("spring-boot-devtools", "spring-boot-docker-compose");
        assertThat(f.systemProperties()).containsExactly("-Dserver.port=9090",
                "-Dmanagement.endpoint.health.probes.enabled=true");
        assertThat(f.environment()).containsExactly(java.util.Map.entry("APP_ENV", "${APP_ENV:-local}"));
        assertThat(f.trainingEnvironment()).isEmpty();
        assertThat(f.healthPath()).isEqualTo("/actuator/health/liveness");
        assertThat(f.readinessPath()).isEqualTo("/actuator/health/readiness");
    }

    @Test
    void springBootFromItsParentWithoutActuatorHasNoProbeDefaults() {
        Framework f = FrameworkDetector.detect(module(List.of("org.springframework.boot:spring-boot-starter-web"),
                List.of(), "org.springframework.boot:spring-boot-starter-parent:4.0.7"), 8080, false);
        assertThat(f.describe()).isEqualTo("Spring Boot 4.0.7");
        assertThat(f.healthPath()).isNull();
        assertThat(f.systemProperties()).containsExactly("-Dserver.port=8080");
    }

    @Test
    void springBootWithPostgresUsesTheStacksDatabaseAndTrainsWithoutIt() {
        Framework f = FrameworkDetector.detect(module(List.of("org.springframework.boot:spring-boot-starter-data-jpa",
                "org.postgresql:postgresql"), List.of("org.springframework.boot:spring-boot-maven-plugin:4.0.7"), null),
                8080, true);
        assertThat(f.environment()).containsExactly(
                java.util.Map.entry("APP_ENV", "${APP_ENV:-local}"),
                java.util.Map.entry("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/app"),
                java.util.Map.entry("SPRING_DATASOURCE_USERNAME", "app"),
                java.util.Map.entry("SPRING_CONFIG_IMPORT", "optional:configtree:/run/secrets/"));
        assertThat(f.passwordSecret()).isEqualTo("spring.datasource.password");
        assertThat(f.environment().keySet()).noneMatch(name -> name.contains("PASSWORD"));
        assertThat(f.trainingEnvironment()).contains("SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:9/training",
                "SPRING_APPLICATION_JSON={\"spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access\":false}");
    }

    @Test
    void aPlainJarGetsTheSamplesVariables() {
        Framework f = FrameworkDetector.detect(module(List.of("io.vertx:vertx-pg-client"), List.of(), null), 8081, true);
        assertThat(f.environment()).containsExactly(
                java.util.Map.entry("PORT", "8081"),
                java.util.Map.entry("APP_ENV", "${APP_ENV:-local}"),
                java.util.Map.entry("DATABASE_URL", "postgres://app@db:5432/app"),
                java.util.Map.entry("DATABASE_PASSWORD_FILE", "/run/secrets/postgres-password"));
        assertThat(f.passwordSecret()).isEqualTo("postgres-password");
    }

    @Test
    void aLibraryThatUsesSpringIsNoBootApplication() {
        Framework f = FrameworkDetector.detect(module(List.of("org.springframework.boot:spring-boot-autoconfigure"),
                List.of(), "com.example:parent:1"), 8080, false);
        assertThat(f.kind()).isEqualTo(Framework.Kind.PLAIN);
    }

    @Test
    void theScannerFindsTheAnnotatedMainClass(@TempDir Path src) throws Exception {
        Path pkg = Files.createDirectories(src.resolve("com/example/shop"));
        Files.writeString(pkg.resolve("ShopApplication.java"), """
                package com.example.shop;

                import org.springframework.boot.SpringApplication;
                import org.springframework.boot.autoconfigure.SpringBootApplication;

                @SpringBootApplication
                public class ShopApplication {
                    public static void main(String[] args) {
                        SpringApplication.run(ShopApplication.class, args);
                    }
                }
                """);
        Files.writeString(pkg.resolve("Config.java"), """
                package com.example.shop;
                @org.springframework.boot.autoconfigure.SpringBootApplication
                class Config { }
                """);
        Files.writeString(pkg.resolve("Tool.java"), """
                package com.example.shop;
                class Tool { public static void main(String[] args) { } }
                """);
        assertThat(MainClassScanner.find(src, "SpringBootApplication")).containsExactly("com.example.shop.ShopApplication");
        assertThat(MainClassScanner.find(src.resolve("missing"), "SpringBootApplication")).isEmpty();
    }
}
