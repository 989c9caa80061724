<#-- Hardened multi-stage Dockerfile. Data model: see TemplateData. -->
<#assign s = service>
<#if s.contextPath != ".">
# Build from the repository root: DOCKER_BUILDKIT=1 docker build -f [=s.modulePrefix]Dockerfile -t [=s.imageName]:local .
<#else>
# Build: DOCKER_BUILDKIT=1 docker build -t [=s.imageName]:local .
</#if>
# Base images come from build arguments, so an organisation can point them at its own trusted images
# (for example --build-arg RUNTIME_IMAGE=registry.example.com/base/jre:[=s.javaVersion]).
ARG BUILDER_IMAGE=[=s.builderImage]
ARG RUNTIME_IMAGE=[=s.runtimeImage]

<#if s.prebuilt>
# The jar is built outside Docker; this stage compiles the health probe and sorts target/ into layers.
FROM ${BUILDER_IMAGE} AS builder
<#else>
# Builder: compiles and packages the application with Maven. Nothing from this stage but the outputs
# copied below reaches the runtime image.
FROM ${BUILDER_IMAGE} AS builder
</#if>
WORKDIR /workspace

# Health probe: a small Java HTTP client, so the runtime image needs neither curl nor wget.
RUN mkdir -p /opt/probe/src /opt/probe/classes \
 && printf '%s\n' \
    'import java.net.HttpURLConnection;' \
    'import java.net.URI;' \
    'public final class HealthProbe {' \
    '    public static void main(String[] args) throws Exception {' \
    '        HttpURLConnection c = (HttpURLConnection) URI.create(args[0]).toURL().openConnection();' \
    '        c.setConnectTimeout(2000);' \
    '        c.setReadTimeout(3000);' \
    '        int status = c.getResponseCode();' \
    '        System.exit(status >= 200 && status < 300 ? 0 : 1);' \
    '    }' \
    '}' \
    > /opt/probe/src/HealthProbe.java \
 && javac --release 11 -d /opt/probe/classes /opt/probe/src/HealthProbe.java
<#if s.prebuilt>

# The jar and its runtime dependencies come from target/, built outside Docker; sort them into layers.
COPY [=s.modulePrefix]target/ /prebuilt/
RUN mkdir -p /layers/lib /layers/app \
 && if [ -d /prebuilt/container-lib ]; then cp -R /prebuilt/container-lib/. /layers/lib/; fi \
 && set -- /prebuilt/[=s.jarName] \
 && if [ "$#" -ne 1 ] || [ ! -f "$1" ]; then echo "expected exactly one jar matching [=s.jarGlob], found: $*" >&2; exit 1; fi \
 && cp "$1" /layers/app/app.jar
<#else>

# Dependencies first: this layer is rebuilt only when a POM changes. The generator plugin is not needed to build
# the jar: it is neither resolved nor run here (-Dhardened.skip=true).
<#list repo.modulePoms as pom>
COPY [=pom] ./[=pom]
</#list>
<#if repo.mavenConfig>
COPY .mvn ./.mvn
</#if>
# Private repositories: a settings.xml passed as the BuildKit secret maven-settings (docker build --secret
# id=maven-settings,src=$HOME/.m2/settings.xml) is mounted for the Maven steps alone, never written to a layer.
RUN --mount=type=cache,target=/root/.m2 \
    --mount=type=secret,id=maven-settings \
    settings=; if [ -s /run/secrets/maven-settings ]; then settings="--settings /run/secrets/maven-settings"; fi; \
    mvn -B -ntp $settings -Dhardened.skip=true<#if repo.multiModule> -pl [=s.modulePath] -am</#if> \
      org.apache.maven.plugins:maven-dependency-plugin:3.9.0:go-offline -DexcludeArtifactIds=hardened-container-maven-plugin

# Sources, then the build. Tests run in CI before the image is built; here they are compiled, not run.
<#list s.sourceDirs as dir>
COPY [=dir] ./[=dir]
</#list>
<#if s.mavenArgs?has_content>
# [=s.framework]: [=s.mavenArgs?trim] keeps the application jar plain; its dependencies are copied beside it, each once<#if s.excludedArtifacts?has_content>,
# without [=s.excludedArtifacts?replace(",", ", ")] (development only)</#if>.
</#if>
<#if s.quarkusFastJar>
# [=s.framework]: the fast-jar directory becomes /app (quarkus-run.jar as app.jar, with lib/, app/ and quarkus/
# beside it, where the runner looks for them); nothing else is copied.
<#elseif !s.copiesDependencies>
# [=s.framework?cap_first]: its dependencies are inside it, so none are copied beside it (they would ship twice).
</#if>
RUN --mount=type=cache,target=/root/.m2 \
    --mount=type=secret,id=maven-settings \
    settings=; if [ -s /run/secrets/maven-settings ]; then settings="--settings /run/secrets/maven-settings"; fi; \
    mvn -B -ntp $settings -Dhardened.skip=true<#if repo.multiModule> -pl [=s.modulePath] -am</#if> -DskipTests[=s.mavenArgs] package<#if s.copiesDependencies> \
      org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory=target/container-lib<#if s.excludedArtifacts?has_content> -DexcludeArtifactIds=[=s.excludedArtifacts]</#if></#if> \
<#if s.quarkusFastJar>
 && if [ ! -f [=s.modulePrefix]target/quarkus-app/quarkus-run.jar ]; then \
      echo "expected Quarkus's fast-jar in [=s.modulePrefix]target/quarkus-app (quarkus.package.jar.type=fast-jar, the default)" >&2; exit 1; fi \
 && mkdir -p /layers/lib /layers/app \
 && cp -R [=s.modulePrefix]target/quarkus-app/lib/. /layers/lib/ \
 && cp -R [=s.modulePrefix]target/quarkus-app/app [=s.modulePrefix]target/quarkus-app/quarkus /layers/app/ \
 && cp [=s.modulePrefix]target/quarkus-app/quarkus-run.jar /layers/app/app.jar
<#else>
 && mkdir -p /layers/lib /layers/app [=s.modulePrefix]target/container-lib \
 && cp -R [=s.modulePrefix]target/container-lib/. /layers/lib/ \
<#if s.jarStated>
 && if [ ! -f [=s.modulePrefix]target/[=s.jarName] ]; then \
      echo "the jar <jarName> names, [=s.modulePrefix]target/[=s.jarName], was not built" >&2; exit 1; fi \
 && cp [=s.modulePrefix]target/[=s.jarName] /layers/app/app.jar
<#elseif s.jarVersioned>
 && { version=; if [ -f [=s.modulePrefix]target/maven-archiver/pom.properties ]; then \
        version="$(sed -n 's/^version=//p' [=s.modulePrefix]target/maven-archiver/pom.properties)"; fi; \
      jar="[=s.modulePrefix]target/[=s.jarName?replace("*", "$version")]"; \
      if [ -z "$version" ] || [ ! -f "$jar" ]; then \
        echo "expected the jar [=s.jarGlob] with the built version (${version:-unknown}): set <jarName> to its file name" >&2; exit 1; fi; \
      cp "$jar" /layers/app/app.jar; }
<#else>
 && if [ ! -f [=s.jarGlob] ]; then echo "expected the jar [=s.jarGlob]: set <jarName> to its file name in target/" >&2; exit 1; fi \
 && cp [=s.jarGlob] /layers/app/app.jar
</#if>
</#if>
</#if>

# The class path goes to [=s.argFile] in a fixed order, the same on every build (the start-up cache checks it).
RUN LC_ALL=C && export LC_ALL \
 && { printf -- '-cp /app/app.jar'; for jar in /layers/lib/*; do [ -f "$jar" ] && printf ':/app/lib/%s' "${jar##*/}"; done; \
      printf '\n'; } > /layers/app/jvm.args
<#if s.jlink>

<#if s.jlinkModules?has_content>
# Modules for the linked runtime, as configured (<jlinkModules>).
RUN printf '%s\n' '[=s.jlinkModules]' > /layers/jlink-modules
<#else>
# Modules for the linked runtime: what jdeps finds the application and every library that ships refer to. Every
# jar, in any directory, is on the class path, and every jar that is not a named module is a root (a library
# loaded through ServiceLoader is no dependency of the application's classes; a named module as a root would make
# jdeps resolve its requires). grep -L lists the jars whose stored names lack module-info.class<#if s.jlinkAddModules?has_content>. Plus
# [=s.jlinkAddModules] (loaded by name, which jdeps cannot see; <jlinkAddModules>)</#if><#if s.jlinkExcludeModules?has_content>, without
# [=s.jlinkExcludeModules] (never loaded; <jlinkExcludeModules>)</#if>.
RUN set -- $(find /layers/lib /layers/app -name '*.jar' ! -path /layers/app/app.jar); \
    classpath="$(printf '%s:' /layers/app/app.jar "$@")"; roots=; \
    if [ "$#" -gt 0 ]; then roots="$(grep -L -F module-info.class "$@" || true)"; fi; \
    modules="$(jdeps -q --ignore-missing-deps --print-module-deps --multi-release [=s.javaVersion] \
      --class-path "$classpath" /layers/app/app.jar $roots 2>&1)" \
 || { echo "jdeps could not list the modules the application needs ($modules): set <jlinkModules> to them" >&2; exit 1; }; \
    case "$modules" in *[!A-Za-z0-9.,]*) \
      echo "jdeps printed no module list but: $modules (set <jlinkModules> to the modules the application needs)" >&2; exit 1;; \
    esac; \
    [ -n "$modules" ] || { echo "jdeps found no module: set <jlinkModules> to the modules the application needs" >&2; exit 1; }; \
<#if s.jlinkExcludeModules?has_content>
    kept=; IFS=,; for m in $modules; do \
      case " [=s.jlinkExcludeModules] " in *" $m "*) ;; *) kept="${kept:+$kept,}$m" ;; esac; \
    done; unset IFS; modules=$kept; \
</#if>
    printf '%s\n' "$modules<#if s.jlinkAddModules?has_content>,[=s.jlinkAddModules]</#if>" > /layers/jlink-modules \
 && echo "modules to link: $(cat /layers/jlink-modules)"
</#if>

# Java runtime: linked from the builder's JDK with only those modules. The stage is cached while the module list
# stays the same, so a source change does not link again. Native debug symbols go too where the builder has
# objcopy. The trust store is the builder's (with its CAs).
FROM ${BUILDER_IMAGE} AS jre
COPY --from=builder /layers/jlink-modules /tmp/jlink-modules
RUN strip=--strip-java-debug-attributes; if command -v objcopy >/dev/null; then strip=--strip-debug; fi; \
    jlink --add-modules "$(cat /tmp/jlink-modules)" --output [=s.jreHome] "$strip" \
      --no-man-pages --no-header-files<#if s.javaVersion?number gte 21> --compress=zip-6</#if><#if s.jlinkCds> --generate-cds-archive</#if> \
 && java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" \
 && cp -L "$java_home/lib/security/cacerts" [=s.jreHome]/lib/security/cacerts
</#if>
<#if s.aotCache>

# Start-up cache: one training run of the application at build time, with the runtime and class path the image
# has; the image starts from [=s.aotKind] of what that run loaded and linked. The run requests
# the health and readiness paths<#if (s.trainingUrls?split(" ")?size > 2)> and <aotTrainingPaths></#if>, then stops the application with SIGTERM.
FROM <#if s.jlink>jre<#else>${RUNTIME_IMAGE}</#if> AS aot
WORKDIR /app
COPY --from=builder /opt/probe/classes /app/probe
COPY --from=builder /layers/lib /app/lib
COPY --from=builder /layers/app /app
# The application's output goes to /tmp/training.log, printed after the run; when the run fails, the cause is
# named first: a JDK class loaded by name from a module the linked runtime lacks (looked up in the JDK's own module
# image, with the <jlinkAddModules> line to add), a missing class of the application, a dependency that refused
# the connection, a port in use.
RUN [=s.trainingCommand] > /tmp/training.log 2>&1 & pid=$!; \
    ready=false; \
    for i in $(seq 1 120); do \
      if [=s.probeCommand] [=s.healthUrl] 2>/dev/null; then ready=true; break; fi; \
      kill -0 "$pid" 2>/dev/null || break; \
      sleep 0.5; \
    done; \
    if [ "$ready" != true ]; then \
      if kill -0 "$pid" 2>/dev/null; then why="[=s.healthUrl] did not answer 2xx within 60 s"; kill -KILL "$pid"; \
      else why="the application exited before [=s.healthUrl] answered"; fi; \
      cat /tmp/training.log >&2; \
      echo "training run: $why (the application's output is above)" >&2; \
      set -- $(sed -n 's/.*Class[A-Za-z]*Found[A-Za-z]*: \([A-Za-z0-9_$./]*\).*/\1/p' /tmp/training.log); \
      printf '%s\n' "${1:-}" > /tmp/missing-class; missing="$(sed 'y/./\//' /tmp/missing-class)"; module=; \
      if [ -n "$missing" ] && command -v jimage >/dev/null; then \
        jimage list "$(dirname "$(dirname "$(readlink -f "$(command -v jimage)")")")/lib/modules" > /tmp/jdk-classes; \
        module="$(awk -v c="$missing.class" '/^Module: /{m=$2} $1==c{print m; exit}' /tmp/jdk-classes)"; \
      fi; \
      if [ -n "$module" ]; then \
        echo "training run: the linked runtime lacks the module $module ($missing is loaded by name, which jdeps cannot see): add <jlinkAddModules><module>$module</module></jlinkAddModules>" >&2; \
      elif grep -q 'ProviderNotFoundException' /tmp/training.log; then \
        echo "training run: a file system provider is missing from the linked runtime (the zip provider is jdk.zipfs, a service jdeps cannot see): add <jlinkAddModules><module>jdk.zipfs</module></jlinkAddModules>" >&2; \
      elif [ -n "$missing" ]; then \
        echo "training run: the class $missing is not on the class path: check <mainClass>, and that the jar and its dependencies are built" >&2; \
      elif grep -q -e 'Connection refused' -e 'ConnectException' /tmp/training.log; then \
        echo "training run: the service could not reach a dependency at start (connection refused): give the training run settings it starts with (<aotTrainingEnv>), or set <aotCache>false</aotCache>" >&2; \
      elif grep -q -e 'Address already in use' -e 'BindException' /tmp/training.log; then \
        echo "training run: port [=s.port] is already in use in the build" >&2; \
      else \
        echo "make the service start without its dependencies (<aotTrainingEnv>), or set <aotCache>false</aotCache>" >&2; \
      fi; \
      exit 1; \
    fi; \
    for url in [=s.trainingUrls]; do [=s.probeCommand] "$url" >/dev/null 2>&1 || true; done; \
    kill -TERM "$pid"; \
    for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done; \
    if kill -0 "$pid" 2>/dev/null; then echo "training run: the application did not stop within 30 s of SIGTERM" >&2; \
      kill -KILL "$pid"; exit 1; fi; \
    wait "$pid" || true; \
    cat /tmp/training.log; \
    if [ ! -s [=s.aotTrainingFile] ]; then echo "training run: no start-up cache was written" >&2; exit 1; fi
</#if>

# Runtime: <#if s.jlink>the linked Java runtime on a minimal base<#else>a JRE</#if> and the application, no build tools.
FROM ${RUNTIME_IMAGE} AS runtime
<#list s.labels as name, value>
<#if name?is_first>LABEL <#else>      </#if>[=name]=[=value]<#if name?has_next> \</#if>
</#list>
WORKDIR /app
# Layers from least to most often changed. Files stay owned by root: the runtime user can read, not write.
<#if s.jlink>
COPY --from=jre [=s.jreHome] [=s.jreHome]
</#if>
COPY --from=builder /opt/probe/classes /app/probe
COPY --from=builder /layers/lib /app/lib
COPY --from=builder /layers/app /app
<#if s.aotCache>
COPY --from=aot [=s.aotTrainingFile] [=s.aotFile]
</#if>

USER [=s.uid]:[=s.gid]
EXPOSE [=s.port]
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD [=s.healthcheck]
ENTRYPOINT [=s.entrypoint]
