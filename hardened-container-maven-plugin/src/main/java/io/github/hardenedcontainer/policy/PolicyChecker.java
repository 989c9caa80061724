package io.github.hardenedcontainer.policy;

import io.github.hardenedcontainer.parse.ComposeInterpolation;
import io.github.hardenedcontainer.parse.DockerInstruction;
import io.github.hardenedcontainer.parse.DockerfileParser;
import io.github.hardenedcontainer.parse.DockerfileSyntaxException;
import io.github.hardenedcontainer.parse.YamlFile;
import io.github.hardenedcontainer.parse.YamlFile.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks container files against the rules. Files that do not parse become findings (VF003) with their line,
 * never exceptions.
 */
public final class PolicyChecker {

    private final boolean strict;

    /**
     * @param strict whether unpinned base images (DF003) are errors rather than warnings
     */
    public PolicyChecker(boolean strict) {
        this.strict = strict;
    }

    public List<Finding> dockerfile(String path, String text) {
        try {
            List<Finding> findings = new ArrayList<>(DockerfileChecks.check(path, DockerfileParser.parse(text), strict));
            findings.addAll(DebugPortChecks.check(path, text));
            return findings;
        } catch (DockerfileSyntaxException e) {
            return List.of(new Finding(Rule.VF003, path, e.line(), "does not parse: " + e.getMessage()));
        }
    }

    /**
     * The Compose rules on the file as Compose runs it with no variables set (the interpolation defaults applied,
     * YAML merge keys and {@code extends} resolved).
     */
    public List<Finding> compose(String path, String text) {
        return compose(path, text, null, null);
    }

    /**
     * The Compose rules on a file merged with its override file, as {@code docker compose up} merges
     * {@code compose.override.yaml} when it finds one: a finding the override brings in is reported on the override
     * file; one it settles is gone. Without an override ({@code overridePath} null), the file alone.
     */
    public List<Finding> compose(String path, String text, String overridePath, String overrideText) {
        String interpolated = ComposeInterpolation.apply(text);
        YNode base;
        try {
            base = YamlFile.parse(interpolated);
        } catch (YamlFile.YamlSyntaxException e) {
            return List.of(new Finding(Rule.VF003, path, e.line(), "does not parse as YAML: " + e.getMessage()));
        }
        List<Finding> alone = ComposeChecks.check(path, base);
        List<Finding> findings = new ArrayList<>();
        if (overridePath == null) {
            findings.addAll(alone);
            findings.addAll(DebugPortChecks.check(path, interpolated));
            return findings;
        }
        String overrideInterpolated = ComposeInterpolation.apply(overrideText);
        try {
            YNode merged = YamlFile.merge(base, YamlFile.parse(overrideInterpolated));
            for (Finding f : ComposeChecks.check(path, merged)) {
                boolean before = alone.stream().anyMatch(a -> a.rule() == f.rule() && a.message().equals(f.message()));
                findings.add(before ? f : new Finding(f.rule(), f.severity(), overridePath, f.line(), f.message()
                        + " (brought in by " + overridePath + ", which Compose merges into " + path + ")", null));
            }
        } catch (YamlFile.YamlSyntaxException e) {
            findings.addAll(alone);
            findings.add(new Finding(Rule.VF003, overridePath, e.line(), "does not parse as YAML: " + e.getMessage()));
        }
        findings.addAll(DebugPortChecks.check(path, interpolated));
        findings.addAll(DebugPortChecks.check(overridePath, overrideInterpolated));
        return findings;
    }

    public List<Finding> workflow(String path, String text) {
        try {
            YNode root = YamlFile.parse(text);
            return WorkflowChecks.check(path, text, root);
        } catch (YamlFile.YamlSyntaxException e) {
            return List.of(new Finding(Rule.VF003, path, e.line(), "does not parse as YAML: " + e.getMessage()));
        }
    }

    public List<Finding> dependabot(String path, String text) {
        try {
            return WorkflowChecks.dependabot(path, YamlFile.parse(text));
        } catch (YamlFile.YamlSyntaxException e) {
            return List.of(new Finding(Rule.VF003, path, e.line(), "does not parse as YAML: " + e.getMessage()));
        }
    }

    /**
     * One service's Kubernetes files together (path to text): each parsed, every document of each; a file that does
     * not parse is a VF003 finding and its objects are left out of the checks across files.
     */
    public List<Finding> kubernetes(Map<String, String> files) {
        List<Finding> findings = new ArrayList<>();
        List<KubernetesChecks.KubeObject> objects = new ArrayList<>();
        // With a kustomization.yaml, only what it lists is applied (kubectl apply -k): a file it leaves out counts
        // for nothing, and a file it lists must be there.
        java.util.Set<String> applied = null;
        for (Map.Entry<String, String> file : files.entrySet()) {
            String path = file.getKey();
            if (!path.equals("kustomization.yaml") && !path.endsWith("/kustomization.yaml")) {
                continue;
            }
            String dir = path.substring(0, path.length() - "kustomization.yaml".length());
            try {
                YNode kustomization = YamlFile.parse(file.getValue());
                applied = new java.util.TreeSet<>();
                for (YNode resource : kustomization.get("resources").map(YNode::items).orElse(List.of())) {
                    String listed = dir + resource.textOr("");
                    applied.add(listed);
                    if (!files.containsKey(listed)) {
                        findings.add(new Finding(Rule.VF002, path, resource.line(), "lists " + resource.textOr("")
                                + ", which is not there: kubectl apply -k fails"));
                    }
                }
            } catch (YamlFile.YamlSyntaxException e) {
                findings.add(new Finding(Rule.VF003, path, e.line(), "does not parse as YAML: " + e.getMessage()));
            }
        }
        java.util.Set<String> listed = applied;
        files.forEach((path, text) -> {
            if (path.endsWith("kustomization.yaml")) {
                return;
            }
            findings.addAll(DebugPortChecks.check(path, text));
            if (listed != null && !listed.contains(path)) {
                findings.add(new Finding(Rule.VF002, path, 0, "is not in kustomization.yaml's resources, so"
                        + " kubectl apply -k leaves it out: add it there (its objects count for nothing until then)"));
                return;
            }
            try {
                for (YNode document : YamlFile.parseAll(text)) {
                    objects.add(new KubernetesChecks.KubeObject(path, document));
                }
            } catch (YamlFile.YamlSyntaxException e) {
                findings.add(new Finding(Rule.VF003, path, e.line(), "does not parse as YAML: " + e.getMessage()));
            }
        });
        findings.addAll(KubernetesChecks.check(objects));
        return findings;
    }

    /** What the build context holds (DF019). */
    public List<Finding> dockerignore(String path, String text) {
        return ContextChecks.dockerignore(path, text);
    }

    /** What the scan lets through (VF006), as of today (UTC). */
    public List<Finding> trivyignore(String path, String text) {
        return trivyignore(path, text, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    /** What the scan lets through (VF006) on the given day: an entry past its exp: date lets nothing through. */
    public List<Finding> trivyignore(String path, String text, java.time.LocalDate today) {
        return ContextChecks.trivyignore(path, text, today);
    }

    /** A service's .env.example lists what its compose.yaml reads (XF002) and holds no secret value (CP012). */
    public List<Finding> envExample(String composePath, String compose, String envPath, String env) {
        return EnvExampleChecks.check(composePath, compose, envPath, env);
    }

    /** The Dockerfile and compose.yaml of one service agree; nothing is reported when either does not parse. */
    public List<Finding> consistency(String dockerfilePath, String dockerfile, String composePath, String compose) {
        try {
            List<DockerInstruction> instructions = DockerfileParser.parse(dockerfile);
            return ConsistencyChecks.check(dockerfilePath, instructions, composePath, YamlFile.parse(compose));
        } catch (DockerfileSyntaxException | YamlFile.YamlSyntaxException e) {
            return List.of();
        }
    }
}
