package io.github.hardenedcontainer.verify;

import io.github.hardenedcontainer.generate.Generator;
import io.github.hardenedcontainer.model.InvalidConfigurationException;
import io.github.hardenedcontainer.policy.Finding;
import io.github.hardenedcontainer.policy.PolicyChecker;
import io.github.hardenedcontainer.policy.Rule;
import io.github.hardenedcontainer.policy.Waiver;
import io.github.hardenedcontainer.policy.Waivers;
import io.github.hardenedcontainer.render.TemplateException;
import io.github.hardenedcontainer.render.TemplateRenderer;
import io.github.hardenedcontainer.report.VerifyReport;
import io.github.hardenedcontainer.text.Diff;
import io.github.hardenedcontainer.write.FileHeader;
import io.github.hardenedcontainer.write.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.function.Consumer;

/**
 * {@code hardened:verify}: renders the container files in memory with the current configuration, compares them
 * with the committed ones (drift), checks every file against the hardening rules (also files a person wrote),
 * applies the waivers, writes the JSON and SARIF reports, and says whether the build fails.
 */
public final class Verifier {

    private final Consumer<String> info;

    public Verifier(Consumer<String> info) {
        this.info = info;
    }

    public VerifyResult verify(VerifyRequest request) throws InvalidConfigurationException, TemplateException, IOException {
        Path root = request.generate().outputDirectory();
        List<GeneratedFile> expected = new Generator(line -> { }).render(request.generate());
        PolicyChecker checker = new PolicyChecker(request.strict());
        List<Finding> findings = new ArrayList<>();
        List<String> diffs = new ArrayList<>();
        Map<String, String> committed = new LinkedHashMap<>();

        for (GeneratedFile file : expected) {
            Path path = root.resolve(file.path());
            if (!Files.isRegularFile(path)) {
                if (!file.seed()) {
                    findings.add(new Finding(Rule.VF002, file.path(), 0, "missing: the configuration expects this file"));
                }
                continue;
            }
            String actual = Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n");
            committed.put(file.path(), actual);
            if (request.drift() && !file.seed() && !actual.equals(file.content())) {
                String diff = Diff.unified(file.path(), file.content(), actual);
                diffs.add(diff);
                findings.add(drift(file, actual, request));
            }
            findings.addAll(check(checker, root, file.path(), actual, request.today()));
        }
        for (Map.Entry<String, String> dockerfile : committed.entrySet()) {
            if (!dockerfile.getKey().endsWith("Dockerfile")) {
                continue;
            }
            String prefix = dockerfile.getKey().substring(0, dockerfile.getKey().length() - "Dockerfile".length());
            String compose = committed.get(prefix + "compose.yaml");
            if (compose != null) {
                findings.addAll(checker.consistency(dockerfile.getKey(), dockerfile.getValue(), prefix + "compose.yaml",
                        compose));
                String envExample = committed.get(prefix + ".env.example");
                if (envExample != null) {
                    findings.addAll(checker.envExample(prefix + "compose.yaml", compose, prefix + ".env.example",
                            envExample));
                }
            }
        }

        // The other workflows of the repository: they run with the same token and secrets as the generated one (a
        // pull_request_target workflow beside it would hand both to a fork's code).
        Path workflows = root.resolve(".github/workflows");
        if (Files.isDirectory(workflows)) {
            List<Path> others;
            try (java.util.stream.Stream<Path> list = Files.list(workflows)) {
                others = list.filter(p -> p.toString().matches(".*\\.ya?ml") && Files.isRegularFile(p)).sorted().toList();
            }
            for (Path other : others) {
                String path = root.relativize(other).toString().replace('\\', '/');
                if (expected.stream().noneMatch(f -> f.path().equals(path))) {
                    findings.addAll(checker.workflow(path, Files.readString(other, StandardCharsets.UTF_8)));
                }
            }
        }

        // Each service's Kubernetes files, checked together (a NetworkPolicy or a PodDisruptionBudget is judged by
        // the pods it selects).
        Map<String, Map<String, String>> kubernetes = new java.util.TreeMap<>();
        committed.forEach((path, text) -> {
            int at = path.lastIndexOf(io.github.hardenedcontainer.model.OutputFile.KUBERNETES_DIRECTORY);
            if (at >= 0 && (at == 0 || path.charAt(at - 1) == '/') && path.endsWith(".yaml")) {
                kubernetes.computeIfAbsent(path.substring(0, at), k -> new LinkedHashMap<>()).put(path, text);
            }
        });
        for (Map<String, String> files : kubernetes.values()) {
            findings.addAll(checker.kubernetes(files));
        }

        findings.addAll(overrides(request.generate().templateDirectory(), root));

        List<String> waiverProblems = new ArrayList<>();
        if (Files.isRegularFile(request.waiverFile())) {
            String name = root.relativize(request.waiverFile().toAbsolutePath().normalize()).toString().replace('\\', '/');
            Waivers.Result waivers = Waivers.parse(name, Files.readString(request.waiverFile()), request.today());
            waiverProblems.addAll(waivers.problems());
            List<Finding> applied = new ArrayList<>();
            for (Finding f : findings) {
                Waiver w = waivers.waivers().stream().filter(x -> x.covers(f)).findFirst().orElse(null);
                applied.add(w == null ? f : f.withWaiver(w.reason() + (w.expires() == null ? "" : " (until " + w.expires() + ")")));
            }
            findings = applied;
        }

        VerifyReport report = new VerifyReport(findings, request.generate().pluginVersion());
        Files.createDirectories(request.reportDirectory());
        Path json = request.reportDirectory().resolve("verify-report.json");
        Path sarif = request.reportDirectory().resolve("verify-report.sarif");
        Files.writeString(json, report.json(), StandardCharsets.UTF_8);
        Files.writeString(sarif, report.sarif(), StandardCharsets.UTF_8);
        boolean failed = !waiverProblems.isEmpty()
                || findings.stream().anyMatch(f -> !f.waived() && f.severity().atLeast(request.failOn()));
        info.accept("Reports: " + json + ", " + sarif);
        return new VerifyResult(findings, diffs, waiverProblems, report, json, sarif, failed);
    }

    /**
     * A committed file that differs from what the templates render: outdated (VF004) when an older plugin version
     * generated it and nobody edited it since (its body still matches its fingerprint), else drift (VF001), with
     * what tells the two apart in the message.
     */
    private static Finding drift(GeneratedFile file, String actual, VerifyRequest request) {
        int line = Diff.firstDifference(file.content(), actual);
        Optional<Boolean> unedited = FileHeader.isUnedited(actual);
        Optional<String> version = FileHeader.version(actual);
        String current = request.generate().pluginVersion();
        if (unedited.orElse(false) && version.isPresent() && !version.get().equals(current)) {
            return new Finding(Rule.VF004, file.path(), line, "outdated: generated by plugin " + version.get()
                    + " and unedited since; plugin " + current + " renders it differently (diff below): run mvn"
                    + " hardened:generate").withSeverity(request.outdated());
        }
        String why = unedited.isEmpty() ? "written without the plugin's header"
                : !unedited.get() ? "edited by hand since it was generated"
                : "unedited, but the configuration or templates changed since it was generated";
        return new Finding(Rule.VF001, file.path(), line, "differs from what the templates render (diff below): " + why);
    }

    /**
     * Each template override that replaces a built-in template records which built-in it was based on: a first line
     * {@code <#-- hardened-base: <hash> -->}, the hash of that built-in template. When a plugin upgrade changes the
     * built-in, the override no longer receives its fixes silently: the finding names both hashes.
     */
    static List<Finding> overrides(Path templateDirectory, Path root) throws IOException {
        List<Finding> findings = new ArrayList<>();
        if (templateDirectory == null || !Files.isDirectory(templateDirectory)) {
            return findings;
        }
        List<Path> templates;
        try (java.util.stream.Stream<Path> walk = Files.walk(templateDirectory)) {
            templates = walk.filter(p -> p.toString().endsWith(".ftl") && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path template : templates) {
            String name = templateDirectory.relativize(template).toString().replace('\\', '/');
            Optional<String> builtIn = TemplateRenderer.builtIn(name);
            if (builtIn.isEmpty()) {
                continue;
            }
            String current = FileHeader.fingerprint(builtIn.get());
            String first = Files.readString(template, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            Matcher m = OVERRIDE_BASE.matcher(first);
            Path absolute = template.toAbsolutePath().normalize();
            Path base = root.toAbsolutePath().normalize();
            String file = (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
            if (!m.matches()) {
                findings.add(new Finding(Rule.VF005, file, 1, "the override of " + name + " does not record the"
                        + " built-in template it is based on: when that is the current one, start the override with"
                        + " <#-- hardened-base: " + current + " -->"));
            } else if (!m.group(1).equals(current)) {
                findings.add(new Finding(Rule.VF005, file, 1, "the override of " + name + " is based on built-in"
                        + " template " + m.group(1) + ", and the plugin's is now " + current + ": merge its changes"
                        + " into the override, then set <#-- hardened-base: " + current + " -->"));
            }
        }
        return findings;
    }

    private static final java.util.regex.Pattern OVERRIDE_BASE =
            java.util.regex.Pattern.compile("<#--\\s*hardened-base:\\s*([0-9a-f]{16})\\s*-->.*");

    /** The override files Compose merges into a compose.yaml of the same directory when it finds them. */
    private static final List<String> COMPOSE_OVERRIDES = List.of("compose.override.yaml", "compose.override.yml");

    private static List<Finding> check(PolicyChecker checker, Path root, String path, String text,
            java.time.LocalDate today) throws IOException {
        if (path.endsWith("Dockerfile")) {
            return checker.dockerfile(path, text);
        }
        if (path.endsWith("compose.yaml")) {
            String dir = path.substring(0, path.length() - "compose.yaml".length());
            for (String name : COMPOSE_OVERRIDES) {
                Path override = root.resolve(dir + name);
                if (Files.isRegularFile(override)) {
                    return checker.compose(path, text, dir + name, Files.readString(override, StandardCharsets.UTF_8));
                }
            }
            return checker.compose(path, text);
        }
        if (path.equals(".dockerignore")) {
            return checker.dockerignore(path, text);
        }
        if (path.equals(".trivyignore")) {
            return checker.trivyignore(path, text, today);
        }
        if (path.equals(".github/dependabot.yml")) {
            return checker.dependabot(path, text);
        }
        if (path.startsWith(".github/workflows/")) {
            return checker.workflow(path, text);
        }
        return List.of();
    }
}
