package io.github.hardenedcontainer.policy;

import java.util.List;

/**
 * The hardening rules {@code hardened:verify} checks, each with the IDs established scanners use for the same
 * thing, so a finding can be looked up and a waiver can cite it. The table in {@code docs/hardening-rules.md}
 * lists the same rules; a test keeps the two in step.
 */
public enum Rule {
    // Dockerfile
    DF001(Kind.DOCKERFILE, Severity.HIGH, "final stage runs as a numeric non-root USER",
            List.of("hadolint DL3002", "Trivy DS-0002", "Checkov CKV_DOCKER_3", "Checkov CKV_DOCKER_8"),
            "end the final stage with USER 10001:10001 (numeric uid:gid, not 0)"),
    DF002(Kind.DOCKERFILE, Severity.HIGH, "base images are tagged, never latest",
            List.of("hadolint DL3006", "hadolint DL3007", "Trivy DS-0001", "Checkov CKV_DOCKER_7"),
            "give every FROM image (or its ARG default) an explicit version tag"),
    DF003(Kind.DOCKERFILE, Severity.MEDIUM, "base images are pinned by @sha256 digest",
            List.of("Trivy DS-0001", "Scorecard Pinned-Dependencies"),
            "append @sha256:<digest> to the image reference (set <builderImage>/<runtimeImage> with a digest)"),
    DF004(Kind.DOCKERFILE, Severity.MEDIUM, "COPY, never ADD",
            List.of("hadolint DL3020", "Trivy DS-0005", "Checkov CKV_DOCKER_4"),
            "replace ADD with COPY; download files in a build stage with verified checksums instead"),
    DF005(Kind.DOCKERFILE, Severity.MEDIUM, "exec-form ENTRYPOINT/CMD, at most one of each in the final stage",
            List.of("hadolint DL3025", "hadolint DL4003", "hadolint DL4004", "Trivy DS-0016"),
            "write ENTRYPOINT [\"java\", ...] as a JSON array, once"),
    DF006(Kind.DOCKERFILE, Severity.MEDIUM, "exactly one HEALTHCHECK, working without curl or wget",
            List.of("hadolint DL3057", "Trivy DS-0026", "Trivy DS-0023", "Checkov CKV_DOCKER_2"),
            "add one HEALTHCHECK CMD [...] that uses the runtime (for example a small Java probe), not curl or wget"),
    DF007(Kind.DOCKERFILE, Severity.LOW, "absolute WORKDIR outside system directories; no RUN cd",
            List.of("hadolint DL3000", "hadolint DL3003", "Trivy DS-0009", "Trivy DS-0013", "Checkov CKV_DOCKER_10"),
            "use WORKDIR /app (absolute) instead of cd"),
    DF008(Kind.DOCKERFILE, Severity.LOW, "apt-get: -y --no-install-recommends, lists removed, no lone update, no dist-upgrade",
            List.of("hadolint DL3009", "hadolint DL3014", "hadolint DL3015", "hadolint DL3027", "Trivy DS-0017",
                    "Trivy DS-0029", "Checkov CKV_DOCKER_5", "Checkov CKV_DOCKER_9"),
            "use apt-get update && apt-get install -y --no-install-recommends ... && rm -rf /var/lib/apt/lists/*"),
    DF009(Kind.DOCKERFILE, Severity.MEDIUM, "no sudo; no MAINTAINER",
            List.of("hadolint DL3004", "hadolint DL4000", "Trivy DS-0010", "Trivy DS-0022", "Checkov CKV_DOCKER_6"),
            "run privileged steps before USER in a build stage; use LABEL org.opencontainers.image.authors"),
    DF010(Kind.DOCKERFILE, Severity.CRITICAL, "no secrets in ARG or ENV",
            List.of("hadolint DL3064", "Trivy DS-0031"),
            "pass secrets with RUN --mount=type=secret, never as ARG or ENV"),
    DF011(Kind.DOCKERFILE, Severity.HIGH, "TLS verification never disabled",
            List.of("Checkov CKV2_DOCKER_2..16"),
            "remove -k/--insecure, --no-check-certificate, --allow-unauthenticated and similar flags"),
    DF012(Kind.DOCKERFILE, Severity.LOW, "SHELL with pipefail before any RUN with a pipe",
            List.of("hadolint DL4006"),
            "add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before the RUN"),
    DF013(Kind.DOCKERFILE, Severity.MEDIUM, "port 22 not exposed; exposed ports in range",
            List.of("Trivy DS-0004", "Trivy DS-0008", "Checkov CKV_DOCKER_1"),
            "EXPOSE only the application port (1 to 65535, not 22)"),
    DF014(Kind.DOCKERFILE, Severity.MEDIUM, "unique stage names; COPY --from names an earlier stage",
            List.of("hadolint DL3022", "hadolint DL3023", "hadolint DL3024", "Trivy DS-0006", "Trivy DS-0012",
                    "Checkov CKV_DOCKER_11"),
            "name each stage once (FROM ... AS name) and copy only from stages defined above"),
    DF015(Kind.DOCKERFILE, Severity.LOW, "valid OCI labels (org.opencontainers.image.*)",
            List.of("hadolint DL3048..DL3058"),
            "label the runtime stage with org.opencontainers.image.title and .description; use only known keys"),
    DF016(Kind.DOCKERFILE, Severity.HIGH, "no download-then-run (curl ... | sh)",
            List.of("Scorecard Pinned-Dependencies"),
            "download to a file, verify its checksum, then run it"),
    DF017(Kind.DOCKERFILE, Severity.HIGH, "application files owned by root and not writable by the runtime user",
            List.of("CIS Docker 4.x (least privilege)"),
            "COPY without --chown/--chmod to the runtime user; never chmod files writable for it"),
    DF018(Kind.DOCKERFILE, Severity.HIGH, "builder and runtime stages: no build tools in the final stage",
            List.of("CIS Docker 4.3"),
            "build in a separate stage and COPY --from it; the final stage runs no package manager or build tool"),
    DF019(Kind.DOCKERFILE, Severity.HIGH, ".dockerignore keeps .env, secrets/, .git and keys out of the build context",
            List.of("Docker build context (.dockerignore)", "CIS Docker 4.10"),
            "keep **/.env, **/.env.*, **/secrets/, **/.git, **/*.key and **/*.pem in .dockerignore, after any ! line"),

    // Compose
    CP001(Kind.COMPOSE, Severity.HIGH, "read_only: true with a tmpfs for /tmp",
            List.of("Semgrep writable-filesystem-service", "CIS Docker 5.13"),
            "set read_only: true and tmpfs: [\"/tmp\"]"),
    CP002(Kind.COMPOSE, Severity.HIGH, "cap_drop: [ALL], no cap_add",
            List.of("KICS Container Capabilities Unrestricted", "CIS Docker 5.4"),
            "set cap_drop: [ALL] and remove cap_add"),
    CP003(Kind.COMPOSE, Severity.HIGH, "security_opt: no-new-privileges:true",
            List.of("KICS No New Privileges Not Set", "CIS Docker 5.26"),
            "add security_opt: [\"no-new-privileges:true\"]"),
    CP004(Kind.COMPOSE, Severity.HIGH, "numeric non-root user",
            List.of("Semgrep service-runs-as-root"),
            "set user: \"10001:10001\" (numeric, not 0)"),
    CP005(Kind.COMPOSE, Severity.CRITICAL, "no privileged, host namespaces or unconfined seccomp",
            List.of("KICS", "CIS Docker 5.5", "CIS Docker 5.10", "CIS Docker 5.16", "CIS Docker 5.17",
                    "CIS Docker 5.22", "CIS Docker 5.31"),
            "remove privileged, network_mode/pid/ipc/userns_mode: host and seccomp:unconfined"),
    CP006(Kind.COMPOSE, Severity.CRITICAL, "the database publishes no port and sits only on internal networks",
            List.of("CIS Docker 5.9"),
            "remove the database's ports: and attach it only to a network with internal: true"),
    CP007(Kind.COMPOSE, Severity.HIGH, "published ports bound to a host interface",
            List.of("KICS Container Traffic Not Bound To Host Interface", "CIS Docker 5.14"),
            "publish as \"127.0.0.1:8080:8080\" (host IP first)"),
    CP008(Kind.COMPOSE, Severity.MEDIUM, "memory, CPU and pids limits",
            List.of("KICS Memory Not Limited", "KICS Cpus Not Limited", "KICS Pids Limit Not Set",
                    "CIS Docker 5.11", "CIS Docker 5.12", "CIS Docker 5.29"),
            "set mem_limit, cpus and pids_limit"),
    CP009(Kind.COMPOSE, Severity.MEDIUM, "healthcheck on every service; dependants wait for service_healthy",
            List.of("KICS Healthcheck Not Set", "CIS Docker 5.27"),
            "add a healthcheck and depends_on: {db: {condition: service_healthy}}"),
    CP010(Kind.COMPOSE, Severity.LOW, "user-defined networks only",
            List.of("KICS Networks Not Set", "CIS Docker 5.30"),
            "attach each service to a network declared under networks:"),
    CP011(Kind.COMPOSE, Severity.CRITICAL, "no docker.sock or sensitive host directories mounted",
            List.of("KICS Docker Socket Mounted", "CIS Docker 5.6", "CIS Docker 5.32"),
            "remove bind mounts of /var/run/docker.sock, /, /etc, /proc, /sys, /dev, /root, /boot"),
    CP012(Kind.COMPOSE, Severity.CRITICAL, "no secret literals in environment",
            List.of("KICS Passwords And Secrets"),
            "use secrets: and a *_FILE variable, or ${VARIABLE} from a git-ignored .env"),
    CP013(Kind.COMPOSE, Severity.LOW, "restart policy set",
            List.of("KICS Restart Policy", "CIS Docker 5.15"),
            "set restart: unless-stopped"),

    // GitHub Actions workflow
    GH001(Kind.WORKFLOW, Severity.HIGH, "every uses: pinned to a 40-hex commit SHA with a matching # vX.Y.Z comment",
            List.of("Scorecard Pinned-Dependencies", "zizmor unpinned-uses", "zizmor ref-version-mismatch"),
            "write uses: owner/action@<40-hex sha> # vX.Y.Z (the release that SHA belongs to)"),
    GH002(Kind.WORKFLOW, Severity.HIGH, "permissions: {} (or read-only) at the top; minimal write scopes per job",
            List.of("Scorecard Token-Permissions", "zizmor excessive-permissions", "Checkov CKV2_GHA_1"),
            "set permissions: {} at the top and grant each job only the scopes it uses"),
    GH003(Kind.WORKFLOW, Severity.HIGH, "checkout with persist-credentials: false",
            List.of("zizmor artipacked"),
            "add with: {persist-credentials: false} to actions/checkout"),
    GH004(Kind.WORKFLOW, Severity.CRITICAL, "no pull_request_target / workflow_run; no ${{ github.event.* }} in run:",
            List.of("Scorecard Dangerous-Workflow", "zizmor dangerous-triggers", "zizmor template-injection",
                    "Checkov CKV_GHA_2"),
            "use pull_request; pass event data through env: and quote it in the script"),
    GH005(Kind.WORKFLOW, Severity.HIGH, "Trivy pinned with an explicit version; HIGH/CRITICAL, and only they,"
            + " fail each scan; SARIF uploaded always",
            List.of("zizmor unpinned-tools", "trivy-action README: format sarif drops severity unless"
                    + " limit-severities-for-sarif (issue 309)"),
            "block with aquasecurity/trivy-action, version: vX.Y.Z, format: table, severity: HIGH,CRITICAL,"
                    + " exit-code: \"1\"; report with a second step, format: sarif, exit-code: \"0\", and"
                    + " upload-sarif with if: always()"),
    GH006(Kind.WORKFLOW, Severity.HIGH, "the image that is pushed is the image that was scanned",
            List.of("supply chain: scan-then-push"),
            "build once in the scanning job and push that image (by digest) from the publishing job; never rebuild"),
    GH007(Kind.WORKFLOW, Severity.HIGH, "no cache restore in the publishing job",
            List.of("zizmor cache-poisoning"),
            "remove actions/cache and setup-* cache: options from the job that publishes"),
    GH008(Kind.WORKFLOW, Severity.MEDIUM, "publishing behind an environment, on the default branch and tags only",
            List.of("zizmor secrets-outside-env"),
            "add environment: to the publishing job and an if: limited to the default branch and v* tags"),
    GH009(Kind.WORKFLOW, Severity.LOW, "workflow name, concurrency group, timeout-minutes on every job",
            List.of("zizmor anonymous-definition", "zizmor concurrency-limits"),
            "add name:, concurrency: and timeout-minutes:"),
    GH010(Kind.WORKFLOW, Severity.LOW, "SBOM and build provenance for the pushed image",
            List.of("Scorecard SBOM", "Scorecard Signed-Releases", "Checkov CKV_GHA_5", "Checkov CKV_GHA_6"),
            "add anchore/sbom-action and actions/attest-build-provenance to the publishing job"),
    GH011(Kind.DEPENDABOT, Severity.LOW, ".github/dependabot.yml for github-actions and maven, with cooldown,"
            + " proposing nothing verify rejects",
            List.of("Scorecard Dependency-Update-Tool", "zizmor dependabot-cooldown"),
            "list github-actions (exclude-paths: .github/workflows/container.yml) and maven, each with cooldown:"
                    + " {default-days: 7}; no docker entry over the generated Dockerfiles"),

    // Kubernetes (the Kustomize base under k8s/): the Pod Security Standards "restricted" profile, whose controls
    // the titles name (PSS ...), then what scanners add beyond it.
    K8001(Kind.KUBERNETES, Severity.HIGH, "pods run as non-root: runAsNonRoot: true, a runAsUser and runAsGroup that"
            + " are not 0 (PSS restricted: Running as Non-root, Non-root user)",
            List.of("Checkov CKV_K8S_23", "Checkov CKV_K8S_40", "kube-score container-security-context-user-group-id",
                    "Polaris runAsRootAllowed", "KICS Container Running With Low UID"),
            "set securityContext: {runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001} on the pod"),
    K8002(Kind.KUBERNETES, Severity.HIGH, "allowPrivilegeEscalation: false on every container"
            + " (PSS restricted: Privilege Escalation)",
            List.of("Checkov CKV_K8S_20", "Polaris privilegeEscalationAllowed", "KICS Privilege Escalation Allowed"),
            "set securityContext.allowPrivilegeEscalation: false on each container and init container"),
    K8003(Kind.KUBERNETES, Severity.HIGH, "capabilities: drop [ALL], add nothing but NET_BIND_SERVICE"
            + " (PSS restricted: Capabilities)",
            List.of("Checkov CKV_K8S_25", "Checkov CKV_K8S_28", "Checkov CKV_K8S_37", "Polaris dangerousCapabilities",
                    "Polaris insecureCapabilities", "KICS NET_RAW Capabilities Not Being Dropped"),
            "set securityContext.capabilities: {drop: [ALL]} on each container and remove add:"),
    K8004(Kind.KUBERNETES, Severity.HIGH, "seccompProfile RuntimeDefault or Localhost (PSS restricted: Seccomp)",
            List.of("Checkov CKV_K8S_31", "KICS Seccomp Profile Is Not Configured"),
            "set securityContext.seccompProfile: {type: RuntimeDefault} on the pod"),
    K8005(Kind.KUBERNETES, Severity.CRITICAL, "no privileged container, host namespace, host port, hostPath,"
            + " unmasked /proc, unconfined AppArmor, custom SELinux type or unsafe sysctl (PSS baseline)",
            List.of("Checkov CKV_K8S_16", "Checkov CKV_K8S_17", "Checkov CKV_K8S_18", "Checkov CKV_K8S_19",
                    "Checkov CKV_K8S_26", "kube-score container-security-context-privileged", "Polaris runAsPrivileged",
                    "Polaris hostIPCSet", "Polaris hostPIDSet", "Polaris hostNetworkSet", "Polaris hostPortSet",
                    "KICS Container Is Privileged"),
            "remove privileged, hostNetwork, hostPID, hostIPC, hostPort, hostPath volumes, procMount: Unmasked,"
                    + " Unconfined AppArmor, seLinuxOptions types and unsafe sysctls"),
    K8006(Kind.KUBERNETES, Severity.HIGH, "volumes only of the kinds PSS restricted allows (PSS restricted: Volume Types)",
            List.of("PSS restricted Volume Types"),
            "use only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret"
                    + " volumes"),
    K8007(Kind.KUBERNETES, Severity.HIGH, "readOnlyRootFilesystem: true on every container, with an emptyDir for /tmp",
            List.of("Checkov CKV_K8S_22", "Trivy KSV-0014", "kube-score container-security-context-readonlyrootfilesystem",
                    "Polaris notReadOnlyRootFilesystem"),
            "set securityContext.readOnlyRootFilesystem: true and mount an emptyDir (medium: Memory) at /tmp"),
    K8008(Kind.KUBERNETES, Severity.MEDIUM, "CPU and memory requests and limits on every container",
            List.of("Checkov CKV_K8S_10", "Checkov CKV_K8S_11", "Checkov CKV_K8S_12", "Checkov CKV_K8S_13",
                    "kube-score container-resources", "Polaris cpuRequestsMissing", "Polaris memoryLimitsMissing",
                    "KICS CPU Limits Not Set", "KICS Memory Limits Not Defined"),
            "set resources.requests and resources.limits for cpu and memory (<memoryLimit>, <cpuLimit>)"),
    K8009(Kind.KUBERNETES, Severity.MEDIUM, "startup, liveness and readiness probes on every app container",
            List.of("Checkov CKV_K8S_8", "Checkov CKV_K8S_9", "kube-score pod-probes", "Polaris livenessProbeMissing",
                    "Polaris readinessProbeMissing", "KICS Readiness Probe Is Not Configured"),
            "add startupProbe, livenessProbe (the health path) and readinessProbe (the readiness path)"),
    K8010(Kind.KUBERNETES, Severity.MEDIUM, "no service account token mounted; a service account of its own",
            List.of("Checkov CKV_K8S_38", "Checkov CKV_K8S_41", "Polaris automountServiceAccountToken"),
            "set automountServiceAccountToken: false and serviceAccountName to the service's own account"),
    K8011(Kind.KUBERNETES, Severity.HIGH, "images tagged or pinned by digest, never latest",
            List.of("Checkov CKV_K8S_14", "Checkov CKV_K8S_43", "kube-score container-image-tag",
                    "Polaris tagNotSpecified"),
            "name the image with a version tag, or set its digest in an overlay (kustomize edit set image)"),
    K8012(Kind.KUBERNETES, Severity.CRITICAL, "no secret values in env: secrets come from Secrets, as files",
            List.of("Checkov CKV_K8S_35", "Polaris sensitiveContainerEnvVar", "KICS Passwords And Secrets"),
            "mount the Secret as a volume and point a *_FILE variable at it"),
    K8013(Kind.KUBERNETES, Severity.MEDIUM, "a NetworkPolicy selects the pods and limits both ingress and egress",
            List.of("kube-score pod-networkpolicy", "kube-score networkpolicy-targets-pod", "Polaris missingNetworkPolicy"),
            "add a NetworkPolicy whose podSelector matches the pods, with policyTypes [Ingress, Egress]"),
    K8014(Kind.KUBERNETES, Severity.LOW, "availability: 2 or more pods (or an autoscaler), a PodDisruptionBudget,"
            + " rollouts with maxUnavailable 0, pods spread across nodes",
            List.of("kube-score deployment-has-poddisruptionbudget", "kube-score deployment-has-host-podantiaffinity",
                    "Polaris deploymentMissingReplicas", "Polaris missingPodDisruptionBudget",
                    "Polaris topologySpreadConstraint"),
            "regenerate the Kustomize base (mvn hardened:generate): it has all four"),

    GH012(Kind.WORKFLOW, Severity.HIGH, "no download run straight from the network; no unsafe runner commands",
            List.of("Scorecard Pinned-Dependencies (downloadThenRun)", "zizmor insecure-commands"),
            "download to a file, verify its checksum, then run it; remove ACTIONS_ALLOW_UNSECURE_COMMANDS"),

    // Across files
    XF001(Kind.ACROSS, Severity.MEDIUM, "port, health path, uid and tmpfs agree between Dockerfile and compose.yaml",
            List.of("consistency"),
            "regenerate both files from one configuration (mvn hardened:generate)"),
    XF002(Kind.ACROSS, Severity.LOW, ".env.example lists every variable compose.yaml reads, with its default",
            List.of("consistency"),
            "regenerate .env.example with compose.yaml (mvn hardened:generate), or list the variable with the"
                    + " default compose.yaml uses"),
    XF003(Kind.ACROSS, Severity.CRITICAL, "no debugger (JDWP) or unauthenticated JMX port open beyond loopback",
            List.of("CWE-489 (active debug code)", "CWE-306 (missing authentication)"),
            "remove -agentlib:jdwp (or bind it to 127.0.0.1) and com.sun.management.jmxremote.authenticate=false"),

    // The files themselves
    VF001(Kind.ANY, Severity.HIGH, "committed files are what the templates render",
            List.of("drift"),
            "run mvn hardened:generate, or waive the rule for the file with a reason"),
    VF002(Kind.ANY, Severity.HIGH, "every expected container file exists",
            List.of("completeness"),
            "run mvn hardened:generate, or leave the file out with <excludes>"),
    VF003(Kind.ANY, Severity.HIGH, "every container file parses",
            List.of("syntax"),
            "fix the syntax error at the line shown"),
    VF004(Kind.ANY, Severity.LOW, "files an older plugin version generated, unedited since, are regenerated",
            List.of("upgrade"),
            "run mvn hardened:generate and commit the result (<outdated>fail</outdated> makes this HIGH)"),
    VF005(Kind.ANY, Severity.LOW, "a template override names the built-in template it is based on, and that is current",
            List.of("upgrade"),
            "merge the built-in template's changes into the override, then set its first line to the"
                    + " <#-- hardened-base: ... --> the message names"),
    VF006(Kind.ANY, Severity.HIGH, "every .trivyignore entry has a reason above it and an exp: date not yet passed",
            List.of("Trivy .trivyignore exp: (entries expire)"),
            "write the reason as a comment line directly above the entry and end the entry with exp:YYYY-MM-DD;"
                    + " past that date, fix the finding or renew the entry with a new date");

    /** What a rule looks at. */
    public enum Kind { DOCKERFILE, COMPOSE, WORKFLOW, DEPENDABOT, KUBERNETES, ACROSS, ANY }

    private final Kind kind;
    private final Severity severity;
    private final String title;
    private final List<String> references;
    private final String fix;

    Rule(Kind kind, Severity severity, String title, List<String> references, String fix) {
        this.kind = kind;
        this.severity = severity;
        this.title = title;
        this.references = references;
        this.fix = fix;
    }

    /** The rule ID users cite, such as {@code HC-DF001}. */
    public String id() {
        return "HC-" + name();
    }

    public Kind kind() {
        return kind;
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    public List<String> references() {
        return references;
    }

    public String fix() {
        return fix;
    }

    /**
     * Why a rule stays below high (and so does not fail the build at the default {@code failOn}): what a breach
     * costs, and what else still guards it. Empty for high and critical rules.
     */
    public String severityReason() {
        return BELOW_HIGH.getOrDefault(this, "");
    }

    private static final java.util.Map<Rule, String> BELOW_HIGH = new java.util.EnumMap<>(java.util.Map.ofEntries(
            java.util.Map.entry(DF003, "a tag can be moved to another image, but the scan of the built image still"
                    + " gates what ships; strict mode makes it high for teams that pin every image"),
            java.util.Map.entry(DF004, "a local ADD only unpacks archives; ADD of a URL or git repository without a"
                    + " checksum is raised to high"),
            java.util.Map.entry(DF005, "a shell-form entrypoint loses SIGTERM, so a stop becomes a kill after the grace"
                    + " period: availability and clean shutdown, not access"),
            java.util.Map.entry(DF006, "without a healthcheck a hung service goes unnoticed: availability, not access"),
            java.util.Map.entry(DF007, "predictable paths; nothing is exposed by a relative WORKDIR or a cd"),
            java.util.Map.entry(DF008, "image size and repeatable builds; outdated packages are the scan's to catch"),
            java.util.Map.entry(DF009, "MAINTAINER is deprecated metadata; sudo in a RUN is raised to high"),
            java.util.Map.entry(DF012, "a hidden failing command breaks the build's result, which the tests and the"
                    + " healthcheck then meet"),
            java.util.Map.entry(DF013, "EXPOSE documents ports and publishes none; an exposed port 22 is raised to"
                    + " high"),
            java.util.Map.entry(DF014, "a wrong stage name fails the build or copies the wrong files: correctness"),
            java.util.Map.entry(DF015, "labels are provenance and inventory metadata"),
            java.util.Map.entry(CP008, "without limits one container can starve the others and the host:"
                    + " availability"),
            java.util.Map.entry(CP009, "health and start order: availability, not access"),
            java.util.Map.entry(CP010, "the default network still keeps the host's interfaces out; the database's own"
                    + " isolation is CP006, critical"),
            java.util.Map.entry(CP013, "a crashed service stays down: availability"),
            java.util.Map.entry(GH008, "the default-branch condition and the blocking scan still apply; an"
                    + " environment adds a reviewer and scopes the secrets"),
            java.util.Map.entry(GH009, "runaway or overlapping runs cost time and runner minutes, not access"),
            java.util.Map.entry(GH010, "attestations let consumers verify and inventory the image; the image itself"
                    + " is the same"),
            java.util.Map.entry(GH011, "keeps dependencies and pins moving; stale ones are caught by the scan and by"
                    + " GH001"),
            java.util.Map.entry(K8008, "without requests and limits a pod can starve its node: availability"),
            java.util.Map.entry(K8009, "without probes a hung pod keeps its traffic: availability"),
            java.util.Map.entry(K8010, "the pod already runs non-root without capabilities; a mounted token lets a"
                    + " compromised pod call the API server with whatever the account is granted"),
            java.util.Map.entry(K8013, "limits where a compromised pod can connect; the pod's own hardening is"
                    + " K8001 to K8007"),
            java.util.Map.entry(K8014, "replicas and a disruption budget keep the service up through node drains:"
                    + " availability"),
            java.util.Map.entry(XF001, "a mismatch shows at the first start (a failing healthcheck, an unreachable"
                    + " port), not as an exposure"),
            java.util.Map.entry(XF002, "documentation of the variables the stack reads"),
            java.util.Map.entry(VF004, "files of an older plugin version are still hardened; an upgrade brings the"
                    + " newer templates"),
            java.util.Map.entry(VF005, "an override behind its built-in template still renders; what it lacks, the"
                    + " other rules report")));

    /** Finds a rule by its ID ({@code HC-DF001}). */
    public static java.util.Optional<Rule> byId(String id) {
        for (Rule rule : values()) {
            if (rule.id().equals(id)) {
                return java.util.Optional.of(rule);
            }
        }
        return java.util.Optional.empty();
    }
}
