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
                .contains("-XX:AOTCacheOutput=/tmp/app.aot @/app/jvm.args com.example.hello.Main");
        assertThat((String) s.get("entrypoint")).contains("\"-XX:AOTCache=/app/app.aot\", \"@/app/jvm.args\"");
    }

    @Test
    void belowJava25TheCacheIsACdsArchiveOnALinkedRuntimeWithItsBaseArchive() throws Exception {
        Map<String, Object> s = service(Settings.builder().javaVersion("17").build());
        assertThat((String) s.get("trainingCommand")).contains("-XX:ArchiveClassesAtExit=/tmp/app.jsa");
        assertThat((String) s.get("entrypoint")).contains("\"-XX:SharedArchiveFile=/app/app.jsa\"");
        assertThat(s.get("jlinkCds")).isEqualTo(true);
        assertThat(service(Settings.builder().javaVersion("25").build()).get("jlinkCds")).isEqualTo(false);
        assertThat(service(Settings.builder().javaVersion("25").aotCache("false").build()).get("jlinkCds"))
                .isEqualTo(true);
    }
}
