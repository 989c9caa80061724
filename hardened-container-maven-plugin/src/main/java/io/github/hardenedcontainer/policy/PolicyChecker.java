package io.github.hardenedcontainer.policy;

import io.github.hardenedcontainer.parse.DockerInstruction;
import io.github.hardenedcontainer.parse.DockerfileParser;
import io.github.hardenedcontainer.parse.DockerfileSyntaxException;
import io.github.hardenedcontainer.parse.YamlFile;
import io.github.hardenedcontainer.parse.YamlFile.YNode;
import java.util.ArrayList;
import java.util.List;

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
            return DockerfileChecks.check(path, DockerfileParser.parse(text), strict);
        } catch (DockerfileSyntaxException e) {
            return List.of(new Finding(Rule.VF003, path, e.line(), "does not parse: " + e.getMessage()));
        }
    }

    public List<Finding> compose(String path, String text) {
        try {
            return ComposeChecks.check(path, YamlFile.parse(text));
        } catch (YamlFile.YamlSyntaxException e) {
            return List.of(new Finding(Rule.VF003, path, e.line(), "does not parse as YAML: " + e.getMessage()));
        }
    }

    public List<Finding> workflow(String path, String text) {
        try {
            YNode root = YamlFile.parse(text);
            List<Finding> findings = new ArrayList<>(WorkflowChecks.check(path, text, root));
            findings.addAll(WorkflowChecks.checkSarifUploads(path, root));
            return findings;
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
