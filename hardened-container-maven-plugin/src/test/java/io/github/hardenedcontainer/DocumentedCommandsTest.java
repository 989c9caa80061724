package io.github.hardenedcontainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The commands the docs give for the pipeline and the image build, checked against what the templates generate:
 * the attestation check the job summary prints, the build secret's id the Dockerfile mounts, the variable
 * compose.yaml reads the settings file from, and the workflow's gate.
 */
class DocumentedCommandsTest {

    private static final Path REPO = PluginReferenceTest.BASEDIR.getParent();
    private static final Path GOLDEN = PluginReferenceTest.BASEDIR.resolve("src/test/resources/golden");

    private static String docs() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String doc : List.of("README.md", "docs/operations.md", "docs/security.md", "docs/runbook.md")) {
            text.append(Files.readString(REPO.resolve(doc))).append('\n');
        }
        return text.toString();
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void theAttestationCheckIsTheOneTheJobSummaryPrints() throws IOException {
        String workflow = Files.readString(GOLDEN.resolve("postgres/.github/workflows/container.yml"));
        assertThat(workflow).contains("gh attestation verify oci://${IMAGE}@${DIGEST} --owner ${GITHUB_REPOSITORY_OWNER}");
        assertThat(workflow).contains("uses: actions/attest-sbom@", "uses: actions/attest-build-provenance@",
                "push-to-registry: true");
        List<String> documented = all(Pattern.compile("(gh attestation verify [^`\\n]*)"), docs());
        assertThat(documented).isNotEmpty().allSatisfy(command ->
                assertThat(command).matches("gh attestation verify oci://\\S+@\\S+ --owner \\S+.*"));
    }

    @Test
    void theBuildSecretTheDocsPassIsTheOneTheDockerfileMounts() throws IOException {
        String dockerfile = Files.readString(GOLDEN.resolve("reactor/services/api/Dockerfile"));
        List<String> mounted = all(Pattern.compile("--mount=type=secret,id=([\\w.-]+)"), dockerfile);
        assertThat(mounted).containsOnly("maven-settings").hasSize(2);
        List<String> documented = all(Pattern.compile("--secret id=([\\w.-]+),src="), docs());
        assertThat(documented).isNotEmpty().containsOnly("maven-settings");
        String workflow = Files.readString(GOLDEN.resolve("reactor/.github/workflows/container.yml"));
        assertThat(workflow).contains("secret-files: maven-settings=");
        String compose = Files.readString(GOLDEN.resolve("reactor/services/api/compose.yaml"));
        assertThat(compose).contains("      secrets:\n        - maven-settings\n", "file: ${MAVEN_SETTINGS:?");
        assertThat(docs()).contains("MAVEN_SETTINGS=$HOME/.m2/settings.xml docker compose");
        assertThat(docs()).contains("<mavenSettingsSecret>MAVEN_SETTINGS_XML</mavenSettingsSecret>");
    }

    @Test
    void theGateTheDocsDescribeIsTheOneTheWorkflowRuns() throws IOException {
        String workflow = Files.readString(GOLDEN.resolve("postgres/.github/workflows/container.yml"));
        assertThat(workflow).contains("format: table\n          severity: HIGH,CRITICAL\n          ignore-unfixed: true\n"
                + "          exit-code: \"1\"");
        assertThat(docs()).contains("limit-severities-for-sarif", "<ignoreUnfixed>");
    }
}
