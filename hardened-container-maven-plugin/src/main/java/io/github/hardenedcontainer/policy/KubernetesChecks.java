package io.github.hardenedcontainer.policy;

import io.github.hardenedcontainer.parse.YamlFile.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Kubernetes rules (K8001 to K8014) over one service's Kubernetes files. The pod rules apply to every workload
 * kind that holds a pod template (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob) and to bare Pods,
 * and to each of its containers, init containers and ephemeral containers. A container's own securityContext wins
 * over the pod's, as the kubelet applies them. The rules that need more than one object (the NetworkPolicy, the
 * PodDisruptionBudget, the autoscaler) look at all the files given together.
 */
final class KubernetesChecks {

    /** A parsed object and the file it came from. */
    record KubeObject(String file, YNode node) {
        String kind() {
            return node.get("kind").flatMap(YNode::text).orElse("");
        }

        String name() {
            return node.at("metadata", "name").flatMap(YNode::text).orElse("(unnamed)");
        }
    }

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "Job", "CronJob", "Pod");
    /** The volume kinds the "restricted" profile allows. */
    private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");
    /** The sysctls the "baseline" profile allows. */
    private static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");
    /** The SELinux types the "baseline" profile allows. */
    private static final Set<String> SELINUX_TYPES = Set.of("container_t", "container_init_t", "container_kvm_t",
            "container_engine_t");

    private KubernetesChecks() {
    }

    static List<Finding> check(List<KubeObject> objects) {
        List<Finding> findings = new ArrayList<>();
        for (KubeObject object : objects) {
            if (WORKLOADS.contains(object.kind())) {
                podTemplate(object).ifPresent(template -> workload(object, template, objects, findings));
            }
        }
        return findings;
    }

    /** The pod template of a workload (for a Pod, the object itself): metadata and spec. */
    private static Optional<YNode> podTemplate(KubeObject object) {
        return switch (object.kind()) {
            case "Pod" -> Optional.of(object.node());
            case "CronJob" -> object.node().at("spec", "jobTemplate", "spec", "template");
            default -> object.node().at("spec", "template");
        };
    }

    private static void workload(KubeObject object, YNode template, List<KubeObject> all, List<Finding> findings) {
        String file = object.file();
        String what = object.kind() + " " + object.name();
        Optional<YNode> spec = template.get("spec");
        if (spec.isEmpty()) {
            findings.add(new Finding(Rule.VF003, file, template.line(), what + " has no pod spec"));
            return;
        }
        YNode pod = spec.get();
        YNode podContext = pod.get("securityContext").orElse(null);
        int podLine = pod.line();

        // K8005: the host, from the pod
        for (String key : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (isTrue(pod.get(key))) {
                findings.add(new Finding(Rule.K8005, file, pod.keyLine(key), what + " shares the host's "
                        + key.substring(4) + " namespace (" + key + ": true)"));
            }
        }
        if (podContext != null) {
            // The restricted profile refuses user or group 0 at the pod level even where every container sets its own.
            for (String key : List.of("runAsUser", "runAsGroup")) {
                if (podContext.get(key).flatMap(YNode::text).map("0"::equals).orElse(false)) {
                    findings.add(new Finding(Rule.K8001, file, podContext.keyLine(key), what + " sets " + key
                            + " 0 (root) for its pod"));
                }
            }
            podContext.get("sysctls").ifPresent(sysctls -> {
                for (YNode sysctl : sysctls.items()) {
                    String name = sysctl.get("name").flatMap(YNode::text).orElse("");
                    if (!SAFE_SYSCTLS.contains(name)) {
                        findings.add(new Finding(Rule.K8005, file, sysctl.line(), what + " sets the sysctl " + name
                                + ", which the baseline profile does not allow"));
                    }
                }
            });
        }
        // K8006 volumes, K8005 hostPath
        boolean tmpVolume = false;
        Map<String, YNode> volumesByName = new java.util.LinkedHashMap<>();
        for (YNode volume : pod.get("volumes").map(YNode::items).orElse(List.of())) {
            String name = volume.get("name").flatMap(YNode::text).orElse("");
            volumesByName.put(name, volume);
            for (String source : volume.entries().keySet()) {
                if (source.equals("name")) {
                    continue;
                }
                if (source.equals("hostPath")) {
                    findings.add(new Finding(Rule.K8005, file, volume.line(), what + " mounts the host path "
                            + volume.at("hostPath", "path").flatMap(YNode::text).orElse("?") + " (volume " + name + ")"));
                } else if (!RESTRICTED_VOLUMES.contains(source)) {
                    findings.add(new Finding(Rule.K8006, file, volume.line(), what + " has a " + source + " volume ("
                            + name + "), which the restricted profile does not allow"));
                }
            }
        }
        // K8010 service account
        if (!isFalse(pod.get("automountServiceAccountToken"))) {
            findings.add(new Finding(Rule.K8010, file, pod.keyLine("automountServiceAccountToken"), what
                    + " mounts a service account token (automountServiceAccountToken is not false)"));
        }
        String account = pod.get("serviceAccountName").flatMap(YNode::text).orElse("default");
        if (account.equals("default")) {
            findings.add(new Finding(Rule.K8010, file, pod.keyLine("serviceAccountName"), what
                    + " runs as the namespace's default service account"));
        }

        List<YNode> appContainers = pod.get("containers").map(YNode::items).orElse(List.of());
        List<YNode> every = new ArrayList<>(appContainers);
        every.addAll(pod.get("initContainers").map(YNode::items).orElse(List.of()));
        every.addAll(pod.get("ephemeralContainers").map(YNode::items).orElse(List.of()));
        if (appContainers.isEmpty()) {
            findings.add(new Finding(Rule.VF003, file, podLine, what + " has no containers"));
        }
        for (YNode container : every) {
            String c = what + " container " + container.get("name").flatMap(YNode::text).orElse("?");
            YNode context = container.get("securityContext").orElse(null);
            int line = container.line();
            boolean app = appContainers.contains(container);
            containerContext(file, c, line, context, podContext, findings);
            // K8005 host ports
            for (YNode port : container.get("ports").map(YNode::items).orElse(List.of())) {
                if (port.get("hostPort").flatMap(YNode::text).map(p -> !p.equals("0")).orElse(false)) {
                    findings.add(new Finding(Rule.K8005, file, port.keyLine("hostPort"), c + " binds host port "
                            + port.get("hostPort").flatMap(YNode::text).orElse("")));
                }
            }
            // K8007 a writable /tmp on a read-only root
            for (YNode mount : container.get("volumeMounts").map(YNode::items).orElse(List.of())) {
                String path = mount.get("mountPath").flatMap(YNode::text).orElse("");
                YNode volume = volumesByName.get(mount.get("name").flatMap(YNode::text).orElse(""));
                if (path.equals("/tmp") && volume != null && volume.get("emptyDir").isPresent()) {
                    tmpVolume = true;
                }
            }
            // K8008 resources
            for (String section : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (container.at("resources", section, resource).flatMap(YNode::text).filter(v -> !v.isBlank())
                            .isEmpty()) {
                        findings.add(new Finding(Rule.K8008, file, container.get("resources").map(YNode::line)
                                .orElse(line), c + " sets no " + resource + " " + section.replaceAll("s$", "")));
                    }
                }
            }
            // K8009 probes, on the app containers (init containers run to completion)
            if (app) {
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    if (container.get(probe).isEmpty()) {
                        findings.add(new Finding(Rule.K8009, file, line, c + " has no " + probe));
                    }
                }
            }
            // K8011 image
            String image = container.get("image").flatMap(YNode::text).orElse("");
            if (image.isEmpty()) {
                findings.add(new Finding(Rule.K8011, file, line, c + " names no image"));
            } else if (!image.contains("@sha256:")) {
                String lastPart = image.substring(image.lastIndexOf('/') + 1);
                int colon = lastPart.indexOf(':');
                String tag = colon < 0 ? "" : lastPart.substring(colon + 1);
                if (tag.isEmpty() || tag.equals("latest")) {
                    findings.add(new Finding(Rule.K8011, file, container.keyLine("image"), c + " runs " + image
                            + (tag.isEmpty() ? ", without a tag (that is latest)" : "") + ": a moving target"));
                }
            }
            // K8012 secrets in the environment
            for (YNode env : container.get("env").map(YNode::items).orElse(List.of())) {
                String name = env.get("name").flatMap(YNode::text).orElse("");
                Optional<String> value = env.get("value").flatMap(YNode::text).filter(v -> !v.isEmpty());
                if (value.isEmpty()) {
                    if (env.at("valueFrom", "secretKeyRef").isPresent()) {
                        findings.add(new Finding(Rule.K8012, file, env.line(), c + " puts the secret " + name
                                + " into its environment, where it leaks to child processes and crash reports"));
                    }
                    continue;
                }
                boolean path = value.get().startsWith("/");
                if ((io.github.hardenedcontainer.model.SecretNames.holdsSecret(name) && !path)
                        || io.github.hardenedcontainer.model.SecretNames.valueHoldsSecret(value.get())) {
                    findings.add(new Finding(Rule.K8012, file, env.line(), c + " has a secret value in its"
                            + " environment (" + name + ")"));
                }
            }
            for (YNode from : container.get("envFrom").map(YNode::items).orElse(List.of())) {
                if (from.get("secretRef").isPresent()) {
                    findings.add(new Finding(Rule.K8012, file, from.line(), c + " loads a whole Secret into its"
                            + " environment (envFrom secretRef)"));
                }
            }
        }
        boolean readOnly = every.stream().allMatch(c -> isTrue(c.at("securityContext", "readOnlyRootFilesystem")));
        if (readOnly && !tmpVolume && !every.isEmpty()) {
            findings.add(new Finding(Rule.K8007, file, podLine, what + " has a read-only root but no emptyDir at /tmp"
                    + " (the JVM and most libraries write temporary files there)"));
        }
        availability(object, template, all, findings);
    }

    /** The rules of one container's effective security context: its own fields, else the pod's. */
    private static void containerContext(String file, String c, int line, YNode context, YNode podContext,
            List<Finding> findings) {
        int at = context == null ? line : context.line();
        // K8001 non-root
        Optional<YNode> nonRoot = effective(context, podContext, "runAsNonRoot");
        if (!isTrue(nonRoot)) {
            findings.add(new Finding(Rule.K8001, file, at, c + " may run as root (runAsNonRoot is not true)"));
        }
        for (String key : List.of("runAsUser", "runAsGroup")) {
            Optional<String> id = effective(context, podContext, key).flatMap(YNode::text);
            if (id.isEmpty()) {
                findings.add(new Finding(Rule.K8001, file, at, c + " sets no " + key + ": it runs as the image's user"));
            } else if (id.get().equals("0")) {
                findings.add(new Finding(Rule.K8001, file, at, c + " runs with " + key + " 0 (root)"));
            }
        }
        // K8002 privilege escalation (container only)
        if (context == null || !isFalse(context.get("allowPrivilegeEscalation"))) {
            findings.add(new Finding(Rule.K8002, file, at, c + " can gain privileges (allowPrivilegeEscalation is"
                    + " not false)"));
        }
        // K8003 capabilities (container only)
        List<String> drop = context == null ? List.of()
                : context.at("capabilities", "drop").map(YNode::texts).orElse(List.of());
        if (!drop.contains("ALL")) {
            findings.add(new Finding(Rule.K8003, file, at, c + " keeps the runtime's default capabilities (no drop: [ALL])"));
        }
        List<String> add = context == null ? List.of()
                : context.at("capabilities", "add").map(YNode::texts).orElse(List.of());
        for (String capability : add) {
            if (!capability.equals("NET_BIND_SERVICE")) {
                findings.add(new Finding(Rule.K8003, file, at, c + " adds the capability " + capability));
            }
        }
        // K8004 seccomp
        String seccomp = effective(context, podContext, "seccompProfile").flatMap(p -> p.get("type"))
                .flatMap(YNode::text).orElse("");
        if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
            findings.add(new Finding(Rule.K8004, file, at, c + (seccomp.isEmpty() ? " sets no seccomp profile"
                    : " runs with seccomp profile " + seccomp)));
        }
        // K8005 privileged, /proc, AppArmor, SELinux
        if (context != null && isTrue(context.get("privileged"))) {
            findings.add(new Finding(Rule.K8005, file, context.keyLine("privileged"), c + " is privileged"));
        }
        if (context != null && context.get("procMount").flatMap(YNode::text).map("Unmasked"::equals).orElse(false)) {
            findings.add(new Finding(Rule.K8005, file, context.keyLine("procMount"), c + " sees an unmasked /proc"));
        }
        if (effective(context, podContext, "appArmorProfile").flatMap(p -> p.get("type")).flatMap(YNode::text)
                .map("Unconfined"::equals).orElse(false)) {
            findings.add(new Finding(Rule.K8005, file, at, c + " runs without AppArmor (Unconfined)"));
        }
        effective(context, podContext, "seLinuxOptions").flatMap(o -> o.get("type")).flatMap(YNode::text)
                .filter(type -> !SELINUX_TYPES.contains(type))
                .ifPresent(type -> findings.add(new Finding(Rule.K8005, file, at, c + " runs with SELinux type " + type)));
        // K8007 read-only root (container only)
        if (context == null || !isTrue(context.get("readOnlyRootFilesystem"))) {
            findings.add(new Finding(Rule.K8007, file, at, c + " has a writable root filesystem"));
        }
    }

    /** K8013 and K8014: the objects around the pods. */
    private static void availability(KubeObject object, YNode template, List<KubeObject> all, List<Finding> findings) {
        String file = object.file();
        String what = object.kind() + " " + object.name();
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        template.at("metadata", "labels").map(YNode::entries).orElse(Map.of())
                .forEach((k, v) -> labels.put(k, v.textOr("")));
        // K8013: a NetworkPolicy that selects these pods, both directions
        boolean isolated = all.stream().filter(o -> o.kind().equals("NetworkPolicy")).anyMatch(policy -> {
            Optional<YNode> selector = policy.node().at("spec", "podSelector");
            List<String> types = policy.node().at("spec", "policyTypes").map(YNode::texts).orElse(List.of());
            return selector.isPresent() && selects(selector.get(), labels)
                    && types.contains("Ingress") && types.contains("Egress");
        });
        if (!isolated && !object.kind().equals("Job") && !object.kind().equals("CronJob")) {
            findings.add(new Finding(Rule.K8013, file, object.node().line(), what + ": no NetworkPolicy selects its"
                    + " pods with policyTypes [Ingress, Egress], so they may reach and be reached by anything"));
        }
        if (!object.kind().equals("Deployment") && !object.kind().equals("StatefulSet")) {
            return;
        }
        // K8014: replicas (or an autoscaler), a disruption budget, a safe rollout, spread
        YNode spec = object.node().get("spec").get();
        boolean autoscaled = all.stream().filter(o -> o.kind().equals("HorizontalPodAutoscaler")).anyMatch(hpa ->
                hpa.node().at("spec", "scaleTargetRef", "kind").flatMap(YNode::text).map(object.kind()::equals)
                        .orElse(false)
                && hpa.node().at("spec", "scaleTargetRef", "name").flatMap(YNode::text).map(object.name()::equals)
                        .orElse(false)
                && hpa.node().at("spec", "minReplicas").flatMap(YNode::text).map(KubernetesChecks::number)
                        .orElse(1) >= 2);
        int replicas = spec.get("replicas").flatMap(YNode::text).map(KubernetesChecks::number).orElse(1);
        if (!autoscaled && replicas < 2) {
            findings.add(new Finding(Rule.K8014, file, spec.keyLine("replicas"), what + " runs " + replicas
                    + " pod(s) and no autoscaler keeps 2 or more: one node or one crash takes the service down"));
        }
        boolean budget = all.stream().filter(o -> o.kind().equals("PodDisruptionBudget")).anyMatch(pdb ->
                pdb.node().at("spec", "selector").map(s -> selects(s, labels)).orElse(false));
        if (!budget) {
            findings.add(new Finding(Rule.K8014, file, object.node().line(), what + ": no PodDisruptionBudget"
                    + " selects its pods, so a node drain may evict them all at once"));
        }
        if (object.kind().equals("Deployment")) {
            String type = spec.at("strategy", "type").flatMap(YNode::text).orElse("RollingUpdate");
            String unavailable = spec.at("strategy", "rollingUpdate", "maxUnavailable").flatMap(YNode::text)
                    .orElse("25%");
            if (!type.equals("RollingUpdate") || !(unavailable.equals("0") || unavailable.equals("0%"))) {
                findings.add(new Finding(Rule.K8014, file, spec.keyLine("strategy"), what + " may take pods away"
                        + " before their replacements are ready (strategy " + type + ", maxUnavailable "
                        + unavailable + ")"));
            }
        }
        YNode pod = template.get("spec").get();
        boolean spread = pod.get("topologySpreadConstraints").map(YNode::items).orElse(List.of()).stream()
                .anyMatch(c -> c.get("topologyKey").flatMap(YNode::text).isPresent())
                || pod.at("affinity", "podAntiAffinity").isPresent();
        if (!spread) {
            findings.add(new Finding(Rule.K8014, file, pod.line(), what + " does not spread its pods across nodes"
                    + " (no topologySpreadConstraints or podAntiAffinity)"));
        }
    }

    /** Whether a label selector (matchLabels, or a bare map as a Service's) selects pods with these labels. */
    private static boolean selects(YNode selector, Map<String, String> labels) {
        Map<String, YNode> match = selector.get("matchLabels").map(YNode::entries).orElse(Map.of());
        if (match.isEmpty() && selector.get("matchExpressions").isEmpty()) {
            return true; // an empty selector selects every pod of the namespace
        }
        for (Map.Entry<String, YNode> e : match.entrySet()) {
            if (!e.getValue().textOr("").equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return selector.get("matchExpressions").isEmpty();
    }

    /** A container's own field, else the pod's. */
    private static Optional<YNode> effective(YNode context, YNode podContext, String key) {
        Optional<YNode> own = context == null ? Optional.empty() : context.get(key);
        return own.isPresent() ? own : podContext == null ? Optional.empty() : podContext.get(key);
    }

    private static boolean isTrue(Optional<YNode> node) {
        return node.flatMap(YNode::text).map("true"::equals).orElse(false);
    }

    private static boolean isFalse(Optional<YNode> node) {
        return node.flatMap(YNode::text).map("false"::equals).orElse(false);
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
