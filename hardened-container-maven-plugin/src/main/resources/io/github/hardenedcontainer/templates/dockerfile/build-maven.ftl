<#-- Layout of a jar built by Maven in the builder (buildMode docker), per framework. Included by Dockerfile.ftl; data model: see TemplateData. -->

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
<#elseif s.quarkusUberJar>
# [=s.framework]: the uber-jar Quarkus names in target/quarkus-artifact.properties, alone: its dependencies are
# inside it, so none are copied beside it (they would ship twice).
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
      echo "expected Quarkus's fast-jar in [=s.modulePrefix]target/quarkus-app (quarkus.package.jar.type=fast-jar, the default; for an uber-jar state quarkus.package.jar.type=uber-jar in the POM's properties or application.properties and generate again)" >&2; exit 1; fi \
 && mkdir -p /layers/lib /layers/app \
 && cp -R [=s.modulePrefix]target/quarkus-app/lib/. /layers/lib/ \
 && cp -R [=s.modulePrefix]target/quarkus-app/app [=s.modulePrefix]target/quarkus-app/quarkus /layers/app/ \
 && cp [=s.modulePrefix]target/quarkus-app/quarkus-run.jar /layers/app/app.jar
<#elseif s.quarkusUberJar>
 && mkdir -p /layers/lib /layers/app \
 && { if [ ! -f [=s.modulePrefix]target/quarkus-artifact.properties ]; then \
        echo "Quarkus wrote no [=s.modulePrefix]target/quarkus-artifact.properties: quarkus-maven-plugin's build goal did not run (<packaging>quarkus</packaging>, or an execution of the build goal)" >&2; exit 1; fi; \
      jar="$(sed -n 's/^path=//p' [=s.modulePrefix]target/quarkus-artifact.properties)"; \
      case "$jar" in *-runner.jar) ;; *) \
        echo "expected Quarkus's uber-jar (quarkus.package.jar.type=uber-jar), but [=s.modulePrefix]target/quarkus-artifact.properties names ${jar:-no artifact}: set the jar type where Quarkus reads it, or remove it from the POM's properties and application.properties for the fast-jar, and generate again" >&2; exit 1;; \
      esac; \
      cp "[=s.modulePrefix]target/$jar" /layers/app/app.jar; }
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
