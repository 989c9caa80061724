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

<#include "dockerfile/builder.ftl">
<#if s.prebuilt>
<#include "dockerfile/build-prebuilt.ftl">
<#else>
<#include "dockerfile/build-maven.ftl">
</#if>

# The class path goes to [=s.argFile] in a fixed order, the same on every build (the start-up cache checks it).
RUN LC_ALL=C && export LC_ALL \
 && { printf -- '-cp /app/app.jar'; for jar in /layers/lib/*; do [ -f "$jar" ] && printf ':/app/lib/%s' "${jar##*/}"; done; \
      printf '<#if s.propertyFiles>:[=s.probeJar?then("/app/probe.jar", "/app/probe")]</#if>\n'; } > /layers/app/jvm.args
<#if s.jlink>
<#include "dockerfile/linked-runtime.ftl">
</#if>
<#if s.aotCache>
<#include "dockerfile/training-run.ftl">
</#if>
<#include "dockerfile/runtime-stage.ftl">
