package io.github.hardenedcontainer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Plays the generated workflows' Trivy steps through trivy-action's documented input semantics (its README's
 * inputs table: each input becomes a Trivy flag or environment variable, with the action's defaults; and for
 * {@code format: sarif} the severity filter is removed unless {@code limit-severities-for-sarif: true}, its issue
 * 309) against a set of findings, and checks the gate: only fixed HIGH and CRITICAL vulnerabilities fail a blocking
 * step (unfixed ones too when {@code <ignoreUnfixed>} is false), while the SARIF report holds every severity and
 * never fails.
 */
class TrivyGateTest {

    private static final Path GOLDEN = Path.of(System.getProperty("project.basedir", "."), "src/test/resources/golden");
    private static final List<String> ALL = List.of("UNKNOWN", "LOW", "MEDIUM", "HIGH", "CRITICAL");

    /** A finding of the scan: its severity and whether a fixed version exists. */
    private record Vulnerability(String severity, boolean fixed) {
    }

    /** What one step does: the Trivy flags its inputs become, per the action's documentation. */
    private record Run(Map<String, String> flags) {

        /** trivy-action inputs -> Trivy flags, with the action's defaults; sarif drops --severity unless limited. */
        static Run of(Map<String, Object> with) {
            Map<String, String> flags = new LinkedHashMap<>();
            flags.put("--format", String.valueOf(with.getOrDefault("format", "table")));
            flags.put("--exit-code", String.valueOf(with.getOrDefault("exit-code", "0")));
            if (with.containsKey("severity")) {
                flags.put("--severity", String.valueOf(with.get("severity")));
            }
            if (Boolean.parseBoolean(String.valueOf(with.getOrDefault("ignore-unfixed", "false")))) {
                flags.put("--ignore-unfixed", "");
            }
            if (with.containsKey("trivyignores")) {
                flags.put("--ignorefile", String.valueOf(with.get("trivyignores")));
            }
            boolean limit = Boolean.parseBoolean(String.valueOf(with.getOrDefault("limit-severities-for-sarif", "false")));
            if (flags.get("--format").equals("sarif") && !limit) {
                flags.remove("--severity");
            }
            return new Run(flags);
        }

        List<Vulnerability> reported(List<Vulnerability> found) {
            List<String> severities = flags.containsKey("--severity") ? List.of(flags.get("--severity").split(",")) : ALL;
            return found.stream().filter(v -> severities.contains(v.severity()))
                    .filter(v -> v.fixed() || !flags.containsKey("--ignore-unfixed")).toList();
        }

        boolean fails(List<Vulnerability> found) {
            return !flags.get("--exit-code").equals("0") && !reported(found).isEmpty();
        }
    }

    private static final List<Vulnerability> LOW_AND_MEDIUM = List.of(new Vulnerability("LOW", true),
            new Vulnerability("MEDIUM", true), new Vulnerability("UNKNOWN", true));
    private static final List<Vulnerability> EVERYTHING = List.of(new Vulnerability("LOW", true),
            new Vulnerability("MEDIUM", false), new Vulnerability("HIGH", true), new Vulnerability("HIGH", false),
            new Vulnerability("CRITICAL", true), new Vulnerability("UNKNOWN", false));

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> trivySteps(Path workflow) throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(workflow));
        Map<String, Object> image = ((Map<String, Map<String, Object>>) doc.get("jobs")).get("image");
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> step : (List<Map<String, Object>>) image.get("steps")) {
            if (String.valueOf(step.get("uses")).startsWith("aquasecurity/trivy-action@")) {
                found.add((Map<String, Object>) step.get("with"));
            }
        }
        return found;
    }

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> walk = Files.walk(GOLDEN)) {
            return walk.filter(p -> p.endsWith(Path.of(".github/workflows/container.yml"))).sorted().toList();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyHighAndCriticalBlockAndTheSarifReportHoldsEverySeverity() throws IOException {
        List<Path> workflows = workflows();
        assertThat(workflows).hasSizeGreaterThanOrEqualTo(5);
        for (Path workflow : workflows) {
            List<Map<String, Object>> steps = trivySteps(workflow);
            List<Map<String, Object>> blocking = steps.stream().filter(w -> !"0".equals(Run.of(w).flags().get("--exit-code"))).toList();
            List<Map<String, Object>> reports = steps.stream().filter(w -> "sarif".equals(Run.of(w).flags().get("--format"))).toList();
            assertThat(blocking).as(workflow + ": a blocking image scan and a blocking Dockerfile scan").hasSize(2);
            assertThat(reports).as(workflow + ": a SARIF report for each").hasSize(2);
            boolean ignoreUnfixed = !workflow.toString().contains("prebuilt-pinned"); // that case states false
            for (Map<String, Object> with : blocking) {
                Run run = Run.of(with);
                assertThat(run.fails(LOW_AND_MEDIUM)).as(workflow + " " + with + ": LOW, MEDIUM, UNKNOWN pass").isFalse();
                assertThat(run.fails(List.of(new Vulnerability("HIGH", true)))).as("fixed HIGH blocks").isTrue();
                assertThat(run.fails(List.of(new Vulnerability("CRITICAL", true)))).as("fixed CRITICAL blocks").isTrue();
                if (!"config".equals(with.get("scan-type"))) {
                    assertThat(run.fails(List.of(new Vulnerability("CRITICAL", false))))
                            .as(workflow + ": unfixed CRITICAL blocks only without <ignoreUnfixed>")
                            .isEqualTo(!ignoreUnfixed);
                }
                // The rule reads the step the same way.
                WorkflowChecks.TrivyStep rule = WorkflowChecks.TrivyStep.of(optionalWith(with));
                assertThat(rule.blocks()).isTrue();
                assertThat(rule.severities()).containsExactly("HIGH", "CRITICAL");
            }
            for (Map<String, Object> with : reports) {
                Run run = Run.of(with);
                assertThat(run.fails(EVERYTHING)).as(workflow + ": the SARIF report never blocks").isFalse();
                assertThat(run.reported(EVERYTHING)).as(workflow + ": the SARIF report holds everything")
                        .containsExactlyElementsOf(EVERYTHING);
            }
        }
    }

    @Test
    void theOldShapeSarifWithExitCodeOneBlocksOnLowAndTheRuleSaysWhy() {
        Map<String, Object> with = Map.of("format", "sarif", "severity", "HIGH,CRITICAL", "exit-code", "1",
                "output", "trivy.sarif", "version", "v0.70.0");
        assertThat(Run.of(with).fails(LOW_AND_MEDIUM)).as("the documented trap: LOW fails the job").isTrue();
        WorkflowChecks.TrivyStep rule = WorkflowChecks.TrivyStep.of(optionalWith(with));
        assertThat(rule.sarifFilterDropped()).isTrue();
        assertThat(rule.severities()).containsExactlyElementsOf(ALL);
        Map<String, Object> limited = new LinkedHashMap<>(with);
        limited.put("limit-severities-for-sarif", true);
        assertThat(Run.of(limited).fails(LOW_AND_MEDIUM)).isFalse();
        assertThat(WorkflowChecks.TrivyStep.of(optionalWith(limited)).sarifFilterDropped()).isFalse();
    }

    private static java.util.Optional<io.github.hardenedcontainer.parse.YamlFile.YNode> optionalWith(
            Map<String, Object> with) {
        StringBuilder yaml = new StringBuilder();
        with.forEach((k, v) -> yaml.append(k).append(": \"").append(v).append("\"\n"));
        try {
            return java.util.Optional.of(io.github.hardenedcontainer.parse.YamlFile.parse(yaml.toString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
