package io.github.hardenedcontainer.policy;

import io.github.hardenedcontainer.model.SecretNames;
import io.github.hardenedcontainer.parse.YamlFile.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Kubernetes rules (K8001 to K8014) over one service's Kubernetes files: one method a rule, each on the same
 * view of a workload ({@link Workload}), dispatched from the catalogue's identifiers. The pod rules apply to every workload
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

    /** Each Kubernetes rule's own unit; every one reads the same view of a workload. */
    static final RuleUnits<Workload> RULES = new RuleUnits<>(Map.ofEntries(
            Map.entry(Rule.K8001, KubernetesChecks::nonRoot),
            Map.entry(Rule.K8002, KubernetesChecks::noPrivilegeEscalation),
            Map.entry(Rule.K8003, KubernetesChecks::capabilities),
            Map.entry(Rule.K8004, KubernetesChecks::seccomp),
            Map.entry(Rule.K8005, KubernetesChecks::noHostAccess),
            Map.entry(Rule.K8006, KubernetesChecks::restrictedVolumes),
            Map.entry(Rule.K8007, KubernetesChecks::readOnlyRoot),
            Map.entry(Rule.K8008, KubernetesChecks::resources),
            Map.entry(Rule.K8009, KubernetesChecks::probes),
            Map.entry(Rule.K8010, KubernetesChecks::serviceAccount),
            Map.entry(Rule.K8011, KubernetesChecks::pinnedImage),
            Map.entry(Rule.K8012, KubernetesChecks::noSecretsInEnvironment),
            Map.entry(Rule.K8013, KubernetesChecks::networkPolicy),
            Map.entry(Rule.K8014, KubernetesChecks::availability)));

    static List<Finding> check(List<KubeObject> objects) {
        List<Finding> findings = new ArrayList<>();
        for (KubeObject object : objects) {
            if (!WORKLOADS.contains(object.kind())) {
                continue;
            }
            Optional<YNode> template = podTemplate(object);
            if (template.isEmpty()) {
                continue;
            }
            String what = object.kind() + " " + object.name();
            Optional<YNode> spec = template.get().get("spec");
            if (spec.isEmpty()) {
                findings.add(new Finding(Rule.VF003, object.file(), template.get().line(), what + " has no pod spec"));
                continue;
            }
            Workload workload = Workload.of(object, template.get(), spec.get(), objects);
            if (workload.appContainers().isEmpty()) {
                findings.add(new Finding(Rule.VF003, object.file(), spec.get().line(), what + " has no containers"));
            }
            findings.addAll(RULES.check(workload));
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

    /**
     * A workload as the rules read it: its object, its pod template and pod spec, the pod's security context, its
     * app containers and every container (init and ephemeral ones too), its volumes by name, its pods' labels, and
     * all the objects given together (for the NetworkPolicy, the PodDisruptionBudget and the autoscaler).
     */
    record Workload(KubeObject object, YNode template, YNode pod, YNode podContext, List<YNode> appContainers,
            List<YNode> every, Map<String, YNode> volumes, Map<String, String> labels, List<KubeObject> all) {

        static Workload of(KubeObject object, YNode template, YNode pod, List<KubeObject> all) {
            List<YNode> app = pod.get("containers").map(YNode::items).orElse(List.of());
            List<YNode> every = new ArrayList<>(app);
            every.addAll(pod.get("initContainers").map(YNode::items).orElse(List.of()));
            every.addAll(pod.get("ephemeralContainers").map(YNode::items).orElse(List.of()));
            Map<String, YNode> volumes = new java.util.LinkedHashMap<>();
            for (YNode volume : pod.get("volumes").map(YNode::items).orElse(List.of())) {
                volumes.put(volume.get("name").flatMap(YNode::text).orElse(""), volume);
            }
            Map<String, String> labels = new java.util.LinkedHashMap<>();
            template.at("metadata", "labels").map(YNode::entries).orElse(Map.of())
                    .forEach((k, v) -> labels.put(k, v.textOr("")));
            return new Workload(object, template, pod, pod.get("securityContext").orElse(null), app, every, volumes,
                    labels, all);
        }

        String file() {
            return object.file();
        }

        String what() {
            return object.kind() + " " + object.name();
        }

        /** How a finding names a container: {@code Deployment orders container app}. */
        String name(YNode container) {
            return what() + " container " + container.get("name").flatMap(YNode::text).orElse("?");
        }

        /** A container's own security context, or null. */
        static YNode context(YNode container) {
            return container.get("securityContext").orElse(null);
        }

        /** The line a container's security-context finding points at: the context's, else the container's. */
        static int contextLine(YNode container) {
            YNode context = context(container);
            return context == null ? container.line() : context.line();
        }

        Finding finding(Rule rule, int line, String message) {
            return new Finding(rule, file(), line, message);
        }
    }

    /** K8001: every container runs as non-root with a non-zero user and group (its own, else the pod's). */
    private static List<Finding> nonRoot(Workload w) {
        List<Finding> findings = new ArrayList<>();
        if (w.podContext() != null) {
            // The restricted profile refuses user or group 0 at the pod level even where every container sets its own.
            for (String key : List.of("runAsUser", "runAsGroup")) {
                if (w.podContext().get(key).flatMap(YNode::text).map("0"::equals).orElse(false)) {
                    findings.add(w.finding(Rule.K8001, w.podContext().keyLine(key), w.what() + " sets " + key
                            + " 0 (root) for its pod"));
                }
            }
        }
        for (YNode container : w.every()) {
            YNode context = Workload.context(container);
            int at = Workload.contextLine(container);
            String c = w.name(container);
            if (!isTrue(effective(context, w.podContext(), "runAsNonRoot"))) {
                findings.add(w.finding(Rule.K8001, at, c + " may run as root (runAsNonRoot is not true)"));
            }
            for (String key : List.of("runAsUser", "runAsGroup")) {
                Optional<String> id = effective(context, w.podContext(), key).flatMap(YNode::text);
                if (id.isEmpty()) {
                    findings.add(w.finding(Rule.K8001, at, c + " sets no " + key + ": it runs as the image's user"));
                } else if (id.get().equals("0")) {
                    findings.add(w.finding(Rule.K8001, at, c + " runs with " + key + " 0 (root)"));
                }
            }
        }
        return findings;
    }

    /** K8002: allowPrivilegeEscalation: false on every container (a container field only). */
    private static List<Finding> noPrivilegeEscalation(Workload w) {
        List<Finding> findings = new ArrayList<>();
        for (YNode container : w.every()) {
            YNode context = Workload.context(container);
            if (context == null || !isFalse(context.get("allowPrivilegeEscalation"))) {
                findings.add(w.finding(Rule.K8002, Workload.contextLine(container), w.name(container)
                        + " can gain privileges (allowPrivilegeEscalation is not false)"));
            }
        }
        return findings;
    }

    /** K8003: capabilities drop [ALL] and add nothing but NET_BIND_SERVICE (container fields only). */
    private static List<Finding> capabilities(Workload w) {
        List<Finding> findings = new ArrayList<>();
        for (YNode container : w.every()) {
            YNode context = Workload.context(container);
            int at = Workload.contextLine(container);
            List<String> drop = context == null ? List.of()
                    : context.at("capabilities", "drop").map(YNode::texts).orElse(List.of());
            if (!drop.contains("ALL")) {
                findings.add(w.finding(Rule.K8003, at, w.name(container)
                        + " keeps the runtime's default capabilities (no drop: [ALL])"));
            }
            List<String> add = context == null ? List.of()
                    : context.at("capabilities", "add").map(YNode::texts).orElse(List.of());
            for (String capability : add) {
                if (!capability.equals("NET_BIND_SERVICE")) {
                    findings.add(w.finding(Rule.K8003, at, w.name(container) + " adds the capability " + capability));
                }
            }
        }
        return findings;
    }

    /** K8004: a RuntimeDefault or Localhost seccomp profile for every container (its own, else the pod's). */
    private static List<Finding> seccomp(Workload w) {
        List<Finding> findings = new ArrayList<>();
        for (YNode container : w.every()) {
            String seccomp = effective(Workload.context(container), w.podContext(), "seccompProfile")
                    .flatMap(p -> p.get("type")).flatMap(YNode::text).orElse("");
            if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
                findings.add(w.finding(Rule.K8004, Workload.contextLine(container), w.name(container)
                        + (seccomp.isEmpty() ? " sets no seccomp profile" : " runs with seccomp profile " + seccomp)));
            }
        }
        return findings;
    }

    /**
     * K8005: nothing of the host: no host namespaces, sysctls outside the baseline list, hostPath volumes, host
     * ports, privileged containers, an unmasked /proc, AppArmor unconfined or another SELinux type.
     */
    private static List<Finding> noHostAccess(Workload w) {
        List<Finding> findings = new ArrayList<>();
        YNode pod = w.pod();
        for (String key : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (isTrue(pod.get(key))) {
                findings.add(w.finding(Rule.K8005, pod.keyLine(key), w.what() + " shares the host's "
                        + key.substring(4) + " namespace (" + key + ": true)"));
            }
        }
        if (w.podContext() != null) {
            for (YNode sysctl : w.podContext().get("sysctls").map(YNode::items).orElse(List.of())) {
                String name = sysctl.get("name").flatMap(YNode::text).orElse("");
                if (!SAFE_SYSCTLS.contains(name)) {
                    findings.add(w.finding(Rule.K8005, sysctl.line(), w.what() + " sets the sysctl " + name
                            + ", which the baseline profile does not allow"));
                }
            }
        }
        w.volumes().forEach((name, volume) -> {
            if (volume.get("hostPath").isPresent()) {
                findings.add(w.finding(Rule.K8005, volume.line(), w.what() + " mounts the host path "
                        + volume.at("hostPath", "path").flatMap(YNode::text).orElse("?") + " (volume " + name + ")"));
            }
        });
        for (YNode container : w.every()) {
            String c = w.name(container);
            for (YNode port : container.get("ports").map(YNode::items).orElse(List.of())) {
                if (port.get("hostPort").flatMap(YNode::text).map(p -> !p.equals("0")).orElse(false)) {
                    findings.add(w.finding(Rule.K8005, port.keyLine("hostPort"), c + " binds host port "
                            + port.get("hostPort").flatMap(YNode::text).orElse("")));
                }
            }
            YNode context = Workload.context(container);
            int at = Workload.contextLine(container);
            if (context != null && isTrue(context.get("privileged"))) {
                findings.add(w.finding(Rule.K8005, context.keyLine("privileged"), c + " is privileged"));
            }
            if (context != null && context.get("procMount").flatMap(YNode::text).map("Unmasked"::equals).orElse(false)) {
                findings.add(w.finding(Rule.K8005, context.keyLine("procMount"), c + " sees an unmasked /proc"));
            }
            if (effective(context, w.podContext(), "appArmorProfile").flatMap(p -> p.get("type")).flatMap(YNode::text)
                    .map("Unconfined"::equals).orElse(false)) {
                findings.add(w.finding(Rule.K8005, at, c + " runs without AppArmor (Unconfined)"));
            }
            effective(context, w.podContext(), "seLinuxOptions").flatMap(o -> o.get("type")).flatMap(YNode::text)
                    .filter(type -> !SELINUX_TYPES.contains(type))
                    .ifPresent(type -> findings.add(w.finding(Rule.K8005, at, c + " runs with SELinux type " + type)));
        }
        return findings;
    }

    /** K8006: only the volume kinds the restricted profile allows (hostPath is K8005's). */
    private static List<Finding> restrictedVolumes(Workload w) {
        List<Finding> findings = new ArrayList<>();
        w.volumes().forEach((name, volume) -> {
            for (String source : volume.entries().keySet()) {
                if (!source.equals("name") && !source.equals("hostPath") && !RESTRICTED_VOLUMES.contains(source)) {
                    findings.add(w.finding(Rule.K8006, volume.line(), w.what() + " has a " + source + " volume ("
                            + name + "), which the restricted profile does not allow"));
                }
            }
        });
        return findings;
    }

    /** K8007: a read-only root filesystem on every container, with an emptyDir at /tmp. */
    private static List<Finding> readOnlyRoot(Workload w) {
        List<Finding> findings = new ArrayList<>();
        boolean tmpVolume = false;
        for (YNode container : w.every()) {
            YNode context = Workload.context(container);
            if (context == null || !isTrue(context.get("readOnlyRootFilesystem"))) {
                findings.add(w.finding(Rule.K8007, Workload.contextLine(container), w.name(container)
                        + " has a writable root filesystem"));
            }
            for (YNode mount : container.get("volumeMounts").map(YNode::items).orElse(List.of())) {
                YNode volume = w.volumes().get(mount.get("name").flatMap(YNode::text).orElse(""));
                if (mount.get("mountPath").flatMap(YNode::text).map("/tmp"::equals).orElse(false) && volume != null
                        && volume.get("emptyDir").isPresent()) {
                    tmpVolume = true;
                }
            }
        }
        boolean readOnly = w.every().stream().allMatch(c -> isTrue(c.at("securityContext", "readOnlyRootFilesystem")));
        if (readOnly && !tmpVolume && !w.every().isEmpty()) {
            findings.add(w.finding(Rule.K8007, w.pod().line(), w.what() + " has a read-only root but no emptyDir at"
                    + " /tmp (the JVM and most libraries write temporary files there)"));
        }
        return findings;
    }

    /** K8008: CPU and memory requests and limits on every container. */
    private static List<Finding> resources(Workload w) {
        List<Finding> findings = new ArrayList<>();
        for (YNode container : w.every()) {
            for (String section : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (container.at("resources", section, resource).flatMap(YNode::text).filter(v -> !v.isBlank())
                            .isEmpty()) {
                        findings.add(w.finding(Rule.K8008, container.get("resources").map(YNode::line)
                                .orElse(container.line()), w.name(container) + " sets no " + resource + " "
                                + section.replaceAll("s$", "")));
                    }
                }
            }
        }
        return findings;
    }

    /** K8009: startup, liveness and readiness probes on the app containers (init containers run to completion). */
    private static List<Finding> probes(Workload w) {
        List<Finding> findings = new ArrayList<>();
        for (YNode container : w.appContainers()) {
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                if (container.get(probe).isEmpty()) {
                    findings.add(w.finding(Rule.K8009, container.line(), w.name(container) + " has no " + probe));
                }
            }
        }
        return findings;
    }

    /** K8010: no service account token mounted, and a service account of its own. */
    private static List<Finding> serviceAccount(Workload w) {
        List<Finding> findings = new ArrayList<>();
        YNode pod = w.pod();
        if (!isFalse(pod.get("automountServiceAccountToken"))) {
            findings.add(w.finding(Rule.K8010, pod.keyLine("automountServiceAccountToken"), w.what()
                    + " mounts a service account token (automountServiceAccountToken is not false)"));
        }
        if (pod.get("serviceAccountName").flatMap(YNode::text).orElse("default").equals("default")) {
            findings.add(w.finding(Rule.K8010, pod.keyLine("serviceAccountName"), w.what()
                    + " runs as the namespace's default service account"));
        }
        return findings;
    }

    /** K8011: every container names its image with a tag other than latest, or a digest. */
    private static List<Finding> pinnedImage(Workload w) {
        List<Finding> findings = new ArrayList<>();
        for (YNode container : w.every()) {
            String image = container.get("image").flatMap(YNode::text).orElse("");
            if (image.isEmpty()) {
                findings.add(w.finding(Rule.K8011, container.line(), w.name(container) + " names no image"));
            } else if (!image.contains("@sha256:")) {
                String lastPart = image.substring(image.lastIndexOf('/') + 1);
                int colon = lastPart.indexOf(':');
                String tag = colon < 0 ? "" : lastPart.substring(colon + 1);
                if (tag.isEmpty() || tag.equals("latest")) {
                    findings.add(w.finding(Rule.K8011, container.keyLine("image"), w.name(container) + " runs " + image
                            + (tag.isEmpty() ? ", without a tag (that is latest)" : "") + ": a moving target"));
                }
            }
        }
        return findings;
    }

    /** K8012: no secret in an environment: not as a literal, not inside a value, not from a Secret. */
    private static List<Finding> noSecretsInEnvironment(Workload w) {
        List<Finding> findings = new ArrayList<>();
        for (YNode container : w.every()) {
            String c = w.name(container);
            for (YNode env : container.get("env").map(YNode::items).orElse(List.of())) {
                String name = env.get("name").flatMap(YNode::text).orElse("");
                Optional<String> value = env.get("value").flatMap(YNode::text).filter(v -> !v.isEmpty());
                if (value.isEmpty()) {
                    if (env.at("valueFrom", "secretKeyRef").isPresent()) {
                        findings.add(w.finding(Rule.K8012, env.line(), c + " puts the secret " + name
                                + " into its environment, where it leaks to child processes and crash reports"));
                    }
                    continue;
                }
                boolean path = value.get().startsWith("/");
                if ((SecretNames.holdsSecret(name) && !path) || SecretNames.valueHoldsSecret(value.get())) {
                    findings.add(w.finding(Rule.K8012, env.line(), c + " has a secret value in its environment ("
                            + name + ")"));
                }
            }
            for (YNode from : container.get("envFrom").map(YNode::items).orElse(List.of())) {
                if (from.get("secretRef").isPresent()) {
                    findings.add(w.finding(Rule.K8012, from.line(), c + " loads a whole Secret into its environment"
                            + " (envFrom secretRef)"));
                }
            }
        }
        return findings;
    }

    /** K8013: a NetworkPolicy selects the pods of a long-running workload and limits both directions. */
    private static List<Finding> networkPolicy(Workload w) {
        KubeObject object = w.object();
        if (object.kind().equals("Job") || object.kind().equals("CronJob")) {
            return List.of();
        }
        Map<String, String> labels = w.labels();
        boolean isolated = w.all().stream().filter(o -> o.kind().equals("NetworkPolicy")).anyMatch(policy -> {
            Optional<YNode> selector = policy.node().at("spec", "podSelector");
            List<String> types = policy.node().at("spec", "policyTypes").map(YNode::texts).orElse(List.of());
            return selector.isPresent() && selects(selector.get(), labels)
                    && types.contains("Ingress") && types.contains("Egress");
        });
        return isolated ? List.of() : List.of(w.finding(Rule.K8013, object.node().line(), w.what() + ": no"
                + " NetworkPolicy selects its pods with policyTypes [Ingress, Egress], so they may reach and be"
                + " reached by anything"));
    }

    /** K8014: a Deployment or StatefulSet keeps 2 or more pods, a disruption budget, a safe rollout and spread. */
    private static List<Finding> availability(Workload w) {
        KubeObject object = w.object();
        if (!object.kind().equals("Deployment") && !object.kind().equals("StatefulSet")) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, String> labels = w.labels();
        YNode spec = object.node().get("spec").get();
        boolean autoscaled = w.all().stream().filter(o -> o.kind().equals("HorizontalPodAutoscaler")).anyMatch(hpa ->
                hpa.node().at("spec", "scaleTargetRef", "kind").flatMap(YNode::text).map(object.kind()::equals)
                        .orElse(false)
                && hpa.node().at("spec", "scaleTargetRef", "name").flatMap(YNode::text).map(object.name()::equals)
                        .orElse(false)
                && hpa.node().at("spec", "minReplicas").flatMap(YNode::text).map(KubernetesChecks::number)
                        .orElse(1) >= 2);
        int replicas = spec.get("replicas").flatMap(YNode::text).map(KubernetesChecks::number).orElse(1);
        if (!autoscaled && replicas < 2) {
            findings.add(w.finding(Rule.K8014, spec.keyLine("replicas"), w.what() + " runs " + replicas
                    + " pod(s) and no autoscaler keeps 2 or more: one node or one crash takes the service down"));
        }
        boolean budget = w.all().stream().filter(o -> o.kind().equals("PodDisruptionBudget")).anyMatch(pdb ->
                pdb.node().at("spec", "selector").map(s -> selects(s, labels)).orElse(false));
        if (!budget) {
            findings.add(w.finding(Rule.K8014, object.node().line(), w.what() + ": no PodDisruptionBudget selects its"
                    + " pods, so a node drain may evict them all at once"));
        }
        if (object.kind().equals("Deployment")) {
            String type = spec.at("strategy", "type").flatMap(YNode::text).orElse("RollingUpdate");
            String unavailable = spec.at("strategy", "rollingUpdate", "maxUnavailable").flatMap(YNode::text)
                    .orElse("25%");
            if (!type.equals("RollingUpdate") || !(unavailable.equals("0") || unavailable.equals("0%"))) {
                findings.add(w.finding(Rule.K8014, spec.keyLine("strategy"), w.what() + " may take pods away before"
                        + " their replacements are ready (strategy " + type + ", maxUnavailable " + unavailable + ")"));
            }
        }
        boolean spread = w.pod().get("topologySpreadConstraints").map(YNode::items).orElse(List.of()).stream()
                .anyMatch(c -> c.get("topologyKey").flatMap(YNode::text).isPresent())
                || w.pod().at("affinity", "podAntiAffinity").isPresent();
        if (!spread) {
            findings.add(w.finding(Rule.K8014, w.pod().line(), w.what() + " does not spread its pods across nodes"
                    + " (no topologySpreadConstraints or podAntiAffinity)"));
        }
        return findings;
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
