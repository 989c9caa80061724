package io.github.hardenedcontainer.generate;

import io.github.hardenedcontainer.Fixtures;
import io.github.hardenedcontainer.model.ReactorFacts;
import io.github.hardenedcontainer.model.Settings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The representative configurations whose rendered output is checked in under {@code src/test/resources/golden}. */
public final class GoldenCases {

    static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    private GoldenCases() {
    }

    public static Map<String, ReactorFacts> all() {
        Map<String, ReactorFacts> cases = new TreeMap<>();
        cases.put("plain-jar", Fixtures.plainJar(Settings.defaults()));
        cases.put("postgres", Fixtures.postgresService(Settings.builder().port("9090")
                .jvmOptions(List.of("-XX:+UseZGC", "-Dfile.encoding=UTF-8")).kubernetes("true").build()));
        cases.put("reactor", Fixtures.reactor(Settings.builder()
                .set(io.github.hardenedcontainer.model.Setting.MAVEN_SETTINGS_SECRET, "MAVEN_SETTINGS_XML").build()));
        cases.put("prebuilt-pinned", Fixtures.plainJar(Settings.builder().buildMode("prebuilt")
                .builderImage("eclipse-temurin:17-jdk-noble@" + DIGEST)
                .runtimeImage("eclipse-temurin:17-jre-noble@" + DIGEST)
                .uid("20001").gid("20002").hostAddress("0.0.0.0").healthPath("/q/health/live")
                .registry("registry.example.com:5000")
                .set(io.github.hardenedcontainer.model.Setting.REGISTRY_USERNAME_SECRET, "REGISTRY_USER")
                .set(io.github.hardenedcontainer.model.Setting.REGISTRY_PASSWORD_SECRET, "REGISTRY_TOKEN")
                .set(io.github.hardenedcontainer.model.Setting.RELEASE_BRANCHES, List.of("master", "release/2026"))
                .set(io.github.hardenedcontainer.model.Setting.IGNORE_UNFIXED, "false")
                .excludes(List.of(".github/dependabot.yml")).build()));
        cases.put("java25-aot", Fixtures.postgresService(Settings.builder().javaVersion("25")
                .jlinkExcludeModules(List.of("java.desktop")).aotTrainingPaths(List.of("/", "/api/items/1"))
                .aotTrainingEnv(List.of("DATABASE_URL=postgres://training@127.0.0.1:9/training", "GREETING=hello world"))
                .migrationArgs(List.of("migrate", "--wait=60")).jvmProfile("throughput").kubernetes("true")
                .build()));
        cases.put("jre-no-aot", Fixtures.plainJar(Settings.builder().runtime("jre").aotCache("false").build()));
        return cases;
    }
}
