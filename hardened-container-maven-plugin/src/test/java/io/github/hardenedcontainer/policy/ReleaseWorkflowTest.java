package io.github.hardenedcontainer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * This repository's release workflow (written by hand) meets the workflow rules the plugin applies to the
 * workflows it generates: pinned actions, least privilege, no persisted token, an environment and a tag condition
 * for the job that publishes, no cache where it publishes. And the rules see it as publishing: taking away the
 * environment, the condition or adding a cache is a finding.
 */
class ReleaseWorkflowTest {

    private static final Path RELEASE = Path.of(System.getProperty("project.basedir", "."))
            .toAbsolutePath().getParent().resolve(".github/workflows/release.yml");

    private static List<Finding> check(String text) {
        return new PolicyChecker(true).workflow(".github/workflows/release.yml", text);
    }

    @Test
    void theReleaseWorkflowHasNoFindings() throws Exception {
        assertThat(check(Files.readString(RELEASE))).isEmpty();
    }

    @Test
    void theRulesTreatAMavenDeployAsPublishing() throws Exception {
        String release = Files.readString(RELEASE);
        assertThat(check(release.replace("    environment: maven-central\n", "")))
                .extracting(Finding::rule).containsExactly(Rule.GH008);
        assertThat(check(release.replace("    if: startsWith(github.ref, 'refs/tags/v')\n", "")))
                .extracting(Finding::rule).containsExactly(Rule.GH008);
        assertThat(check(release.replace("          java-version: \"17\"\n", "          java-version: \"17\"\n          cache: maven\n")))
                .extracting(Finding::rule).containsExactly(Rule.GH007);
        assertThat(check(release.replace("@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1", "@v7")))
                .extracting(Finding::rule).contains(Rule.GH001);
        assertThat(check(release.replace("          persist-credentials: false\n", "          persist-credentials: true\n")))
                .extracting(Finding::rule).containsExactly(Rule.GH003);
    }
}
