package io.github.hardenedcontainer.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hardenedcontainer.Fixtures;
import io.github.hardenedcontainer.model.BuildMode;
import io.github.hardenedcontainer.model.DatabaseKind;
import io.github.hardenedcontainer.model.Framework;
import io.github.hardenedcontainer.model.InvalidConfigurationException;
import io.github.hardenedcontainer.model.ModuleFacts;
import io.github.hardenedcontainer.model.OutputFile;
import io.github.hardenedcontainer.model.Problem;
import io.github.hardenedcontainer.model.ReactorFacts;
import io.github.hardenedcontainer.model.RepositoryModel;
import io.github.hardenedcontainer.model.RuntimeKind;
import io.github.hardenedcontainer.model.ServiceModel;
import io.github.hardenedcontainer.model.Setting;
import io.github.hardenedcontainer.model.Settings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigurationValidatorTest {

    private final List<String> log = new ArrayList<>();
    private final ConfigurationValidator validator = new ConfigurationValidator(log::add);

    @Test
    void defaultsForAPlainJar() throws Exception {
        RepositoryModel repo = validator.validate(Fixtures.plainJar(Settings.defaults()));
        ServiceModel s = repo.services().get(0);
        assertThat(s.uid()).isEqualTo(10001);
        assertThat(s.gid()).isEqualTo(10001);
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.hostAddress()).isEqualTo("127.0.0.1");
        assertThat(s.healthPath()).isEqualTo("/health");
        assertThat(s.readinessPath()).isEqualTo("/ready");
        assertThat(s.mainClass()).isEqualTo("com.example.hello.Main");
        assertThat(s.imageName()).isEqualTo("hello-service");
        assertThat(s.database()).isEqualTo(DatabaseKind.NONE);
        assertThat(s.buildMode()).isEqualTo(BuildMode.DOCKER);
        assertThat(s.builderImage()).hasToString("maven:3.9.11-eclipse-temurin-17");
        assertThat(s.runtimeImage()).hasToString("gcr.io/distroless/cc-debian12:nonroot");
        assertThat(s.runtime()).isEqualTo(RuntimeKind.JLINK);
        assertThat(s.jlinkModules()).isEmpty();
        assertThat(s.jlinkAddModules()).containsExactly("jdk.crypto.ec", "jdk.naming.dns", "jdk.zipfs");
        assertThat(s.aotCache()).isTrue();
        assertThat(s.aotTrainingPaths()).containsExactly("/health", "/ready");
        assertThat(s.contextPath()).isEqualTo(".");
        assertThat(repo.pipeline().registry()).isEqualTo("ghcr.io");
        assertThat(repo.multiModule()).isFalse();
    }

    private static ReactorFacts withExecArguments(Settings settings, List<String> execArguments) {
        io.github.hardenedcontainer.model.ModuleFacts m = Fixtures.plainJar(settings).modules().get(0);
        return Fixtures.single(new io.github.hardenedcontainer.model.ModuleFacts(m.groupId(), m.artifactId(),
                m.version(), m.name(), m.description(), m.packaging(), m.relativePath(), m.finalName(),
                m.dependencies(), List.of("io.vertx.launcher.application.VertxApplication"), m.javaRelease(),
                m.license(), m.scmUrl(), settings, m.sourceDirs(), false, List.of(), null, true, execArguments, null));
    }

    @Test
    void programArgumentsComeFromExecMavenPluginUnlessStated() throws Exception {
        List<String> verticle = List.of("com.example.MainVerticle");
        ServiceModel detected = validator.validate(withExecArguments(Settings.defaults(), verticle)).services().get(0);
        assertThat(detected.appArgs()).containsExactly("com.example.MainVerticle");
        assertThat(detected.framework().describe()).isEqualTo("a shaded jar");
        ServiceModel stated = validator.validate(withExecArguments(Settings.builder().appArgs(List.of("run", "x")).build(),
                verticle)).services().get(0);
        assertThat(stated.appArgs()).containsExactly("run", "x");
        ServiceModel unset = validator.validate(withExecArguments(Settings.builder().appArgs(List.of()).build(),
                verticle)).services().get(0);
        assertThat(unset.appArgs()).as("Maven injects [] when unset").containsExactly("com.example.MainVerticle");
        ServiceModel none = validator.validate(withExecArguments(Settings.builder().appArgs(List.of("none")).build(),
                verticle)).services().get(0);
        assertThat(none.appArgs()).isEmpty();
    }

    @Test
    void aProgramArgumentThatLooksLikeASecretIsRefused() {
        assertThatThrownBy(() -> validator.validate(withExecArguments(
                Settings.builder().appArgs(List.of("--db-password=hunter2")).build(), List.of())))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<appArgs> (got \"--db-password=hunter2\"): looks like a secret, and program"
                        + " arguments stay in the image configuration: pass it at run time as a file or an environment"
                        + " variable");
    }

    @Test
    void aStatedJarNameIsAFileNameEndingInJar() throws Exception {
        ServiceModel s = validator.validate(Fixtures.plainJar(Settings.builder().jarName("hello-all.jar").build()))
                .services().get(0);
        assertThat(s.jarName()).isEqualTo("hello-all.jar");
        assertThat(validator.validate(Fixtures.plainJar(Settings.defaults())).services().get(0).jarName()).isNull();
        assertThatThrownBy(() -> validator.validate(Fixtures.plainJar(Settings.builder().jarName("../x.jar").build())))
                .hasMessageContaining("<jarName> (got \"../x.jar\"): must be the jar's file name in target/, ending in"
                        + " .jar (letters, digits and . _ + - only), such as orders-all.jar");
    }

    @Test
    void detectsPostgresAndJavaRelease() throws Exception {
        ServiceModel s = validator.validate(Fixtures.postgresService(Settings.defaults())).services().get(0);
        assertThat(s.database()).isEqualTo(DatabaseKind.POSTGRES);
        assertThat(s.postgresImage()).hasToString("postgres:16-alpine");
        assertThat(s.javaVersion()).isEqualTo("21");
        assertThat(s.runtimeImage()).hasToString("gcr.io/distroless/cc-debian12:nonroot");
    }

    @Test
    void jreRuntimeUsesTheJreImage() throws Exception {
        ServiceModel s = validator.validate(Fixtures.postgresService(Settings.builder().runtime("JRE").build()))
                .services().get(0);
        assertThat(s.runtime()).isEqualTo(RuntimeKind.JRE);
        assertThat(s.runtimeImage()).hasToString("eclipse-temurin:21-jre-noble");
    }

    @Test
    void trainingPathsFollowTheProbes() throws Exception {
        Settings settings = Settings.builder().javaVersion("25")
                .aotTrainingPaths(List.of("/api/items/1", "/health", " /info ", "/api/items/1"))
                .jlinkAddModules(List.of("none")).jlinkExcludeModules(List.of("java.desktop, java.sql")).build();
        ServiceModel s = validator.validate(Fixtures.plainJar(settings)).services().get(0);
        assertThat(s.aotCache()).isTrue();
        assertThat(s.aotTrainingPaths()).containsExactly("/health", "/ready", "/api/items/1", "/info");
        assertThat(s.jlinkAddModules()).isEmpty();
        assertThat(s.jlinkExcludeModules()).containsExactly("java.desktop", "java.sql");
        assertThat(Fixtures.plainJar(Settings.builder().javaVersion("25").build())).satisfies(facts -> assertThat(
                validator.validate(facts).services().get(0).jlinkAddModules()).containsExactly("jdk.naming.dns", "jdk.zipfs"));
    }

    @Test
    void aotCacheIsOffBelowJava13UnlessAskedFor() throws Exception {
        assertThat(validator.validate(Fixtures.plainJar(Settings.builder().javaVersion("11").build()))
                .services().get(0).aotCache()).isFalse();
        assertThatThrownBy(() -> validator.validate(Fixtures.plainJar(Settings.builder().javaVersion("11")
                .aotCache("true").build())))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<aotCache> (got \"true\"): needs Java 13 or later");
    }

    @Test
    void aModuleBothExcludedAndAddedIsAnError() {
        assertThatThrownBy(() -> validator.validate(Fixtures.plainJar(Settings.builder()
                .jlinkAddModules(List.of("jdk.naming.dns")).jlinkExcludeModules(List.of("jdk.naming.dns")).build())))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<jlinkExcludeModules> (got \"jdk.naming.dns\"): is also a module to link");
    }

    @Test
    void databaseNoneOverridesDetection() throws Exception {
        Settings settings = Settings.builder().database("none").build();
        assertThat(validator.validate(Fixtures.postgresService(settings)).services().get(0).postgres()).isFalse();
    }

    @Test
    void explicitMainClassWinsOverDetected() throws Exception {
        Settings settings = Settings.builder().mainClass("com.example.Other").build();
        assertThat(validator.validate(Fixtures.plainJar(settings)).services().get(0).mainClass())
                .isEqualTo("com.example.Other");
    }

    @Test
    void reactorSkipsPomAndLibraryModulesWithAnInfoLine() throws Exception {
        RepositoryModel repo = validator.validate(Fixtures.reactor(Settings.defaults()));
        assertThat(repo.services()).extracting(ServiceModel::name).containsExactly("api", "worker");
        assertThat(repo.multiModule()).isTrue();
        assertThat(repo.services().get(0).contextPath()).isEqualTo("../..");
        assertThat(repo.services().get(0).postgres()).isTrue();
        assertThat(repo.services().get(1).postgres()).isFalse();
        assertThat(log).containsExactly(
                "Skipping shop-parent: packaging pom is not a runnable jar",
                "Skipping common (module common): no main class (a library module); set <mainClass> in its"
                        + " hardened-container-maven-plugin configuration to containerize it");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "uid|0|<uid> (got \"0\"): must be a numeric id above 0: set <uid>10001</uid> or leave it out (0 is root)",
        "uid|-5|<uid> (got \"-5\"): must be a numeric id above 0: set <uid>10001</uid> or leave it out",
        "uid|root|<uid> (got \"root\"): must be a numeric id above 0: set <uid>10001</uid> or leave it out (names such as root",
        "gid|0|<gid> (got \"0\"): must be a numeric id above 0: set <gid>10001</gid> or leave it out (0 is root)",
        "port|0|<port> (got \"0\"): must be a TCP port from 1 to 65535, such as 8080",
        "port|65536|<port> (got \"65536\"): must be a TCP port from 1 to 65535, such as 8080",
        "port|http|<port> (got \"http\"): must be a TCP port from 1 to 65535, such as 8080",
        "builderImage|maven:latest|<builderImage> (got \"maven:latest\"): uses the tag latest, which floats",
        "runtimeImage|eclipse-temurin|<runtimeImage> (got \"eclipse-temurin\"): has no tag, which means latest",
        "runtimeImage|jre:17@sha256:1234|<runtimeImage> (got \"jre:17@sha256:1234\"): has a malformed digest",
        "database|mysql|<database> (got \"mysql\"): must be postgres or none",
        "healthPath|health|<healthPath> (got \"health\"): must be an HTTP path starting with /",
        "readinessPath|ready|<readinessPath> (got \"ready\"): must be an HTTP path starting with /",
        "mainClass|com.example.Main-App|<mainClass> (got \"com.example.Main-App\"): must be a fully qualified Java class name",
        "buildMode|gradle|<buildMode> (got \"gradle\"): must be docker",
        "hostAddress|0.0.0.0.0|<hostAddress> (got \"0.0.0.0.0\"): must be an IPv4 address",
        "registry|GHCR.IO/x|<registry> (got \"GHCR.IO/x\"): must be a registry host name",
        "imageName|My_Service|<imageName> (got \"My_Service\"): must be a lower-case image name",
        "javaVersion|8|<javaVersion> (got \"8\"): must be a Java feature release of 11 or later",
        "memoryLimit|512|<memoryLimit> (got \"512\"): must be a size with a unit k, m or g",
        "cpuLimit|0|<cpuLimit> (got \"0\"): must be a positive number of CPUs",
        "pidsLimit|-1|<pidsLimit> (got \"-1\"): must be a whole number from 1 to 1000000",
        "runtime|graalvm|<runtime> (got \"graalvm\"): must be jlink",
        "jvmProfile|speed|<jvmProfile> (got \"speed\"): must be footprint",
        "jlinkModules|java.base;java.sql|<jlinkModules> (got \"java.base;java.sql\"): each must be a Java module name",
        "jlinkAddModules|jdk/naming|<jlinkAddModules> (got \"jdk/naming\"): each must be a Java module name",
        "jlinkExcludeModules|java.desktop!|<jlinkExcludeModules> (got \"java.desktop!\"): each must be a Java module name",
        "aotCache|yes|<aotCache> (got \"yes\"): must be true",
        "aotTrainingPaths|api/items|<aotTrainingPaths> (got \"api/items\"): each must be an HTTP path",
        "aotTrainingEnv|DATABASE URL=x|<aotTrainingEnv> (got \"DATABASE URL=x\"): each must be NAME=value",
        "aotTrainingEnv|DB_PASSWORD=hunter2|<aotTrainingEnv> (got \"DB_PASSWORD=hunter2\"): looks like a secret",
        "environment|JAVA OPTS=x|<environment> (got \"JAVA OPTS=x\"): each must be NAME=value",
        "environment|QUARKUS_DATASOURCE_PASSWORD=hunter2|<environment> (got \"QUARKUS_DATASOURCE_PASSWORD=hunter2\"): looks like a secret, and compose.yaml is committed",
        "environment|GREETING=${USER}|<environment> (got \"GREETING=${USER}\"): holds a $, which Compose reads as a variable",
        "registryOff|registry.example.com|<registry> (got \"registry.example.com\"): is not ghcr.io, and the workflow's own token logs in to GHCR only",
        "registryPasswordSecret|my token|<registryPasswordSecret> (got \"my token\"): must be the name of a repository secret",
        "mavenSettingsSecret|GITHUB_SETTINGS|<mavenSettingsSecret> (got \"GITHUB_SETTINGS\"): must be the name of a repository secret",
        "releaseBranches|release/*|<releaseBranches> (got \"release/*\"): each must be a branch name",
        "ignoreUnfixed|maybe|<ignoreUnfixed> (got \"maybe\"): must be true or false",
        "kubernetes|yes|<kubernetes> (got \"yes\"): must be true or false"
    })
    void rejectsBadValuesWithElementValueAndFix(String element, String value, String expected) {
        Settings.Builder b = Settings.builder();
        switch (element) {
            case "uid" -> b.uid(value);
            case "gid" -> b.gid(value);
            case "port" -> b.port(value);
            case "builderImage" -> b.builderImage(value);
            case "runtimeImage" -> b.runtimeImage(value);
            case "database" -> b.database(value);
            case "healthPath" -> b.healthPath(value);
            case "readinessPath" -> b.readinessPath(value);
            case "mainClass" -> b.mainClass(value);
            case "buildMode" -> b.buildMode(value);
            case "hostAddress" -> b.hostAddress(value);
            case "registry" -> b.registry(value);
            case "imageName" -> b.imageName(value);
            case "javaVersion" -> b.javaVersion(value);
            case "memoryLimit" -> b.memoryLimit(value);
            case "cpuLimit" -> b.cpuLimit(value);
            case "pidsLimit" -> b.pidsLimit(value);
            case "runtime" -> b.runtime(value);
            case "jvmProfile" -> b.jvmProfile(value);
            case "jlinkModules" -> b.jlinkModules(List.of(value));
            case "jlinkAddModules" -> b.jlinkAddModules(List.of(value));
            case "jlinkExcludeModules" -> b.jlinkExcludeModules(List.of(value));
            case "aotCache" -> b.aotCache(value);
            case "aotTrainingPaths" -> b.aotTrainingPaths(List.of(value));
            case "aotTrainingEnv" -> b.aotTrainingEnv(List.of(value));
            case "environment" -> b.environment(List.of(value));
            case "registryOff" -> b.registry(value);
            case "registryPasswordSecret" -> b.set(Setting.REGISTRY_PASSWORD_SECRET, value);
            case "mavenSettingsSecret" -> b.set(Setting.MAVEN_SETTINGS_SECRET, value);
            case "releaseBranches" -> b.set(Setting.RELEASE_BRANCHES, List.of(value));
            case "ignoreUnfixed" -> b.set(Setting.IGNORE_UNFIXED, value);
            case "kubernetes" -> b.kubernetes(value);
            default -> throw new IllegalArgumentException(element);
        }
        assertThatThrownBy(() -> validator.validate(Fixtures.plainJar(b.build())))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems())
                        .extracting(Problem::describe).singleElement().asString().startsWith(expected));
    }

    @Test
    void anEnvironmentEntryThatPointsAtASecretIsNoSecret() throws Exception {
        var repo = validator.validate(Fixtures.plainJar(Settings.builder()
                .environment(List.of("DB_PASSWORD_FILE=/run/secrets/db-password", "SECRETS_DIR=/run/secrets")).build()));
        assertThat(repo.services().get(0).framework().environment())
                .containsEntry("DB_PASSWORD_FILE", "/run/secrets/db-password").containsEntry("SECRETS_DIR", "/run/secrets");
    }

    @Test
    void reportsAllProblemsTogether() {
        Settings settings = Settings.builder().uid("0").port("99999").database("oracle").healthPath("x")
                .excludes(List.of("Dockerfile", "docker-compose.yml")).build();
        assertThatThrownBy(() -> validator.validate(Fixtures.plainJar(settings)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid hardened-container configuration (5 problems); nothing was written:")
                .hasMessageContaining("<uid> (got \"0\")")
                .hasMessageContaining("<port> (got \"99999\")")
                .hasMessageContaining("<database> (got \"oracle\")")
                .hasMessageContaining("<healthPath> (got \"x\")")
                .hasMessageContaining("<excludes> (got \"docker-compose.yml\"): is not a generated file: name one of"
                        + " Dockerfile, compose.yaml, .env.example, secrets/.gitignore, .dockerignore,"
                        + " .github/workflows/container.yml, .github/dependabot.yml, .trivyignore");
    }

    @Test
    void missingMainClassInASingleModuleIsAnError() {
        ReactorFacts facts = Fixtures.single(Fixtures.module("", "com.example", "lib", "jar", List.of(), List.of(),
                Settings.defaults()));
        assertThatThrownBy(() -> validator.validate(facts))
                .hasMessageContaining("<mainClass>: no main class is configured and none was found in the"
                        + " maven-jar-plugin manifest, exec-maven-plugin or maven-shade-plugin configuration:"
                        + " set <mainClass>com.example.Main</mainClass> (or -Dhardened.mainClass)");
    }

    @Test
    void nonJarPackagingInASingleModuleIsAnError() {
        ReactorFacts facts = Fixtures.single(Fixtures.module("", "com.example", "web", "war", List.of(),
                List.of("com.example.Main"), Settings.defaults()));
        assertThatThrownBy(() -> validator.validate(facts))
                .hasMessageContaining("<packaging> (got \"war\"): only jar modules (and Quarkus applications) can be containerized");
    }

    private static ModuleFacts quarkus(String packageType) {
        return new ModuleFacts("com.example", "shop", "1.0.0", "shop", null, "quarkus", "", "shop-1.0.0",
                List.of("io.quarkus:quarkus-rest"), List.of(), "21", null, null, Settings.defaults(), List.of("src"),
                false, List.of("io.quarkus.platform:quarkus-maven-plugin:3.33.2"), null, false, List.of(), packageType);
    }

    @Test
    void quarkusStartsAtItsFastJarsRunnerOrTheUberJarsGeneratedMain() throws Exception {
        assertThat(validator.validate(Fixtures.single(quarkus(null))).services().get(0).mainClass())
                .isEqualTo("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        ServiceModel uber = validator.validate(Fixtures.single(quarkus("uber-jar"))).services().get(0);
        assertThat(uber.mainClass()).isEqualTo("io.quarkus.runner.GeneratedMain");
        assertThat(uber.framework().kind()).isEqualTo(Framework.Kind.QUARKUS_UBER_JAR);
        assertThat(log).anyMatch(line -> line.contains("Detected Quarkus 3.33.2 in shop: main class"
                + " io.quarkus.runner.GeneratedMain;") && line.contains("the uber-jar (shop-1.0.0-runner.jar) alone"));
    }

    @Test
    void aQuarkusJarTypeTheImageCannotLayOutIsRefusedWithTheSetting() {
        assertThatThrownBy(() -> validator.validate(Fixtures.single(quarkus("legacy-jar"))))
                .hasMessageContaining("<quarkus.package.jar.type> (got \"legacy-jar\"): the image build lays out"
                        + " Quarkus's fast-jar (the default) or its uber-jar: set quarkus.package.jar.type to fast-jar"
                        + " or uber-jar (in the POM's properties or application.properties)");
    }

    @Test
    void excludesNameGeneratedFiles() throws Exception {
        Settings settings = Settings.builder().excludes(List.of(".github/dependabot.yml", " compose.yaml ")).build();
        assertThat(validator.validate(Fixtures.plainJar(settings)).excluded())
                .containsExactlyInAnyOrder(OutputFile.DEPENDABOT, OutputFile.COMPOSE);
    }
}
