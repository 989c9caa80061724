package io.github.hardenedcontainer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * For every rule, a fixture that breaks it and one that satisfies it. The satisfying fixtures are the generated
 * golden files; each breaking fixture is one of them with one deliberate change. A rule that stops firing fails
 * its breaking fixture; a rule that fires on good files fails the clean test.
 */
class RuleFixturesTest {

    private static final Path GOLDEN = Path.of(System.getProperty("project.basedir", "."), "src/test/resources/golden");
    private static final String DOCKERFILE = "Dockerfile";
    private static final String COMPOSE = "compose.yaml";
    private static final String WORKFLOW = ".github/workflows/container.yml";
    private static final String DEPENDABOT = ".github/dependabot.yml";
    private static final String ENV_EXAMPLE = ".env.example";
    private static final String DOCKERIGNORE = ".dockerignore";
    private static final String TRIVYIGNORE = ".trivyignore";
    private static final String DEPLOYMENT = "k8s/deployment.yaml";
    private static final String NETWORK_POLICY = "k8s/networkpolicy.yaml";
    private static final String AUTOSCALER = "k8s/horizontalpodautoscaler.yaml";
    private static final String DISRUPTION_BUDGET = "k8s/poddisruptionbudget.yaml";
    /** The golden postgres case's Kubernetes files, checked together. */
    private static final String KUSTOMIZATION = "k8s/kustomization.yaml";
    private static final List<String> KUBERNETES = List.of(KUSTOMIZATION, DEPLOYMENT, "k8s/service.yaml",
            "k8s/serviceaccount.yaml", DISRUPTION_BUDGET, AUTOSCALER, NETWORK_POLICY);
    private static final String CONTAINER_CONTEXT = "          securityContext:\n            runAsNonRoot: true\n";
    private static final String POD_CONTEXT = "      securityContext:\n        runAsNonRoot: true\n";
    private static final String CHECKOUT = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1";

    /** A file, one change to it, and the rule that change must trigger. */
    private record Breaking(Rule rule, String file, String description, String find, String replace) {
    }

    private static final List<Breaking> BREAKING = List.of(
            new Breaking(Rule.DF001, DOCKERFILE, "USER root", "USER 10001:10001", "USER root"),
            new Breaking(Rule.DF001, DOCKERFILE, "no USER", "USER 10001:10001\n", ""),
            new Breaking(Rule.DF002, DOCKERFILE, "latest tag", "ARG RUNTIME_IMAGE=gcr.io/distroless/cc-debian12:nonroot",
                    "ARG RUNTIME_IMAGE=gcr.io/distroless/cc-debian12:latest"),
            new Breaking(Rule.DF002, DOCKERFILE, "no tag", "ARG RUNTIME_IMAGE=gcr.io/distroless/cc-debian12:nonroot",
                    "ARG RUNTIME_IMAGE=gcr.io/distroless/cc-debian12"),
            new Breaking(Rule.DF004, DOCKERFILE, "ADD", "COPY --from=builder /layers/lib /app/lib",
                    "ADD https://example.com/lib.tar.gz /app/lib"),
            new Breaking(Rule.DF005, DOCKERFILE, "shell-form ENTRYPOINT", "ENTRYPOINT [\"/opt/jre/bin/java\",", "ENTRYPOINT java -jar x #"),
            new Breaking(Rule.DF006, DOCKERFILE, "curl healthcheck", "CMD [\"/opt/jre/bin/java\", \"@/app/probe.args\"",
                    "CMD [\"curl\", \"-f\", \"http://127.0.0.1:9090/health\", \"@/app/probe.args\""),
            new Breaking(Rule.DF006, DOCKERFILE, "no healthcheck", "HEALTHCHECK --interval", "LABEL x=y\n#HEALTHCHECK --interval"),
            new Breaking(Rule.DF007, DOCKERFILE, "relative WORKDIR", "WORKDIR /app", "WORKDIR app"),
            new Breaking(Rule.DF007, DOCKERFILE, "RUN cd", "WORKDIR /workspace\n", "WORKDIR /workspace\nRUN cd /tmp && ls\n"),
            new Breaking(Rule.DF008, DOCKERFILE, "apt without -y", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nRUN apt-get update && apt-get install git\n"),
            new Breaking(Rule.DF009, DOCKERFILE, "MAINTAINER", "WORKDIR /workspace\n", "WORKDIR /workspace\nMAINTAINER someone\n"),
            new Breaking(Rule.DF009, DOCKERFILE, "sudo", "WORKDIR /workspace\n", "WORKDIR /workspace\nRUN sudo ls\n"),
            new Breaking(Rule.DF010, DOCKERFILE, "secret ARG", "ARG BUILDER_IMAGE=", "ARG DB_PASSWORD=changeme\nARG BUILDER_IMAGE="),
            new Breaking(Rule.DF011, DOCKERFILE, "curl -k", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nRUN curl -k -o /tmp/x https://example.com/x\n"),
            new Breaking(Rule.DF012, DOCKERFILE, "pipe without pipefail", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nRUN cat /etc/os-release | grep ID\n"),
            new Breaking(Rule.DF013, DOCKERFILE, "EXPOSE 22", "EXPOSE 9090", "EXPOSE 22"),
            new Breaking(Rule.DF014, DOCKERFILE, "COPY --from unknown stage", "COPY --from=builder /layers/app /app",
                    "COPY --from=later /layers/app /app"),
            new Breaking(Rule.DF015, DOCKERFILE, "unknown OCI key, no title", "org.opencontainers.image.title=",
                    "org.opencontainers.image.name="),
            new Breaking(Rule.DF016, DOCKERFILE, "curl | sh", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nRUN curl -fsSL https://example.com/install.sh | sh\n"),
            new Breaking(Rule.DF017, DOCKERFILE, "COPY --chown to the runtime user",
                    "COPY --from=aot /app/lib /app/lib",
                    "COPY --chown=10001:10001 --from=aot /app/lib /app/lib"),
            new Breaking(Rule.DF018, DOCKERFILE, "package manager in the final stage", "WORKDIR /app\n# Files stay",
                    "WORKDIR /app\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n# Files stay"),

            new Breaking(Rule.CP001, COMPOSE, "no read_only", "    read_only: true\n", ""),
            new Breaking(Rule.CP002, COMPOSE, "no cap_drop ALL", "    cap_drop:\n      - ALL\n", "    cap_drop:\n      - NET_RAW\n"),
            new Breaking(Rule.CP002, COMPOSE, "cap_add", "    init: true\n", "    init: true\n    cap_add: [NET_ADMIN]\n"),
            new Breaking(Rule.CP003, COMPOSE, "no no-new-privileges", "      - no-new-privileges:true\n", "      - label:disable\n"),
            new Breaking(Rule.CP004, COMPOSE, "user root", "user: \"10001:10001\"", "user: \"root\""),
            new Breaking(Rule.CP005, COMPOSE, "privileged", "    init: true\n", "    init: true\n    privileged: true\n"),
            new Breaking(Rule.CP005, COMPOSE, "host network", "    init: true\n", "    init: true\n    pid: host\n"),
            new Breaking(Rule.CP006, COMPOSE, "database port published", "    # No ports: the database",
                    "    ports:\n      - \"127.0.0.1:5432:5432\"\n    # No ports: the database"),
            new Breaking(Rule.CP006, COMPOSE, "database on a non-internal network", "    internal: true\n", "    internal: false\n"),
            new Breaking(Rule.CP007, COMPOSE, "port on all interfaces", "\"127.0.0.1:${APP_PORT:-9090}:9090\"",
                    "\"${APP_PORT:-9090}:9090\""),
            new Breaking(Rule.CP008, COMPOSE, "no pids limit", "    pids_limit: 256\n", ""),
            new Breaking(Rule.CP009, COMPOSE, "not waiting for healthy", "condition: service_healthy",
                    "condition: service_started"),
            new Breaking(Rule.CP010, COMPOSE, "default network", "    networks:\n      - frontend\n      - backend\n", ""),
            new Breaking(Rule.CP011, COMPOSE, "docker.sock", "    init: true\n",
                    "    init: true\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n"),
            new Breaking(Rule.CP012, COMPOSE, "password literal", "      APP_ENV: ${APP_ENV:-local}\n",
                    "      APP_ENV: ${APP_ENV:-local}\n      DB_PASSWORD: hunter2\n"),
            new Breaking(Rule.CP013, COMPOSE, "no restart", "    restart: unless-stopped\n", ""),

            new Breaking(Rule.GH001, WORKFLOW, "tag-pinned action", CHECKOUT, "actions/checkout@v7"),
            new Breaking(Rule.GH001, WORKFLOW, "SHA without version comment", CHECKOUT,
                    "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1"),
            new Breaking(Rule.GH002, WORKFLOW, "write-all", "permissions: {}", "permissions: write-all"),
            new Breaking(Rule.GH003, WORKFLOW, "credentials persisted", "persist-credentials: false", "persist-credentials: true"),
            new Breaking(Rule.GH004, WORKFLOW, "pull_request_target", "  pull_request:\n", "  pull_request_target:\n"),
            new Breaking(Rule.GH012, WORKFLOW, "curl | bash in a step", "      - name: Build and test\n        run: mvn -B -ntp verify\n",
                    "      - name: Build and test\n        run: mvn -B -ntp verify\n      - run: curl -fsSL https://example.com/install.sh | bash\n"),
            new Breaking(Rule.GH012, WORKFLOW, "ACTIONS_ALLOW_UNSECURE_COMMANDS", "    name: Build and test\n",
                    "    name: Build and test\n    env:\n      ACTIONS_ALLOW_UNSECURE_COMMANDS: true\n"),
            new Breaking(Rule.GH004, WORKFLOW, "head_ref inside run", "      - name: Build and test\n        run: mvn -B -ntp verify\n",
                    "      - name: Build and test\n        run: mvn -B -ntp verify\n      - run: git checkout ${{ github.head_ref }}\n"),
            new Breaking(Rule.GH004, WORKFLOW, "toJSON(github.event) inside run", "      - name: Build and test\n        run: mvn -B -ntp verify\n",
                    "      - name: Build and test\n        run: mvn -B -ntp verify\n      - run: echo '${{ toJSON(github.event) }}' > event.json\n"),
            new Breaking(Rule.GH004, WORKFLOW, "an issue title inside github-script", "      - name: Build and test\n        run: mvn -B -ntp verify\n",
                    "      - name: Build and test\n        run: mvn -B -ntp verify\n      - uses: actions/github-script@f28e40c7f34bde8b3046d885e986cb6290c5673b # v7.1.0\n        with:\n          script: console.log(\"${{ github.event.issue.title }}\")\n"),
            new Breaking(Rule.GH002, WORKFLOW, "secrets: inherit", "    name: Build and test\n",
                    "    name: Build and test\n    secrets: inherit\n"),
            new Breaking(Rule.GH001, WORKFLOW, "a docker:// step by tag", "      - name: Build and test\n        run: mvn -B -ntp verify\n",
                    "      - name: Build and test\n        run: mvn -B -ntp verify\n      - uses: docker://alpine:latest\n"),
            new Breaking(Rule.GH005, WORKFLOW, "the blocking scan continues on error", "      - name: Scan the image for fixable HIGH and CRITICAL vulnerabilities (blocks)\n",
                    "      - name: Scan the image for fixable HIGH and CRITICAL vulnerabilities (blocks)\n        continue-on-error: true\n"),
            new Breaking(Rule.GH005, WORKFLOW, "the blocking scan never runs", "      - name: Scan the image for fixable HIGH and CRITICAL vulnerabilities (blocks)\n",
                    "      - name: Scan the image for fixable HIGH and CRITICAL vulnerabilities (blocks)\n        if: false\n"),
            new Breaking(Rule.GH005, WORKFLOW, "the blocking scan on the schedule only", "      - name: Scan the image for fixable HIGH and CRITICAL vulnerabilities (blocks)\n",
                    "      - name: Scan the image for fixable HIGH and CRITICAL vulnerabilities (blocks)\n        if: github.event_name == 'schedule'\n"),
            new Breaking(Rule.GH005, WORKFLOW, "a file-system scan instead of the image", "          input: ${{ runner.temp }}/image.tar\n          format: table\n",
                    "          scan-type: fs\n          scan-ref: .\n          format: table\n"),
            new Breaking(Rule.GH006, WORKFLOW, "push: true in the build step the scan follows", "          push: false\n",
                    "          push: true\n"),

            new Breaking(Rule.GH004, WORKFLOW, "event in run", "run: mvn -B -ntp verify",
                    "run: echo \"${{ github.event.pull_request.title }}\""),
            new Breaking(Rule.GH005, WORKFLOW, "Trivy does not fail", "exit-code: \"1\"", "exit-code: \"0\""),
            new Breaking(Rule.GH005, WORKFLOW, "SARIF step blocks on every severity (no limit-severities-for-sarif)",
                    "          output: trivy-image.sarif\n          exit-code: \"0\"",
                    "          output: trivy-image.sarif\n          exit-code: \"1\"\n          severity: HIGH,CRITICAL"),
            new Breaking(Rule.GH005, WORKFLOW, "Trivy without a version", "          version: v0.70.0\n", ""),
            new Breaking(Rule.GH005, WORKFLOW, "SARIF only on success",
                    "        if: ${{ always() && hashFiles('trivy-image.sarif') != '' }}\n", ""),
            new Breaking(Rule.GH006, WORKFLOW, "publish rebuilds", "      - name: Image tags\n",
                    "      - name: Rebuild\n        uses: docker/build-push-action@53b7df96c91f9c12dcc8a07bcb9ccacbed38856a # v7.3.0\n"
                            + "        with:\n          push: true\n      - name: Image tags\n"),
            new Breaking(Rule.GH007, WORKFLOW, "cache in publish", "      - name: Image tags\n",
                    "      - name: Cache\n        uses: actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae # v5.0.5\n"
                            + "        with:\n          path: x\n          key: y\n      - name: Image tags\n"),
            new Breaking(Rule.GH008, WORKFLOW, "no environment", "    environment: release\n", ""),
            new Breaking(Rule.GH009, WORKFLOW, "no timeout", "    timeout-minutes: 30\n", ""),
            new Breaking(Rule.GH010, WORKFLOW, "no SBOM",
                    "uses: anchore/sbom-action@e22c389904149dbc22b58101806040fa8d37a610 # v0.24.0",
                    "uses: actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0"),
            new Breaking(Rule.GH011, DEPENDABOT, "no cooldown", "    cooldown:\n      default-days: 7\n", ""),
            new Breaking(Rule.GH011, DEPENDABOT, "the generated workflow not excluded",
                    "    exclude-paths:\n      - .github/workflows/container.yml\n", ""),
            new Breaking(Rule.GH011, DEPENDABOT, "docker updates over generated Dockerfiles", "  - package-ecosystem: maven\n",
                    "  - package-ecosystem: docker\n    directory: /\n    schedule:\n      interval: weekly\n"
                            + "    cooldown:\n      default-days: 7\n  - package-ecosystem: maven\n"),
            new Breaking(Rule.DF011, DOCKERFILE, "curl -k among combined options", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nRUN curl -fsSLk -o /tmp/x https://example.com/x\n"),
            new Breaking(Rule.DF011, DOCKERFILE, "TLS off for every command through ENV", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n"),
            new Breaking(Rule.DF011, DOCKERFILE, "Maven told to trust any certificate", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nENV MAVEN_OPTS=-Dmaven.wagon.http.ssl.insecure=true\n"),
            new Breaking(Rule.DF011, DOCKERFILE, "git without certificate checks", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nENV GIT_SSL_NO_VERIFY=1\n"),
            new Breaking(Rule.DF016, DOCKERFILE, "download to a file, then run it", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nRUN curl -fsSL -o /tmp/install.sh https://example.com/install.sh && sh /tmp/install.sh\n"),
            new Breaking(Rule.DF016, DOCKERFILE, "download, chmod, run", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nRUN wget -O install.sh https://example.com/i.sh && chmod +x install.sh && ./install.sh\n"),
            new Breaking(Rule.DF016, DOCKERFILE, "bash <(curl ...)", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nRUN bash <(curl -fsSL https://example.com/install.sh)\n"),
            new Breaking(Rule.DF016, DOCKERFILE, "sh -c \"$(curl ...)\"", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nRUN sh -c \"$(curl -fsSL https://example.com/install.sh)\"\n"),
            new Breaking(Rule.DF016, DOCKERFILE, "piped into python3 -", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nRUN curl -fsSL https://example.com/get.py | python3 -\n"),
            new Breaking(Rule.DF016, DOCKERFILE, "piped into sudo -E bash", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nRUN curl -fsSL https://example.com/setup | sudo -E bash -\n"),
            new Breaking(Rule.DF016, DOCKERFILE, "a here-document RUN", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nRUN <<EOF\ncurl -fsSL https://example.com/i.sh | sh\nEOF\n"),
            new Breaking(Rule.DF016, DOCKERFILE, "ONBUILD RUN", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nONBUILD RUN curl -fsSL https://example.com/i.sh | sh\n"),
            new Breaking(Rule.DF010, DOCKERFILE, "a password inside a URL in ENV", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nENV DATABASE_URL=postgres://app:hunter2@db:5432/app\n"),
            new Breaking(Rule.DF010, DOCKERFILE, "password= in a JDBC URL", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nENV JDBC_URL=jdbc:postgresql://db/app?user=app&password=hunter2\n"),
            new Breaking(Rule.DF010, DOCKERFILE, "a password inside JAVA_TOOL_OPTIONS", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nENV JAVA_TOOL_OPTIONS=\"-Xss1m -Dspring.datasource.password=hunter2\"\n"),
            new Breaking(Rule.DF010, DOCKERFILE, "a secret as a default", "WORKDIR /workspace\n",
                    "WORKDIR /workspace\nARG DB_SETTINGS=${DB_PASSWORD:-hunter2}\n"),
            new Breaking(Rule.DF018, DOCKERFILE, "the final stage FROM the builder stage", "FROM ${RUNTIME_IMAGE} AS runtime",
                    "FROM builder AS runtime"),
            new Breaking(Rule.DF018, DOCKERFILE, "the final stage FROM the builder image", "FROM ${RUNTIME_IMAGE} AS runtime",
                    "FROM ${BUILDER_IMAGE} AS runtime"),
            new Breaking(Rule.DF018, DOCKERFILE, "Maven copied into the final stage", "COPY --from=aot /app/lib /app/lib\n",
                    "COPY --from=aot /app/lib /app/lib\nCOPY --from=builder /usr/share/maven /usr/share/maven\n"),
            new Breaking(Rule.DF017, DOCKERFILE, "COPY --chmod=777", "COPY --from=aot /app/lib /app/lib",
                    "COPY --chmod=777 --from=aot /app/lib /app/lib"),
            new Breaking(Rule.CP005, COMPOSE, "privileged through an interpolation default", "    init: true\n",
                    "    init: true\n    privileged: ${PRIVILEGED:-true}\n"),
            new Breaking(Rule.CP005, COMPOSE, "the host cgroup namespace", "    init: true\n",
                    "    init: true\n    cgroup: host\n"),
            new Breaking(Rule.CP005, COMPOSE, "host devices", "    init: true\n",
                    "    init: true\n    devices:\n      - /dev/fuse:/dev/fuse\n"),
            new Breaking(Rule.CP005, COMPOSE, "systempaths=unconfined", "      - no-new-privileges:true\n",
                    "      - no-new-privileges:true\n      - systempaths=unconfined\n"),
            new Breaking(Rule.CP005, COMPOSE, "label:disable", "      - no-new-privileges:true\n",
                    "      - no-new-privileges:true\n      - label:disable\n"),
            new Breaking(Rule.CP007, COMPOSE, "bound to 0.0.0.0", "\"127.0.0.1:${APP_PORT:-9090}:9090\"",
                    "\"0.0.0.0:${APP_PORT:-9090}:9090\""),
            new Breaking(Rule.CP007, COMPOSE, "bound to [::]", "\"127.0.0.1:${APP_PORT:-9090}:9090\"",
                    "\"[::]:${APP_PORT:-9090}:9090\""),
            new Breaking(Rule.CP007, COMPOSE, "the host address from a variable defaulting to every interface", "\"127.0.0.1:${APP_PORT:-9090}:9090\"",
                    "\"${BIND:-0.0.0.0}:${APP_PORT:-9090}:9090\""),
            new Breaking(Rule.CP008, COMPOSE, "pids_limit -1 is no limit", "    pids_limit: 256\n",
                    "    pids_limit: -1\n"),
            new Breaking(Rule.CP008, COMPOSE, "mem_limit 0 is no limit", "    mem_limit: 512m\n",
                    "    mem_limit: 0\n"),
            new Breaking(Rule.CP011, COMPOSE, "the Docker socket through a variable", "    init: true\n",
                    "    init: true\n    volumes:\n      - ${DOCKER_SOCKET:-/var/run/docker.sock}:/var/run/docker.sock\n"),
            new Breaking(Rule.CP012, COMPOSE, "a secret as an interpolation default", "      APP_ENV: ${APP_ENV:-local}\n",
                    "      APP_ENV: ${APP_ENV:-local}\n      DB_PASSWORD: ${DB_PASSWORD:-hunter2}\n"),
            new Breaking(Rule.CP012, COMPOSE, "?password= in a JDBC URL", "      APP_ENV: ${APP_ENV:-local}\n",
                    "      APP_ENV: ${APP_ENV:-local}\n      JDBC_URL: jdbc:postgresql://db/app?user=app&password=hunter2\n"),
            new Breaking(Rule.CP012, COMPOSE, "a -D...password option in JAVA_TOOL_OPTIONS", "      APP_ENV: ${APP_ENV:-local}\n",
                    "      APP_ENV: ${APP_ENV:-local}\n      JAVA_TOOL_OPTIONS: -Djavax.net.ssl.keyStorePassword=changeit\n"),
            new Breaking(Rule.K8012, DEPLOYMENT, "?password= in a JDBC URL", "value: postgres://app@db:5432/app",
                    "value: jdbc:postgresql://db:5432/app?password=hunter2"),
            new Breaking(Rule.CP013, COMPOSE, "restart: \"no\" is no policy", "    restart: unless-stopped\n",
                    "    restart: \"no\"\n"),
            new Breaking(Rule.CP002, COMPOSE, "capabilities added through a YAML merge key", "services:\n  app:\n",
                    "x-base: &base\n  cap_add: [SYS_ADMIN]\nservices:\n  app:\n    <<: *base\n"),
            new Breaking(Rule.XF003, DOCKERFILE, "a debugger listening on every interface", "WORKDIR /app\n# Files stay",
                    "WORKDIR /app\nENV JAVA_TOOL_OPTIONS=-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005\n# Files stay"),
            new Breaking(Rule.XF003, COMPOSE, "a debugger on 0.0.0.0 through the environment", "      APP_ENV: ${APP_ENV:-local}\n",
                    "      APP_ENV: ${APP_ENV:-local}\n      JAVA_TOOL_OPTIONS: -agentlib:jdwp=transport=dt_socket,server=y,address=0.0.0.0:5005\n"),
            new Breaking(Rule.XF003, COMPOSE, "JMX without authentication", "      APP_ENV: ${APP_ENV:-local}\n",
                    "      APP_ENV: ${APP_ENV:-local}\n      JAVA_TOOL_OPTIONS: -Dcom.sun.management.jmxremote.port=9010"
                            + " -Dcom.sun.management.jmxremote.authenticate=false\n"),
            new Breaking(Rule.XF003, DEPLOYMENT, "a debugger in the pod", "            - name: APP_ENV\n",
                    "            - name: JAVA_TOOL_OPTIONS\n              value: -Xrunjdwp:transport=dt_socket,server=y,address=*:8000\n"
                            + "            - name: APP_ENV\n"),
            new Breaking(Rule.GH004, WORKFLOW, "pull request code on a self-hosted runner", "    runs-on: ubuntu-24.04\n",
                    "    runs-on: [self-hosted, linux]\n"),
            new Breaking(Rule.DF019, DOCKERIGNORE, ".env no longer left out", "**/.env\n", ""),
            new Breaking(Rule.DF019, DOCKERIGNORE, "secrets let back in after their exclusion", "**/*.key\n",
                    "**/*.key\n!**/secrets/\n"),
            new Breaking(Rule.VF006, TRIVYIGNORE, "an entry without a reason", "hardened:generate never overwrites it.\n",
                    "hardened:generate never overwrites it.\n\nCVE-2026-12345 exp:2027-01-01\n"),
            new Breaking(Rule.VF006, TRIVYIGNORE, "an entry past its exp: date", "hardened:generate never overwrites it.\n",
                    "hardened:generate never overwrites it.\n\n# The XML parser is never given untrusted input here.\nCVE-2026-12345 exp:2020-01-01\n"),
            new Breaking(Rule.GH001, WORKFLOW, "a version comment that is not the pinned commit's",
                    "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1",
                    "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v6.0.2"),
            new Breaking(Rule.GH002, WORKFLOW, "write scopes on a job that runs pull requests",
                    "    permissions:\n      contents: read\n      security-events: write\n",
                    "    permissions:\n      contents: write\n      security-events: write\n"),
            new Breaking(Rule.VF006, TRIVYIGNORE, "an entry that never expires", "hardened:generate never overwrites it.\n",
                    "hardened:generate never overwrites it.\n\n# The XML parser is never given untrusted input here.\nCVE-2026-12345\n"),
            new Breaking(Rule.K8001, DEPLOYMENT, "runAsNonRoot false on the container", CONTAINER_CONTEXT,
                    "          securityContext:\n            runAsNonRoot: false\n"),
            new Breaking(Rule.K8001, DEPLOYMENT, "runAsUser 0 on the pod", "        runAsUser: 10001\n        runAsGroup",
                    "        runAsUser: 0\n        runAsGroup"),
            new Breaking(Rule.K8001, DEPLOYMENT, "runAsGroup 0 on the container", "            runAsGroup: 10001\n",
                    "            runAsGroup: 0\n"),
            new Breaking(Rule.K8002, DEPLOYMENT, "privilege escalation allowed", "allowPrivilegeEscalation: false",
                    "allowPrivilegeEscalation: true"),
            new Breaking(Rule.K8003, DEPLOYMENT, "capabilities added", "              drop:\n                - ALL\n",
                    "              drop:\n                - ALL\n              add:\n                - NET_ADMIN\n"),
            new Breaking(Rule.K8003, DEPLOYMENT, "only NET_RAW dropped", "                - ALL\n",
                    "                - NET_RAW\n"),
            new Breaking(Rule.K8004, DEPLOYMENT, "seccomp unconfined on the container",
                    "            seccompProfile:\n              type: RuntimeDefault\n",
                    "            seccompProfile:\n              type: Unconfined\n"),
            new Breaking(Rule.K8005, DEPLOYMENT, "privileged", "            privileged: false\n",
                    "            privileged: true\n"),
            new Breaking(Rule.K8005, DEPLOYMENT, "host network", "      enableServiceLinks: false\n",
                    "      enableServiceLinks: false\n      hostNetwork: true\n"),
            new Breaking(Rule.K8005, DEPLOYMENT, "hostPath volume", "      volumes:\n",
                    "      volumes:\n        - name: docker\n          hostPath:\n            path: /var/run/docker.sock\n"),
            new Breaking(Rule.K8005, DEPLOYMENT, "host port", "              containerPort: 9090\n",
                    "              containerPort: 9090\n              hostPort: 9090\n"),
            new Breaking(Rule.K8005, DEPLOYMENT, "unsafe sysctl", POD_CONTEXT,
                    POD_CONTEXT + "        sysctls:\n          - name: kernel.msgmax\n            value: \"65536\"\n"),
            new Breaking(Rule.K8006, DEPLOYMENT, "an nfs volume", "      volumes:\n",
                    "      volumes:\n        - name: shared\n          nfs:\n            server: nfs.example.com\n            path: /x\n"),
            new Breaking(Rule.K8007, DEPLOYMENT, "writable root", "readOnlyRootFilesystem: true",
                    "readOnlyRootFilesystem: false"),
            new Breaking(Rule.K8007, DEPLOYMENT, "read-only root without /tmp", "            - name: tmp\n              mountPath: /tmp\n",
                    ""),
            new Breaking(Rule.K8008, DEPLOYMENT, "no memory limit", "            limits:\n              cpu: \"1\"\n              memory: \"512Mi\"\n",
                    "            limits:\n              cpu: \"1\"\n"),
            new Breaking(Rule.K8009, DEPLOYMENT, "no readiness probe", "          readinessProbe:\n", "          readinessCheck:\n"),
            new Breaking(Rule.K8010, DEPLOYMENT, "token mounted", "      automountServiceAccountToken: false\n", ""),
            new Breaking(Rule.K8010, DEPLOYMENT, "default service account", "      serviceAccountName: orders\n", ""),
            new Breaking(Rule.K8011, DEPLOYMENT, "latest", "image: orders:local", "image: orders:latest"),
            new Breaking(Rule.K8011, DEPLOYMENT, "untagged", "image: orders:local", "image: registry.example.com:5000/orders"),
            new Breaking(Rule.K8012, DEPLOYMENT, "a password literal", "            - name: APP_ENV\n",
                    "            - name: DB_PASSWORD\n              value: hunter2\n            - name: APP_ENV\n"),
            new Breaking(Rule.K8012, DEPLOYMENT, "a password inside a URL", "value: postgres://app@db:5432/app",
                    "value: postgres://app:hunter2@db:5432/app"),
            new Breaking(Rule.K8012, DEPLOYMENT, "a Secret as environment", "            - name: APP_ENV\n",
                    "            - name: DATABASE_PASSWORD\n              valueFrom:\n                secretKeyRef:\n"
                            + "                  name: orders-database\n                  key: password\n"
                            + "            - name: APP_ENV\n"),
            new Breaking(Rule.K8013, NETWORK_POLICY, "ingress only", "    - Ingress\n    - Egress\n", "    - Ingress\n"),
            new Breaking(Rule.K8013, NETWORK_POLICY, "selects other pods", "      app.kubernetes.io/name: orders",
                    "      app.kubernetes.io/name: billing"),
            new Breaking(Rule.K8014, AUTOSCALER, "the autoscaler allows one pod", "minReplicas: 2", "minReplicas: 1"),
            new Breaking(Rule.K8014, DISRUPTION_BUDGET, "the budget selects other pods", "      app.kubernetes.io/name: orders",
                    "      app.kubernetes.io/name: billing"),
            new Breaking(Rule.K8014, DEPLOYMENT, "rollout may take pods away", "maxUnavailable: 0", "maxUnavailable: 1"),
            new Breaking(Rule.K8014, DEPLOYMENT, "no spread", "          topologyKey: kubernetes.io/hostname\n", ""),
            new Breaking(Rule.VF003, DEPLOYMENT, "YAML syntax error", "spec:\n", "spec: [\n"),
            new Breaking(Rule.VF002, KUSTOMIZATION, "the NetworkPolicy left out of the kustomization",
                    "  - networkpolicy.yaml\n", ""),
            new Breaking(Rule.K8013, KUSTOMIZATION, "the NetworkPolicy left out: nothing isolates the pods",
                    "  - networkpolicy.yaml\n", ""),
            new Breaking(Rule.VF002, KUSTOMIZATION, "a resource that is not there", "  - networkpolicy.yaml\n",
                    "  - networkpolicy.yaml\n  - ingress.yaml\n"),
            new Breaking(Rule.XF001, COMPOSE, "compose publishes another container port",
                    "\"127.0.0.1:${APP_PORT:-9090}:9090\"", "\"127.0.0.1:${APP_PORT:-9090}:9091\""),
            new Breaking(Rule.XF002, COMPOSE, "compose reads a variable .env.example does not list", "    init: true\n",
                    "    init: true\n    hostname: ${APP_HOSTNAME:-app}\n"),
            new Breaking(Rule.XF002, ENV_EXAMPLE, "another default than compose's", "APP_PORT=9090", "APP_PORT=9999"),
            new Breaking(Rule.XF002, ENV_EXAMPLE, "a variable compose never reads", "APP_ENV=local\n",
                    "APP_ENV=local\nAPP_DEBUG=true\n"),
            new Breaking(Rule.CP012, ENV_EXAMPLE, "a password in .env.example", "APP_ENV=local\n",
                    "APP_ENV=local\nPOSTGRES_PASSWORD=hunter2\n"),
            new Breaking(Rule.VF003, COMPOSE, "YAML syntax error", "services:\n", "services:\n  app: [\n"),
            new Breaking(Rule.VF003, DOCKERFILE, "not an instruction", "WORKDIR /workspace\n", "WORKDIR /workspace\n--oops\n"));

    private static String golden(String name, String file) throws IOException {
        return Files.readString(GOLDEN.resolve(name).resolve(file));
    }

    /** All findings on the golden postgres case's files, with one file replaced by the given text. */
    private static List<Finding> check(String file, String text, boolean strict) throws IOException {
        PolicyChecker checker = new PolicyChecker(strict);
        String dockerfile = file.equals(DOCKERFILE) ? text : golden("postgres", DOCKERFILE);
        String compose = file.equals(COMPOSE) ? text : golden("postgres", COMPOSE);
        String workflow = file.equals(WORKFLOW) ? text : golden("postgres", WORKFLOW);
        String dependabot = file.equals(DEPENDABOT) ? text : golden("postgres", DEPENDABOT);
        String envExample = file.equals(ENV_EXAMPLE) ? text : golden("postgres", ENV_EXAMPLE);
        List<Finding> findings = new ArrayList<>();
        findings.addAll(checker.dockerfile(DOCKERFILE, dockerfile));
        findings.addAll(checker.compose(COMPOSE, compose));
        findings.addAll(checker.workflow(WORKFLOW, workflow));
        findings.addAll(checker.dependabot(DEPENDABOT, dependabot));
        findings.addAll(checker.consistency(DOCKERFILE, dockerfile, COMPOSE, compose));
        findings.addAll(checker.envExample(COMPOSE, compose, ENV_EXAMPLE, envExample));
        findings.addAll(checker.dockerignore(DOCKERIGNORE, file.equals(DOCKERIGNORE) ? text : golden("postgres", DOCKERIGNORE)));
        findings.addAll(checker.trivyignore(TRIVYIGNORE, file.equals(TRIVYIGNORE) ? text : golden("postgres", TRIVYIGNORE)));
        java.util.Map<String, String> kubernetes = new java.util.LinkedHashMap<>();
        for (String k8s : KUBERNETES) {
            kubernetes.put(k8s, file.equals(k8s) ? text : golden("postgres", k8s));
        }
        findings.addAll(checker.kubernetes(kubernetes));
        return findings;
    }

    @Test
    void theGeneratedFilesSatisfyEveryRuleButTheDigestPin() throws IOException {
        List<Finding> findings = check(DOCKERFILE, golden("postgres", DOCKERFILE), false);
        assertThat(findings).extracting(Finding::rule).containsOnly(Rule.DF003);
        assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
        // One finding per FROM that takes an unpinned base image from a build argument (builder, jre, runtime).
        List<String> lines = golden("postgres", DOCKERFILE).lines().toList();
        List<Integer> fromArgs = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FROM ${")) {
                fromArgs.add(i + 1);
            }
        }
        assertThat(fromArgs).hasSize(3);
        assertThat(findings).extracting(Finding::line).containsExactlyElementsOf(fromArgs);
    }

    @Test
    void aOneShotMigrationNeedsNoHealthcheckButMustNotRestart() throws IOException {
        String compose = golden("java25-aot", COMPOSE);
        PolicyChecker checker = new PolicyChecker(true);
        assertThat(compose).contains("  migrate:\n").contains("condition: service_completed_successfully");
        assertThat(checker.compose(COMPOSE, compose)).extracting(Finding::rule).doesNotContain(Rule.CP009);
        // Restarted after it completes: the migrations would run again and again.
        String restarting = compose.replace("    restart: \"no\"\n", "    restart: unless-stopped\n");
        assertThat(restarting).isNotEqualTo(compose);
        assertThat(checker.compose(COMPOSE, restarting)).filteredOn(f -> f.rule() == Rule.CP009).singleElement()
                .extracting(Finding::message).asString().startsWith("service migrate is a one-shot");
        // Nobody waits for it to complete: then it is an ordinary service, and its healthcheck is off.
        String unawaited = compose.replace("      migrate:\n        condition: service_completed_successfully\n", "");
        assertThat(unawaited).isNotEqualTo(compose);
        assertThat(checker.compose(COMPOSE, unawaited)).filteredOn(f -> f.rule() == Rule.CP009).singleElement()
                .extracting(Finding::message).isEqualTo("service migrate has no healthcheck");
    }

    @Test
    void everyGeneratedEnvExampleListsExactlyWhatItsComposeFileReads() throws IOException {
        List<Path> examples;
        try (Stream<Path> walk = Files.walk(GOLDEN)) {
            examples = walk.filter(p -> p.getFileName().toString().equals(ENV_EXAMPLE)).sorted().toList();
        }
        assertThat(examples).hasSize(7);
        for (Path example : examples) {
            String compose = Files.readString(example.resolveSibling(COMPOSE));
            assertThat(new PolicyChecker(false).envExample(COMPOSE, compose, ENV_EXAMPLE, Files.readString(example)))
                    .as(example.toString()).isEmpty();
        }
    }

    @Test
    void pinnedBaseImagesSatisfyTheDigestRuleAndStrictModeRaisesIt() throws IOException {
        PolicyChecker checker = new PolicyChecker(false);
        assertThat(checker.dockerfile(DOCKERFILE, golden("prebuilt-pinned", DOCKERFILE))).isEmpty();
        assertThat(new PolicyChecker(true).dockerfile(DOCKERFILE, golden("postgres", DOCKERFILE)))
                .extracting(Finding::severity).containsOnly(Severity.HIGH);
    }

    @TestFactory
    Stream<DynamicTest> eachBreakingFixtureTriggersItsRule() {
        return BREAKING.stream().map(b -> DynamicTest.dynamicTest(b.rule().id() + " " + b.description(), () -> {
            String original = golden("postgres", b.file());
            assertThat(original).as("fixture anchor").contains(b.find());
            List<Finding> findings = check(b.file(), original.replaceFirst(java.util.regex.Pattern.quote(b.find()),
                    java.util.regex.Matcher.quoteReplacement(b.replace())), false);
            assertThat(findings).extracting(Finding::rule).contains(b.rule());
            assertThat(findings).filteredOn(f -> f.rule() == b.rule()).allSatisfy(f -> {
                // A rule about the objects around the pods reports on the workload, wherever the change was.
                assertThat(f.file()).isIn(b.file(), b.rule().kind() == Rule.Kind.KUBERNETES ? DEPLOYMENT : b.file(),
                        b.file().equals(KUSTOMIZATION) ? NETWORK_POLICY : b.file());
                assertThat(f.message()).isNotBlank();
            });
        }));
    }

    @Test
    void passwordsByReferenceAndCodeScanningUploadsStayQuiet() throws IOException {
        // A password given by reference: a Compose variable (unset here, so empty) and a Kubernetes $(VAR).
        String compose = golden("postgres", COMPOSE).replace("      APP_ENV: ${APP_ENV:-local}\n",
                "      APP_ENV: ${APP_ENV:-local}\n      REPLICA_URL: postgres://app:${REPLICA_PASSWORD}@replica/app\n");
        assertThat(compose).contains("REPLICA_URL");
        assertThat(check(COMPOSE, compose, false)).noneMatch(f -> f.rule() == Rule.CP012);
        String deployment = golden("postgres", DEPLOYMENT).replace("value: postgres://app@db:5432/app",
                "value: postgres://app:$(DB_PASSWORD)@db:5432/app");
        assertThat(deployment).contains("$(DB_PASSWORD)");
        assertThat(check(DEPLOYMENT, deployment, false)).noneMatch(f -> f.rule() == Rule.K8012);
        // The generated workflow's pull request jobs hold security-events: write (to upload SARIF), nothing else.
        String workflow = golden("postgres", WORKFLOW);
        assertThat(workflow).contains("pull_request:").contains("      security-events: write\n");
        assertThat(check(WORKFLOW, workflow, false)).noneMatch(f -> f.rule() == Rule.GH002);
    }

    @Test
    void aTrivyignoreEntryCountsUntilTheDayBeforeItsDateAsTrivyReadsIt() {
        // Trivy takes exp: as 00:00 UTC of that day and stops ignoring the entry from then on.
        String text = "# The XML parser is never given untrusted input here.\nCVE-2026-12345 exp:2027-01-31\n";
        PolicyChecker checker = new PolicyChecker(false);
        assertThat(checker.trivyignore(TRIVYIGNORE, text, java.time.LocalDate.of(2027, 1, 30))).isEmpty();
        assertThat(checker.trivyignore(TRIVYIGNORE, text, java.time.LocalDate.of(2027, 1, 31))).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("CVE-2026-12345 expired on 2027-01-31"));
        assertThat(checker.trivyignore(TRIVYIGNORE, text.replace("2027-01-31", "2027-02-30"),
                java.time.LocalDate.of(2026, 1, 1))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("no real date"));
    }

    @Test
    void everyRuleHasABreakingFixture() {
        Set<Rule> covered = EnumSet.noneOf(Rule.class);
        BREAKING.forEach(b -> covered.add(b.rule()));
        covered.add(Rule.DF003); // the golden Dockerfile itself (unpinned images)
        // Drift and missing files need a repository on disk: VerifierTest breaks them.
        covered.add(Rule.VF001);
        covered.add(Rule.VF002);
        // Outdated files need two plugin versions: VerifierTest and the verify-outdated IT break it.
        covered.add(Rule.VF004);
        // An override behind its built-in template needs a template directory: VerifierTest and the
        // verify-override-behind IT break it.
        covered.add(Rule.VF005);
        assertThat(EnumSet.complementOf(EnumSet.copyOf(covered))).as("rules without a breaking fixture").isEmpty();
    }
}
