package io.github.hardenedcontainer.policy;

import io.github.hardenedcontainer.parse.DockerInstruction;
import io.github.hardenedcontainer.parse.YamlFile.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** XF001: the Dockerfile and the compose.yaml of one service agree on port, health path, uid and tmpfs. */
final class ConsistencyChecks {

    private static final Pattern URL = Pattern.compile("https?://[^/\\s\"',\\]]+(?::(\\d+))?(/[^\\s\"',\\]]*)?");

    private ConsistencyChecks() {
    }

    static List<Finding> check(String dockerfilePath, List<DockerInstruction> dockerfile, String composePath, YNode compose) {
        List<Finding> findings = new ArrayList<>();
        Map<String, YNode> services = compose.get("services").map(YNode::entries).orElse(Map.of());
        Map.Entry<String, YNode> app = services.entrySet().stream().filter(e -> e.getValue().get("build").isPresent())
                .findFirst().orElse(null);
        if (app == null) {
            return findings;
        }
        YNode s = app.getValue();
        int finalStage = dockerfile.stream().mapToInt(DockerInstruction::stage).max().orElse(0);
        List<DockerInstruction> runtime = dockerfile.stream().filter(i -> i.stage() == finalStage).toList();

        Optional<String> exposed = runtime.stream().filter(i -> i.is("EXPOSE")).map(i -> i.arguments().trim().split("[\\s/]")[0])
                .findFirst();
        List<String> published = s.get("ports").map(YNode::texts).orElse(List.of());
        for (String port : published) {
            String container = port.substring(port.lastIndexOf(':') + 1).split("/")[0];
            if (exposed.isPresent() && !exposed.get().equals(container)) {
                findings.add(new Finding(Rule.XF001, composePath, s.keyLine("ports"), "compose publishes container port "
                        + container + " but the Dockerfile exposes " + exposed.get() + " (" + dockerfilePath + ")"));
            }
        }

        Optional<String> dockerHealth = runtime.stream().filter(i -> i.is("HEALTHCHECK")).map(i -> healthPath(i.arguments()))
                .flatMap(Optional::stream).findFirst();
        Optional<String> composeHealth = s.at("healthcheck", "test").map(t -> String.join(" ", t.texts()))
                .flatMap(ConsistencyChecks::healthPath);
        if (dockerHealth.isPresent() && composeHealth.isPresent() && !dockerHealth.get().equals(composeHealth.get())) {
            findings.add(new Finding(Rule.XF001, composePath, s.keyLine("healthcheck"), "compose checks "
                    + composeHealth.get() + " but the Dockerfile HEALTHCHECK checks " + dockerHealth.get()));
        }

        Optional<String> dockerUser = runtime.stream().filter(i -> i.is("USER")).reduce((a, b) -> b)
                .map(i -> i.arguments().trim());
        Optional<String> composeUser = s.get("user").flatMap(YNode::text);
        if (dockerUser.isPresent() && composeUser.isPresent() && !dockerUser.get().equals(composeUser.get())) {
            findings.add(new Finding(Rule.XF001, composePath, s.keyLine("user"), "compose runs as " + composeUser.get()
                    + " but the Dockerfile's USER is " + dockerUser.get()));
        }

        String tmpdir = runtime.stream().filter(i -> i.is("ENTRYPOINT") || i.is("CMD")).map(DockerInstruction::arguments)
                .map(a -> {
                    Matcher m = Pattern.compile("-Djava\\.io\\.tmpdir=([^\"\\s,]+)").matcher(a);
                    return m.find() ? m.group(1) : null;
                }).filter(java.util.Objects::nonNull).findFirst().orElse("/tmp");
        List<String> tmpfs = s.get("tmpfs").map(YNode::texts).orElse(List.of());
        if ("true".equals(s.get("read_only").flatMap(YNode::text).orElse(""))
                && tmpfs.stream().map(t -> t.split(":")[0]).noneMatch(tmpdir::equals)) {
            findings.add(new Finding(Rule.XF001, composePath, s.keyLine("tmpfs"), "the JVM writes to " + tmpdir
                    + " but compose mounts no tmpfs there on the read-only root"));
        }
        return findings;
    }

    private static Optional<String> healthPath(String text) {
        Matcher m = URL.matcher(text);
        return m.find() ? Optional.of(m.group(2) == null ? "/" : m.group(2)) : Optional.empty();
    }
}
