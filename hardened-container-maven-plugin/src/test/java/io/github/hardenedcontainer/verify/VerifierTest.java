package io.github.hardenedcontainer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hardenedcontainer.Fixtures;
import io.github.hardenedcontainer.generate.GenerateRequest;
import io.github.hardenedcontainer.generate.Generator;
import io.github.hardenedcontainer.model.Settings;
import io.github.hardenedcontainer.policy.Finding;
import io.github.hardenedcontainer.policy.Rule;
import io.github.hardenedcontainer.policy.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** Drift, missing files, waivers and reports, on a generated repository in a temporary directory. */
class VerifierTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @TempDir
    Path repo;

    private GenerateRequest generate;

    @BeforeEach
    void generate() throws Exception {
        generate = new GenerateRequest(Fixtures.postgresService(Settings.defaults()), repo, null, false, "1.0");
        new Generator(line -> { }).generate(generate);
    }

    private VerifyResult verify(boolean drift, Severity failOn) throws Exception {
        return verify(generate, drift, failOn, Severity.LOW);
    }

    private VerifyResult verify(GenerateRequest request, boolean drift, Severity failOn, Severity outdated)
            throws Exception {
        return new Verifier(line -> { }).verify(new VerifyRequest(request, drift, false, failOn, outdated,
                repo.resolve(".hardened-waivers.yaml"), repo.resolve("target/hardened"), TODAY));
    }

    @Test
    void aComposeOverrideFileBesideTheStackIsCheckedMergedAsComposeRunsIt() throws Exception {
        assertThat(verify(true, Severity.HIGH).failed()).isFalse();
        Files.writeString(repo.resolve("compose.override.yaml"), "services:\n  db:\n    ports:\n      - \"5432:5432\"\n");
        VerifyResult result = verify(true, Severity.HIGH);
        assertThat(result.failed()).isTrue();
        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.CP006).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("compose.override.yaml");
            assertThat(f.message()).contains("database service db publishes ports").contains("brought in by");
        });
    }

    @Test
    void theRepositorysOtherWorkflowsAreCheckedToo() throws Exception {
        Path other = Files.createDirectories(repo.resolve(".github/workflows")).resolve("pr.yml");
        Files.writeString(other, "name: PR\non:\n  pull_request_target:\npermissions: {}\nconcurrency: pr\n"
                + "jobs:\n  test:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 10\n    steps:\n"
                + "      - run: echo \"${{ github.event.pull_request.title }}\"\n");
        VerifyResult result = verify(true, Severity.HIGH);
        assertThat(result.failed()).isTrue();
        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.GH004).isNotEmpty()
                .allSatisfy(f -> assertThat(f.file()).isEqualTo(".github/workflows/pr.yml"));
    }

    @Test
    void anOverrideNamesTheBuiltInItIsBasedOnAndIsToldWhenThatMoved() throws Exception {
        Path templates = Files.createDirectories(repo.resolve("container-templates/dockerfile"));
        String builtIn = io.github.hardenedcontainer.render.TemplateRenderer.builtIn("dockerfile/runtime-stage.ftl")
                .orElseThrow();
        String current = io.github.hardenedcontainer.write.FileHeader.fingerprint(builtIn);
        Path override = templates.resolve("runtime-stage.ftl");
        Path dir = repo.resolve("container-templates");

        Files.writeString(override, "<#-- hardened-base: " + current + " -->\n" + builtIn);
        assertThat(Verifier.overrides(dir, repo)).isEmpty();

        Files.writeString(override, "<#-- hardened-base: 0123456789abcdef -->\n" + builtIn);
        assertThat(Verifier.overrides(dir, repo)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.VF005);
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.file()).isEqualTo("container-templates/dockerfile/runtime-stage.ftl");
            assertThat(f.message()).isEqualTo("the override of dockerfile/runtime-stage.ftl is based on built-in"
                    + " template 0123456789abcdef, and the plugin's is now " + current + ": merge its changes into the"
                    + " override, then set <#-- hardened-base: " + current + " -->");
        });

        Files.writeString(override, builtIn);
        assertThat(Verifier.overrides(dir, repo)).singleElement().extracting(Finding::message).asString()
                .endsWith("does not record the built-in template it is based on: when that is the current one, start"
                        + " the override with <#-- hardened-base: " + current + " -->");
        // A template of the organisation's own, no built-in behind it: nothing to track.
        Files.writeString(dir.resolve("extra.ftl"), "x");
        assertThat(Verifier.overrides(dir, repo)).hasSize(1);
    }

    @Test
    void filesAnOlderPluginVersionGeneratedAreOutdatedNotDriftAndAHandEditStaysDrift() throws Exception {
        // The files of plugin 1.0 (the same templates), checked by plugin 1.1: a version bump alone.
        GenerateRequest newer = new GenerateRequest(generate.facts(), repo, null, false, "1.1");
        VerifyResult warned = verify(newer, true, Severity.HIGH, Severity.LOW);
        assertThat(warned.failed()).isFalse();
        assertThat(warned.findings()).filteredOn(f -> f.rule() == Rule.VF004).isNotEmpty().allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.message()).isEqualTo("outdated: generated by plugin 1.0 and unedited since; plugin 1.1"
                    + " renders it differently (diff below): run mvn hardened:generate");
        });
        assertThat(warned.findings()).extracting(Finding::rule).doesNotContain(Rule.VF001);
        VerifyResult failed = verify(newer, true, Severity.HIGH, Severity.HIGH);
        assertThat(failed.failed()).isTrue();
        assertThat(failed.findings()).filteredOn(f -> f.rule() == Rule.VF004)
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));

        Path compose = repo.resolve("compose.yaml");
        Files.writeString(compose, Files.readString(compose).replace("restart: unless-stopped", "restart: always"));
        VerifyResult edited = verify(newer, true, Severity.HIGH, Severity.LOW);
        assertThat(edited.failed()).isTrue();
        assertThat(edited.findings()).filteredOn(f -> f.file().equals("compose.yaml") && f.rule() == Rule.VF001)
                .singleElement().extracting(Finding::message).asString()
                .endsWith(": edited by hand since it was generated");
        assertThat(edited.findings()).filteredOn(f -> f.file().equals("compose.yaml"))
                .extracting(Finding::rule).doesNotContain(Rule.VF004);
    }

    @Test
    void freshlyGeneratedFilesPass() throws Exception {
        VerifyResult result = verify(true, Severity.HIGH);
        assertThat(result.failed()).isFalse();
        assertThat(result.findings()).extracting(Finding::rule).containsOnly(Rule.DF003);
        assertThat(result.diffs()).isEmpty();
    }

    @Test
    void aHandEditIsDriftWithAUnifiedDiffAndBreaksTheRule() throws Exception {
        Path compose = repo.resolve("compose.yaml");
        Files.writeString(compose, Files.readString(compose).replace("    cap_drop:\n      - ALL\n", ""));
        VerifyResult result = verify(true, Severity.HIGH);
        assertThat(result.failed()).isTrue();
        assertThat(result.findings()).extracting(Finding::rule).contains(Rule.VF001, Rule.CP002);
        assertThat(result.diffs()).singleElement().asString()
                .startsWith("--- compose.yaml (generated)\n+++ compose.yaml (committed)\n")
                .contains("\n-    cap_drop:\n-      - ALL\n");
        Finding capDrop = result.findings().stream().filter(f -> f.rule() == Rule.CP002).findFirst().orElseThrow();
        assertThat(capDrop.location()).as("the service that lacks it").isEqualTo("compose.yaml:7");
    }

    @Test
    void withoutDriftOnlyTheRulesApply() throws Exception {
        Path compose = repo.resolve("compose.yaml");
        Files.writeString(compose, Files.readString(compose).replace("  # No ports", "  # no ports"));
        assertThat(verify(false, Severity.HIGH).findings()).extracting(Finding::rule).containsOnly(Rule.DF003);
        assertThat(verify(true, Severity.HIGH).findings()).extracting(Finding::rule).contains(Rule.VF001);
    }

    @Test
    void aMissingFileIsAFinding() throws Exception {
        Files.delete(repo.resolve(".github/dependabot.yml"));
        VerifyResult result = verify(true, Severity.HIGH);
        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.VF002).singleElement()
                .satisfies(f -> assertThat(f.file()).isEqualTo(".github/dependabot.yml"));
        assertThat(result.failed()).isTrue();
    }

    @Test
    void aWaiverWithAReasonLetsTheBuildPassAndIsReported() throws Exception {
        Path compose = repo.resolve("compose.yaml");
        Files.writeString(compose, Files.readString(compose).replaceFirst("    pids_limit: 256\n", ""));
        Files.writeString(repo.resolve(".hardened-waivers.yaml"), "waivers:\n"
                + "  - rule: HC-VF001\n    file: compose.yaml\n    reason: pids limit set by the orchestrator\n"
                + "  - rule: HC-CP008\n    file: compose.yaml\n    reason: pids limit set by the orchestrator\n"
                + "    expires: 2027-01-31\n");
        VerifyResult result = verify(true, Severity.MEDIUM);
        assertThat(result.findings()).filteredOn(Finding::waived).extracting(Finding::rule)
                .containsExactlyInAnyOrder(Rule.VF001, Rule.CP008);
        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.CP008).singleElement()
                .satisfies(f -> assertThat(f.waiver()).isEqualTo("pids limit set by the orchestrator (until 2027-01-31)"));
        assertThat(result.failed()).as("only the DF003 warnings are left, at medium").isTrue();
        assertThat(verify(true, Severity.HIGH).failed()).isFalse();
        assertThat(result.report().consoleLines()).anyMatch(l -> l.startsWith("WAIVED MEDIUM HC-CP008 compose.yaml:"));
        // The log level comes with each line: a waived finding informs, one that stands warns, details inform.
        var console = result.report().console();
        assertThat(console).filteredOn(l -> l.text().startsWith("WAIVED ")).isNotEmpty()
                .allSatisfy(l -> assertThat(l.level()).isEqualTo(io.github.hardenedcontainer.report.VerifyReport.Level.INFO));
        assertThat(console).filteredOn(l -> l.text().startsWith("MEDIUM HC-DF003")).isNotEmpty()
                .allSatisfy(l -> assertThat(l.level()).isEqualTo(io.github.hardenedcontainer.report.VerifyReport.Level.WARN));
        assertThat(console).filteredOn(l -> l.text().startsWith("    ")).isNotEmpty()
                .allSatisfy(l -> assertThat(l.level()).isEqualTo(io.github.hardenedcontainer.report.VerifyReport.Level.INFO));
    }

    @Test
    void expiredReasonlessAndUnknownWaiversFailTheBuild() throws Exception {
        Files.writeString(repo.resolve(".hardened-waivers.yaml"), "waivers:\n"
                + "  - rule: HC-DF003\n    file: Dockerfile\n    reason: old\n    expires: 2026-01-01\n"
                + "  - rule: HC-DF001\n    file: Dockerfile\n"
                + "  - rule: HC-XX999\n    file: Dockerfile\n    reason: typo\n");
        VerifyResult result = verify(true, Severity.HIGH);
        assertThat(result.failed()).isTrue();
        assertThat(result.waiverProblems()).containsExactly(
                ".hardened-waivers.yaml:2: the waiver for HC-DF003 on Dockerfile expired on 2026-01-01: fix the finding,"
                        + " or renew the waiver with a new date and reason",
                ".hardened-waivers.yaml:6: the waiver for HC-DF001 on Dockerfile has no reason: write why the rule does"
                        + " not apply",
                ".hardened-waivers.yaml:8: unknown rule \"HC-XX999\": use an ID from the report, such as HC-DF003");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportsAreJsonAndSarif210WithTheRuleIds() throws Exception {
        Path dockerfile = repo.resolve("Dockerfile");
        Files.writeString(dockerfile, Files.readString(dockerfile).replace("USER 10001:10001", "USER root"));
        VerifyResult result = verify(true, Severity.HIGH);
        java.util.Map<String, Object> sarif = new Yaml().load(Files.readString(result.sarifReport()));
        assertThat(sarif).containsEntry("version", "2.1.0");
        java.util.Map<String, Object> run = ((List<java.util.Map<String, Object>>) sarif.get("runs")).get(0);
        List<java.util.Map<String, Object>> results = (List<java.util.Map<String, Object>>) run.get("results");
        assertThat(results).extracting(r -> r.get("ruleId")).contains("HC-DF001", "HC-VF001", "HC-DF003");
        java.util.Map<String, Object> driver = (java.util.Map<String, Object>) ((java.util.Map<String, Object>) run.get("tool")).get("driver");
        assertThat((List<Object>) driver.get("rules")).hasSize(Rule.values().length);
        java.util.Map<String, Object> json = new Yaml().load(Files.readString(result.jsonReport()));
        assertThat(((java.util.Map<String, Object>) json.get("summary")).get("high")).isEqualTo(2);
    }
}
