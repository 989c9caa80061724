package io.github.hardenedcontainer.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hardenedcontainer.Fixtures;
import io.github.hardenedcontainer.generate.ConfigurationValidator;
import io.github.hardenedcontainer.model.RepositoryModel;
import io.github.hardenedcontainer.model.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateDataTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Settings settings) throws Exception {
        RepositoryModel repo = new ConfigurationValidator(line -> { }).validate(Fixtures.plainJar(settings));
        Map<String, Object> root = TemplateData.forService(TemplateData.forRepository(repo), repo.services().get(0));
        return (Map<String, Object>) root.get("service");
    }

    @Test
    void composeValuesBecomeKubernetesValues() {
        assertThat(TemplateData.kubernetesQuantity("512m")).isEqualTo("512Mi");
        assertThat(TemplateData.kubernetesQuantity("1G")).isEqualTo("1Gi");
        assertThat(TemplateData.kubernetesQuantity("65536k")).isEqualTo("65536Ki");
        assertThat(TemplateData.kubernetesCpu("1.0")).isEqualTo("1");
        assertThat(TemplateData.kubernetesCpu("2")).isEqualTo("2");
        assertThat(TemplateData.kubernetesCpu("0.5")).isEqualTo("500m");
        assertThat(TemplateData.kubernetesCpu("0.0001")).isEqualTo("1m");
        // Kubernetes does not interpolate ${...}: the default Compose would use; $( would be a variable reference.
        assertThat(TemplateData.kubernetesValue("${APP_ENV:-local}")).isEqualTo("local");
        assertThat(TemplateData.kubernetesValue("a-${X-b}-c")).isEqualTo("a-b-c");
        assertThat(TemplateData.kubernetesValue("cost $(whoami)")).isEqualTo("cost $$(whoami)");
        assertThat(TemplateData.kubernetesName("registry.example.com/team/Orders_Service.v2")).isEqualTo("orders-service-v2");
        assertThat(TemplateData.kubernetesName("a".repeat(70))).hasSize(50);
    }

    @Test
    void withoutTheAutoscalerTheDeploymentKeepsTwoReplicasItself() throws Exception {
        Settings settings = Settings.builder().kubernetes("true")
                .excludes(List.of("k8s/horizontalpodautoscaler.yaml")).build();
        var files = new io.github.hardenedcontainer.generate.Generator(line -> { }).render(
                new io.github.hardenedcontainer.generate.GenerateRequest(Fixtures.postgresService(settings),
                        java.nio.file.Path.of("."), null, false, "0.0.0-test"));
        Map<String, String> k8s = new java.util.TreeMap<>();
        files.stream().filter(f -> f.path().startsWith("k8s/")).forEach(f -> k8s.put(f.path(), f.content()));
        assertThat(k8s).doesNotContainKey("k8s/horizontalpodautoscaler.yaml").hasSize(6);
        assertThat(k8s.get("k8s/deployment.yaml")).contains("\n  replicas: 2\n");
        assertThat(k8s.get("k8s/kustomization.yaml")).doesNotContain("horizontalpodautoscaler").contains("  - networkpolicy.yaml\n");
        assertThat(new io.github.hardenedcontainer.policy.PolicyChecker(false).kubernetes(k8s)).isEmpty();
        // Off by default: no Kubernetes files at all.
        var none = new io.github.hardenedcontainer.generate.Generator(line -> { }).render(
                new io.github.hardenedcontainer.generate.GenerateRequest(Fixtures.postgresService(Settings.defaults()),
                        java.nio.file.Path.of("."), null, false, "0.0.0-test"));
        assertThat(none).noneMatch(f -> f.path().startsWith("k8s/"));
    }

    @Test
    void aCollectorTheUserChoosesReplacesSerialGc() throws Exception {
        for (String gc : List.of("-XX:+UseG1GC", "-XX:+UseZGC", "-XX:+UseParallelGC")) {
            String entrypoint = (String) service(Settings.builder().jvmOptions(List.of(gc)).build()).get("entrypoint");
            assertThat(entrypoint).contains("\"" + gc + "\"").doesNotContain("UseSerialGC");
        }
        assertThat((String) service(Settings.defaults()).get("entrypoint")).contains("\"-XX:+UseSerialGC\"");
    }

    @Test
    void theJvmProfileChoosesCompilerAndCollectorForTheCpuLimit() throws Exception {
        String footprint = (String) service(Settings.defaults()).get("entrypoint");
        assertThat(footprint).contains("\"-XX:MaxRAMPercentage=75.0\", \"-XX:+UseSerialGC\", \"-XX:TieredStopAtLevel=1\","
                + " \"-Xss512k\"");
        String oneCpu = (String) service(Settings.builder().jvmProfile("throughput").build()).get("entrypoint");
        assertThat(oneCpu).contains("\"-XX:MaxRAMPercentage=75.0\", \"-XX:+UseSerialGC\", \"-Xss512k\"")
                .doesNotContain("TieredStopAtLevel");
        String twoCpus = (String) service(Settings.builder().jvmProfile("throughput").cpuLimit("2").build()).get("entrypoint");
        assertThat(twoCpus).contains("\"-XX:+UseParallelGC\"").doesNotContain("UseSerialGC").doesNotContain("TieredStopAtLevel");
        // A collector the user states replaces the profile's, whichever it is.
        String stated = (String) service(Settings.builder().jvmProfile("throughput").cpuLimit("4")
                .jvmOptions(List.of("-XX:+UseZGC")).build()).get("entrypoint");
        assertThat(stated).contains("\"-XX:+UseZGC\"").doesNotContain("UseParallelGC").doesNotContain("UseSerialGC");
        // The training run starts the JVM the same way: the cache matches the flags it is used with.
        String training = (String) service(Settings.builder().jvmProfile("throughput").javaVersion("25").build())
                .get("trainingCommand");
        assertThat(training).contains("-XX:+UseSerialGC -Xss512k").doesNotContain("TieredStopAtLevel");
    }

    @Test
    @SuppressWarnings("unchecked")
    void statedEnvironmentEntriesReachTheStackQuotedAndAStatedAppEnvIsNoLongerAVariable() throws Exception {
        Map<String, Object> s = service(Settings.builder()
                .environment(List.of("APP_ENV=prod", "GREETING=hello: world", "FLAG=true")).build());
        Map<String, String> environment = (Map<String, String>) s.get("environment");
        assertThat(environment.keySet()).containsExactly("PORT", "APP_ENV", "GREETING", "FLAG");
        assertThat(environment).containsEntry("GREETING", "\"hello: world\"").containsEntry("FLAG", "\"true\"");
        assertThat(s.get("appEnvVariable")).isEqualTo(false);
        assertThat(service(Settings.defaults()).get("appEnvVariable")).isEqualTo(true);
    }

    @Test
    void theTrainingRunIsTheEntrypointWritingTheCacheWithItsEnvironmentQuoted() throws Exception {
        Map<String, Object> s = service(Settings.builder().javaVersion("25")
                .aotTrainingEnv(List.of("A=plain", "B=two words", "C=it's", "D=")).build());
        String training = (String) s.get("trainingCommand");
        assertThat(training).startsWith("PORT=8080 A=plain B='two words' C='it'\\''s' D='' /opt/jre/bin/java ")
                .contains(" \"$cache_output\" @/app/jvm.args com.example.hello.Main");
        assertThat((String) s.get("entrypoint")).contains("\"@/app/cache.args\", \"@/app/jvm.args\"");
        assertThat((String) s.get("healthcheck"))
                .isEqualTo("[\"/opt/jre/bin/java\", \"@/app/probe.args\", \"HealthProbe\", \"http://127.0.0.1:8080/health\"]");
    }

    @Test
    void whichStartUpCacheIsTheBuildersJdksChoiceNotJavaVersions() throws Exception {
        // The same commands for 17 and 25: the training stage reads the JDK it runs on and writes the option.
        for (String key : List.of("entrypoint", "trainingCommand", "healthcheck", "probeCommand")) {
            assertThat(service(Settings.builder().javaVersion("17").build()).get(key)).as(key)
                    .isEqualTo(service(Settings.builder().javaVersion("25").build()).get(key));
        }
        assertThat((String) service(Settings.defaults()).get("javaFeatureCommand"))
                .isEqualTo("/opt/jre/bin/java -XshowSettings:properties -version > /tmp/java-settings 2>&1;"
                        + " sed -n 's/^ *java\\.specification\\.version = //p' /tmp/java-settings");
        assertThat((String) service(Settings.builder().runtime("jre").build()).get("javaFeatureCommand"))
                .startsWith("java -XshowSettings:properties");
    }

    @Test
    void withoutTheCacheTheProbeRunsFromItsClassesWithItsOptionsInline() throws Exception {
        Map<String, Object> s = service(Settings.builder().aotCache("false").build());
        assertThat((String) s.get("entrypoint")).doesNotContain("cache.args");
        assertThat((String) s.get("healthcheck")).contains("\"-cp\", \"/app/probe\", \"HealthProbe\"")
                .doesNotContain("probe.args");
        assertThat(s.get("probeJar")).isEqualTo(false);
    }

    @Test
    void aQuarkusUberJarIsTakenByItsRunnerNameAndLaidOutAlone() throws Exception {
        io.github.hardenedcontainer.model.ModuleFacts m = new io.github.hardenedcontainer.model.ModuleFacts(
                "com.example", "shop", "1.0.0", "shop", null, "jar", "", "shop-1.0.0", List.of("io.quarkus:quarkus-rest"),
                List.of(), "21", null, null, Settings.defaults(), List.of("src"), false,
                List.of("io.quarkus:quarkus-maven-plugin:3.33.2"), null, false, List.of(), "uber-jar");
        RepositoryModel repo = new ConfigurationValidator(line -> { }).validate(Fixtures.single(m));
        Map<String, Object> s = (Map<String, Object>) TemplateData.forService(TemplateData.forRepository(repo),
                repo.services().get(0)).get("service");
        assertThat(s.get("jarGlob")).isEqualTo("target/shop-*-runner.jar");
        assertThat(s.get("quarkusUberJar")).isEqualTo(true);
        assertThat(s.get("quarkusFastJar")).isEqualTo(false);
        assertThat(s.get("copiesDependencies")).isEqualTo(false);
    }

    @Test
    void aFrameworkThatReadsThePasswordOnlyAsAPropertyStartsThroughTheLauncher() throws Exception {
        io.github.hardenedcontainer.model.ModuleFacts m = new io.github.hardenedcontainer.model.ModuleFacts(
                "com.example", "shop", "1.0.0", "shop", null, "jar", "", "shop-1.0.0",
                List.of("io.quarkus:quarkus-jdbc-postgresql"), List.of(), "21", null, null, Settings.defaults(),
                List.of("src"), false, List.of("io.quarkus:quarkus-maven-plugin:3.33.2"), null, false, List.of(), null);
        RepositoryModel repo = new ConfigurationValidator(line -> { }).validate(Fixtures.single(m));
        Map<String, Object> s = (Map<String, Object>) TemplateData.forService(TemplateData.forRepository(repo),
                repo.services().get(0)).get("service");
        assertThat(s.get("propertyFiles")).isEqualTo(true);
        assertThat((String) s.get("entrypoint")).endsWith(
                "\"@/app/jvm.args\", \"PropertyFiles\", \"io.quarkus.bootstrap.runner.QuarkusEntryPoint\"]");
        assertThat((String) s.get("trainingCommand")).endsWith(
                "@/app/jvm.args PropertyFiles io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        // Without a database, or for a plain jar, the application's main class is the ENTRYPOINT's.
        assertThat(service(Settings.defaults()).get("propertyFiles")).isEqualTo(false);
        assertThat((String) service(Settings.defaults()).get("entrypoint")).doesNotContain("PropertyFiles");
    }
}
