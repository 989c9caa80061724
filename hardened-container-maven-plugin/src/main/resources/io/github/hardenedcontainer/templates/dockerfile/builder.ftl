<#-- The builder stage and the health probe it compiles. Included by Dockerfile.ftl; data model: see TemplateData. -->
<#if s.prebuilt>
# The jar is built outside Docker; this stage compiles the health probe and sorts target/ into layers.
FROM ${BUILDER_IMAGE} AS builder
<#else>
# Builder: compiles and packages the application with Maven. Nothing from this stage but the outputs
# copied below reaches the runtime image.
FROM ${BUILDER_IMAGE} AS builder
</#if>
WORKDIR /workspace

# Health probe: a small Java HTTP client, so the runtime image needs neither curl nor wget.<#if s.propertyFiles> Beside it the
# launcher that sets [=s.framework]'s password property from the file JAVA_PROPERTY_FILES names, then starts the
# application (the framework reads the password only as a property; a variable would show it in docker inspect).</#if>
<#-- A Java source of the plugin's probe/ directory (compiled and run by its unit test), written by printf a shell
     word per line: Docker 20.10 reads no here-documents in a Dockerfile. -->
<#macro javaSource lines file>
 && printf '%s\n' \
<#list lines as line>
    [=line] \
</#list>
    > /opt/probe/src/[=file] \
</#macro>
RUN mkdir -p /opt/probe/src /opt/probe/classes \
<@javaSource s.probeSource "HealthProbe.java"/>
<#if s.propertyFiles>
<@javaSource s.launcherSource "PropertyFiles.java"/>
</#if>
 && javac --release 11 -d /opt/probe/classes /opt/probe/src/HealthProbe.java<#if s.propertyFiles> /opt/probe/src/PropertyFiles.java</#if><#if s.probeJar> \
 && jar --create --date=2000-01-01T00:00:00Z --file /opt/probe/probe.jar -C /opt/probe/classes .</#if>
