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
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -Dhardened.skip=true<#if repo.multiModule> -pl [=s.modulePath] -am</#if> \
      org.apache.maven.plugins:maven-dependency-plugin:3.9.0:go-offline -DexcludeArtifactIds=hardened-container-maven-plugin

# Sources, then the build. Tests run in CI before the image is built; here they are compiled, not run.
<#list s.sourceDirs as dir>
COPY [=dir] ./[=dir]
</#list>
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -Dhardened.skip=true<#if repo.multiModule> -pl [=s.modulePath] -am</#if> -DskipTests package \
      org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory=target/container-lib \
 && mkdir -p /layers/lib /layers/app [=s.modulePrefix]target/container-lib \
 && cp -R [=s.modulePrefix]target/container-lib/. /layers/lib/ \
 && set -- [=s.jarGlob] \
 && if [ "$#" -ne 1 ] || [ ! -f "$1" ]; then echo "expected exactly one jar matching [=s.jarGlob], found: $*" >&2; exit 1; fi \
 && cp "$1" /layers/app/app.jar
</#if>

# Runtime: a JRE and the application, no build tools.
FROM ${RUNTIME_IMAGE} AS runtime
<#list s.labels as name, value>
<#if name?is_first>LABEL <#else>      </#if>[=name]=[=value]<#if name?has_next> \</#if>
</#list>
WORKDIR /app
# Layers from least to most often changed. Files stay owned by root: the runtime user can read, not write.
COPY --from=builder /opt/probe/classes /app/probe
COPY --from=builder /layers/lib /app/lib
COPY --from=builder /layers/app /app

USER [=s.uid]:[=s.gid]
EXPOSE [=s.port]
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD [=s.healthcheck]
ENTRYPOINT [=s.entrypoint]
