package io.github.hardenedcontainer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hardenedcontainer.data.ActionPin;
import io.github.hardenedcontainer.data.ProductData;
import io.github.hardenedcontainer.model.ReactorFacts;
import io.github.hardenedcontainer.parse.DockerInstruction;
import io.github.hardenedcontainer.parse.DockerfileParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks the "Gen Y" rows of the hardening catalogue on every representative configuration, by parsing the
 * generated Dockerfile instructions and YAML documents.
 */
class GeneratedHardeningTest {

    private static final Pattern USES = Pattern.compile("uses:\\s*([^@\\s]+)@(\\S+)(?:\\s+#\\s*(\\S+))?");

    @TestFactory
    Stream<DynamicTest> everyCaseMeetsTheCatalogue() {
        return GoldenCases.all().entrySet().stream().flatMap(e -> {
            Map<String, String> files = render(e.getValue());
            List<DynamicTest> tests = new ArrayList<>();
            files.forEach((path, content) -> {
                String name = e.getKey() + ": " + path;
                if (path.endsWith("Dockerfile")) {
                    tests.add(DynamicTest.dynamicTest(name, () -> dockerfile(content)));
                } else if (path.endsWith("compose.yaml")) {
                    tests.add(DynamicTest.dynamicTest(name, () -> compose(content)));
                } else if (path.endsWith("container.yml")) {
                    tests.add(DynamicTest.dynamicTest(name, () -> workflow(content)));
                } else if (path.endsWith("dependabot.yml")) {
                    tests.add(DynamicTest.dynamicTest(name, () -> dependabot(content)));
                } else if (path.endsWith(".dockerignore")) {
                    tests.add(DynamicTest.dynamicTest(name, () -> dockerignore(content)));
                }
            });
            return tests.stream();
        });
    }

    @org.junit.jupiter.api.Test
    void thisRepositorysGeneratedFilesMeetTheCatalogue() throws Exception {
        java.nio.file.Path repo = GoldenFileTest.GOLDEN.getParent().getParent().getParent().getParent().getParent();
        dockerfile(java.nio.file.Files.readString(repo.resolve("sample-app/Dockerfile")));
        compose(java.nio.file.Files.readString(repo.resolve("sample-app/compose.yaml")));
        workflow(java.nio.file.Files.readString(repo.resolve(".github/workflows/container.yml")));
        dependabot(java.nio.file.Files.readString(repo.resolve(".github/dependabot.yml")));
        dockerignore(java.nio.file.Files.readString(repo.resolve(".dockerignore")));
    }

    private static Map<String, String> render(ReactorFacts facts) {
        try {
            return GoldenFileTest.render(facts);
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    static void dockerfile(String text) throws Exception {
        List<DockerInstruction> all = DockerfileParser.parse(text);
        List<DockerInstruction> froms = all.stream().filter(i -> i.is("FROM")).toList();
        assertThat(froms).as("builder and runtime stages").hasSizeGreaterThanOrEqualTo(2);
        int last = froms.size() - 1;

        // Base images: from build arguments whose defaults are tagged, never latest.
        Map<String, String> args = new java.util.HashMap<>();
        all.stream().filter(i -> i.is("ARG") && i.stage() == -1).forEach(i -> {
            String[] kv = i.arguments().split("=", 2);
            args.put(kv[0], kv.length > 1 ? kv[1] : null);
        });
        assertThat(args).containsKeys("BUILDER_IMAGE", "RUNTIME_IMAGE");
        args.values().forEach(v -> assertThat(v).matches("[^:@\\s]+(:[^:@\\s]+)?:[A-Za-z0-9_.-]+(@sha256:[0-9a-f]{64})?")
                .doesNotContainIgnoringCase(":latest"));
        assertThat(froms.get(0).arguments()).isEqualTo("${BUILDER_IMAGE} AS builder");
        assertThat(froms.get(last).arguments()).isEqualTo("${RUNTIME_IMAGE} AS runtime");

        // Unique stage names; COPY --from names an earlier stage.
        Set<String> stages = new HashSet<>();
        for (DockerInstruction from : froms) {
            String[] parts = from.arguments().split("\\s+");
            assertThat(stages.add(parts[parts.length - 1])).isTrue();
        }
        for (DockerInstruction i : all) {
            assertThat(i.keyword()).isNotIn("ADD", "MAINTAINER");
            if (i.is("COPY") && i.arguments().startsWith("--from=")) {
                assertThat(stages).contains(i.arguments().substring(7).split("\\s+")[0]);
                assertThat(i.stage()).isGreaterThan(0);
            }
            if (i.is("RUN")) {
                assertThat(i.arguments()).doesNotContain("sudo ", "curl ", "wget ", "| sh", "--no-check-certificate",
                        "--allow-unauthenticated", "cd ");
            }
            if (i.is("ARG") || i.is("ENV")) {
                assertThat(i.arguments()).doesNotContainPattern("(?i)(password|secret|token|api_?key)");
            }
            if (i.is("WORKDIR")) {
                assertThat(i.arguments()).startsWith("/").isNotIn("/", "/usr", "/bin", "/etc");
            }
        }

        // The runtime stage: numeric non-root USER last, no build tool runs, exec form, one healthcheck.
        List<DockerInstruction> runtime = all.stream().filter(i -> i.stage() == last).toList();
        assertThat(runtime).noneMatch(i -> i.is("RUN"));
        List<DockerInstruction> users = all.stream().filter(i -> i.is("USER")).toList();
        assertThat(users).isNotEmpty();
        DockerInstruction user = users.get(users.size() - 1);
        assertThat(user.stage()).isEqualTo(last);
        assertThat(user.arguments()).matches("[1-9][0-9]*:[1-9][0-9]*");
        assertThat(runtime.stream().filter(i -> i.is("ENTRYPOINT"))).singleElement()
                .satisfies(i -> assertThat(i.execForm()).isTrue());
        assertThat(runtime).noneMatch(i -> i.is("CMD") && !i.execForm());
        assertThat(all.stream().filter(i -> i.is("HEALTHCHECK"))).singleElement().satisfies(h -> {
            assertThat(h.stage()).isEqualTo(last);
            assertThat(h.arguments()).containsPattern("CMD \\[\"(/opt/jre/bin/)?java\"").doesNotContain("curl", "wget");
        });
        assertThat(runtime.stream().filter(i -> i.is("EXPOSE"))).singleElement().satisfies(e -> {
            int port = Integer.parseInt(e.arguments());
            assertThat(port).isBetween(1, 65535).isNotEqualTo(22);
        });
        assertThat(runtime.stream().filter(i -> i.is("LABEL")).map(DockerInstruction::arguments).findFirst())
                .get().asString().contains("org.opencontainers.image.title=", "org.opencontainers.image.description=");
        // Application files are copied without --chown: owned by root, not writable by the runtime user.
        assertThat(runtime).filteredOn(i -> i.is("COPY")).allSatisfy(c -> assertThat(c.arguments()).doesNotContain("--chown", "--chmod"));
    }

    @SuppressWarnings("unchecked")
    static void compose(String text) {
        Map<String, Object> doc = new Yaml().load(text);
        assertThat(doc).doesNotContainKey("version");
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) doc.get("services");
        Map<String, Map<String, Object>> networks = (Map<String, Map<String, Object>>) doc.get("networks");
        for (Map.Entry<String, Map<String, Object>> e : services.entrySet()) {
            Map<String, Object> s = e.getValue();
            assertThat(s).as(e.getKey()).doesNotContainKeys("container_name", "privileged", "cap_add", "network_mode",
                    "pid", "ipc", "userns_mode");
            assertThat(s.get("read_only")).as(e.getKey()).isEqualTo(true);
            assertThat((List<String>) s.get("tmpfs")).as(e.getKey()).anyMatch(t -> t.startsWith("/tmp"));
            assertThat((List<String>) s.get("cap_drop")).as(e.getKey()).containsExactly("ALL");
            assertThat((List<String>) s.get("security_opt")).as(e.getKey()).containsExactly("no-new-privileges:true");
            assertThat((String) s.get("user")).as(e.getKey()).matches("[1-9][0-9]*:[1-9][0-9]*");
            assertThat(s).as(e.getKey()).containsKeys("mem_limit", "cpus", "pids_limit", "healthcheck", "restart", "networks");
            Object environment = s.get("environment");
            if (environment != null) {
                ((Map<String, Object>) environment).forEach((k, v) -> {
                    if (k.matches("(?i).*(password|secret|token).*")) {
                        assertThat(k).as("secrets only as *_FILE").endsWith("_FILE");
                    }
                });
            }
            for (Object v : (List<Object>) s.getOrDefault("volumes", List.of())) {
                assertThat(v.toString()).doesNotContain("docker.sock").doesNotStartWith("/");
            }
            for (Object n : (List<Object>) s.get("networks")) {
                assertThat(networks).containsKey(n.toString());
            }
        }
        Map<String, Object> app = services.get("app");
        assertThat((List<String>) app.get("ports")).allMatch(p -> p.matches("\\d+\\.\\d+\\.\\d+\\.\\d+:.*"));
        assertThat(app.get("init")).isEqualTo(true);
        Map<String, Object> db = services.get("db");
        if (db != null) {
            assertThat(db).doesNotContainKey("ports");
            for (Object n : (List<Object>) db.get("networks")) {
                assertThat(networks.get(n.toString())).as("db network %s", n).containsEntry("internal", true);
            }
            assertThat((Map<String, Object>) app.get("depends_on")).containsEntry("db", Map.of("condition", "service_healthy"));
            assertThat((Map<String, Object>) db.get("environment")).containsEntry("POSTGRES_PASSWORD_FILE", "/run/secrets/postgres-password");
            assertThat(((Map<String, Object>) doc.get("secrets"))).containsKey("postgres-password");
        }
    }

    @SuppressWarnings("unchecked")
    static void workflow(String text) {
        Map<String, Object> doc = new Yaml().load(text);
        assertThat(doc.get("name")).isNotNull();
        assertThat(doc.get("permissions")).isEqualTo(Map.of());
        assertThat(doc).containsKey("concurrency");
        Map<String, Object> on = (Map<String, Object>) doc.get(Boolean.TRUE) != null
                ? (Map<String, Object>) doc.get(Boolean.TRUE) : (Map<String, Object>) doc.get("on");
        assertThat(on).doesNotContainKeys("pull_request_target", "workflow_run");

        Map<String, ActionPin> pins = ProductData.get().pins();
        Matcher m = USES.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
            ActionPin pin = pins.get(m.group(1));
            assertThat(pin).as("pin for %s", m.group(1)).isNotNull();
            assertThat(m.group(2)).matches("[0-9a-f]{40}").isEqualTo(pin.sha());
            assertThat(m.group(3)).isEqualTo(pin.release());
        }
        assertThat(count).isGreaterThan(5);

        Map<String, Map<String, Object>> jobs = (Map<String, Map<String, Object>>) doc.get("jobs");
        assertThat(jobs).containsKeys("build-and-test", "image", "publish");
        for (Map.Entry<String, Map<String, Object>> e : jobs.entrySet()) {
            Map<String, Object> job = e.getValue();
            assertThat(job).as(e.getKey()).containsKeys("timeout-minutes", "permissions");
            for (Map<String, Object> step : (List<Map<String, Object>>) job.get("steps")) {
                Object run = step.get("run");
                if (run != null) {
                    assertThat(run.toString()).as("no expressions inside run:").doesNotContain("${{");
                }
                String uses = (String) step.get("uses");
                if (uses != null && uses.startsWith("actions/checkout@")) {
                    assertThat((Map<String, Object>) step.get("with")).containsEntry("persist-credentials", false);
                }
                if (uses != null && uses.startsWith("aquasecurity/trivy-action@")) {
                    Map<String, Object> with = (Map<String, Object>) step.get("with");
                    assertThat(with.get("version").toString()).matches("v\\d+\\.\\d+\\.\\d+");
                    // A step blocks with a table of HIGH and CRITICAL, or reports everything as SARIF without
                    // blocking (TrivyGateTest plays the inputs through the action's documented semantics).
                    if ("sarif".equals(with.get("format"))) {
                        assertThat(with).containsEntry("exit-code", "0").doesNotContainKey("severity");
                    } else {
                        assertThat(with).containsEntry("format", "table").containsEntry("exit-code", "1")
                                .containsEntry("severity", "HIGH,CRITICAL");
                    }
                }
                if (uses != null && uses.startsWith("github/codeql-action/upload-sarif@")) {
                    assertThat(step.get("if").toString()).contains("always()");
                }
                if (e.getKey().equals("publish") && uses != null) {
                    assertThat(uses).doesNotStartWith("actions/cache").doesNotStartWith("actions/setup-java");
                }
            }
        }
        Map<String, Object> publish = jobs.get("publish");
        assertThat(publish).containsKey("environment");
        assertThat(publish.get("if").toString()).contains("github.event_name == 'push'", "refs/tags/v", "refs/heads/");
        assertThat((Map<String, Object>) publish.get("permissions")).containsEntry("packages", "write")
                .containsEntry("id-token", "write").containsEntry("attestations", "write");
        assertThat(publish.get("needs")).isEqualTo("image");
        assertThat(text).contains("actions/attest-build-provenance@", "anchore/sbom-action@",
                "is not the scanned image");
    }

    @SuppressWarnings("unchecked")
    static void dependabot(String text) {
        Map<String, Object> doc = new Yaml().load(text);
        List<Map<String, Object>> updates = (List<Map<String, Object>>) doc.get("updates");
        assertThat(updates).extracting(u -> u.get("package-ecosystem")).containsExactlyInAnyOrder("github-actions", "maven");
        assertThat(updates).allSatisfy(u -> assertThat(u).containsKey("cooldown"));
        assertThat(updates.get(0)).containsEntry("exclude-paths", List.of(".github/workflows/container.yml"));
    }

    static void dockerignore(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(lines.get(0)).as("allow-list: everything excluded first").isEqualTo("*");
        assertThat(lines).contains("**/.git", "**/.env", "**/secrets/");
        int lastAllow = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("!")) {
                lastAllow = i;
            }
        }
        assertThat(lines.indexOf("**/secrets/")).as("exclusions come after the allow rules").isGreaterThan(lastAllow);
    }
}
