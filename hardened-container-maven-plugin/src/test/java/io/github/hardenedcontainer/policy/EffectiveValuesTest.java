package io.github.hardenedcontainer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules judge what Docker and Compose will run: {@code extends}, override files and inherited stages resolved;
 * and the harmless spellings that look like a problem stay quiet.
 */
class EffectiveValuesTest {

    private static final Path GOLDEN = Path.of(System.getProperty("project.basedir", "."), "src/test/resources/golden");
    private final PolicyChecker checker = new PolicyChecker(false);

    private static String golden(String file) throws IOException {
        return Files.readString(GOLDEN.resolve("postgres").resolve(file));
    }

    private static List<String> messages(List<Finding> findings, Rule rule) {
        return findings.stream().filter(f -> f.rule() == rule).map(Finding::message).toList();
    }

    @Test
    void aServiceInheritsWhatItExtends() throws IOException {
        String compose = golden("compose.yaml").replace("services:\n  app:\n",
                "services:\n  base:\n    image: busybox:1.36\n    privileged: true\n    cap_add: [NET_ADMIN]\n"
                        + "  app:\n    extends: base\n");
        assertThat(compose).isNotEqualTo(golden("compose.yaml"));
        List<Finding> findings = checker.compose("compose.yaml", compose);
        assertThat(messages(findings, Rule.CP005)).contains("service app is privileged");
        assertThat(messages(findings, Rule.CP002)).contains("service app adds capabilities [NET_ADMIN]");
        // From another file, the merged service cannot be judged: said, not guessed.
        String other = golden("compose.yaml").replace("services:\n  app:\n",
                "services:\n  app:\n    extends:\n      file: common.yaml\n      service: base\n");
        assertThat(messages(checker.compose("compose.yaml", other), Rule.VF003))
                .singleElement().asString().contains("extends base from common.yaml, which verify does not read");
    }

    @Test
    void anOverrideFileIsMergedAsComposeMergesIt() throws IOException {
        String override = "services:\n  app:\n    privileged: true\n    ports:\n      - \"0.0.0.0:18080:9090\"\n";
        List<Finding> findings = checker.compose("compose.yaml", golden("compose.yaml"), "compose.override.yaml", override);
        assertThat(findings).filteredOn(f -> f.rule() == Rule.CP005 || f.rule() == Rule.CP007).hasSize(2)
                .allSatisfy(f -> {
                    assertThat(f.file()).isEqualTo("compose.override.yaml");
                    assertThat(f.message()).contains("brought in by compose.override.yaml");
                });
        // A debugger is found in either file: the one the override opens is reported on it, the base's stays.
        String debugged = golden("compose.yaml").replace("      APP_ENV: ${APP_ENV:-local}\n",
                "      APP_ENV: ${APP_ENV:-local}\n      JAVA_TOOL_OPTIONS: -agentlib:jdwp=transport=dt_socket,server=y,address=*:5005\n");
        assertThat(debugged).isNotEqualTo(golden("compose.yaml"));
        assertThat(checker.compose("compose.yaml", debugged, "compose.override.yaml",
                "services:\n  app:\n    command: [\"-agentlib:jdwp=transport=dt_socket,server=y,address=0.0.0.0:8000\"]\n"))
                .filteredOn(f -> f.rule() == Rule.XF003).extracting(Finding::file)
                .containsExactlyInAnyOrder("compose.yaml", "compose.override.yaml");
        // An override that changes nothing the rules look at adds nothing.
        assertThat(checker.compose("compose.yaml", golden("compose.yaml"), "compose.override.yaml",
                "services:\n  app:\n    environment:\n      LOG_LEVEL: debug\n"))
                .isEqualTo(checker.compose("compose.yaml", golden("compose.yaml")));
    }

    @Test
    void harmlessSpellingsStayQuiet() throws IOException {
        String dockerfile = golden("Dockerfile");
        // Names that only point at secrets; a download checked before it is unpacked; a stage that starts FROM the
        // runtime stage and so runs as its user.
        String harmless = dockerfile.replace("WORKDIR /workspace\n", "WORKDIR /workspace\n"
                + "ENV SECRETS_DIR=/run/secrets DB_PASSWORD_FILE=/run/secrets/db-password\n"
                + "ARG TOKEN_PATH=/run/secrets/token\n"
                + "RUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz"
                + " && echo \"0123456789abcdef  /tmp/tool.tgz\" | sha256sum -c - && tar -xzf /tmp/tool.tgz -C /opt\n")
                + "\nFROM runtime AS production\nLABEL org.opencontainers.image.title=\"orders\"\n"
                + "ENTRYPOINT [\"/opt/jre/bin/java\", \"-version\"]\nHEALTHCHECK CMD [\"/opt/jre/bin/java\", \"-version\"]\n";
        List<Finding> findings = checker.dockerfile("Dockerfile", harmless);
        assertThat(findings).extracting(Finding::rule).doesNotContain(Rule.DF001, Rule.DF010, Rule.DF016, Rule.DF018);
        // The same last stage FROM an unrelated image runs as that image's user, whatever an earlier stage set.
        String unrelated = harmless.replace("FROM runtime AS production", "FROM debian:12 AS production");
        assertThat(messages(checker.dockerfile("Dockerfile", unrelated), Rule.DF001))
                .singleElement().asString().startsWith("the final stage sets no USER");
    }

    @Test
    void aDebuggerOnLoopbackOrConnectingOutIsAllowed() throws IOException {
        for (String options : List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=127.0.0.1:5005",
                "-agentlib:jdwp=transport=dt_socket,server=n,address=debugger.example.com:5005")) {
            String compose = golden("compose.yaml").replace("      APP_ENV: ${APP_ENV:-local}\n",
                    "      APP_ENV: ${APP_ENV:-local}\n      JAVA_TOOL_OPTIONS: " + options + "\n");
            assertThat(compose).isNotEqualTo(golden("compose.yaml"));
            assertThat(messages(checker.compose("compose.yaml", compose), Rule.XF003)).as(options).isEmpty();
        }
    }

    @Test
    void eventFieldsThatOnlyGitHubOrTheRepositorySetAreNoInjection() throws IOException {
        String workflow = Files.readString(GOLDEN.resolve("postgres/.github/workflows/container.yml"));
        String safe = workflow.replace("      - name: Build and test\n        run: mvn -B -ntp verify\n",
                "      - name: Build and test\n        run: mvn -B -ntp verify\n"
                        + "      - run: echo \"${{ github.event.repository.default_branch }} ${{ github.event.pull_request.number }}"
                        + " ${{ github.event.pull_request.head.sha }}\"\n");
        assertThat(safe).isNotEqualTo(workflow);
        assertThat(messages(checker.workflow(".github/workflows/container.yml", safe), Rule.GH004)).isEmpty();
        String unsafe = safe.replace("${{ github.event.pull_request.number }}", "${{ github.event.pull_request.head.ref }}");
        assertThat(messages(checker.workflow(".github/workflows/container.yml", unsafe), Rule.GH004))
                .singleElement().asString().contains("github.event.pull_request.head.ref");
    }

    @Test
    void interpolationDefaultsAreWhatComposeRunsWith() {
        assertThat(io.github.hardenedcontainer.parse.ComposeInterpolation.apply(
                "a: ${X:-true}\nb: ${Y-no}\nc: ${Z}\nd: $W\ne: $${NOT}\nf: ${R:?required}\ng: ${A:-${B:-deep}}\n"))
                .isEqualTo("a: true\nb: no\nc: \nd: \ne: ${NOT}\nf: \ng: deep\n");
    }
}
