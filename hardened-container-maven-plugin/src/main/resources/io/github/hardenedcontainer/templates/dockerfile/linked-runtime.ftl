<#-- The modules jdeps finds and the Java runtime linked from them (runtime jlink). Included by Dockerfile.ftl; data model: see TemplateData. -->

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
# Multi-release jars are read for the builder's JDK, the one the runtime is linked from.
RUN set -- $(find /layers/lib /layers/app -name '*.jar' ! -path /layers/app/app.jar); \
    feature="$([=s.builderFeatureCommand])"; \
    classpath="$(printf '%s:' /layers/app/app.jar "$@")"; roots=; \
    if [ "$#" -gt 0 ]; then roots="$(grep -L -F module-info.class "$@" || true)"; fi; \
    modules="$(jdeps -q --ignore-missing-deps --print-module-deps --multi-release "$feature" \
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
# objcopy. The trust store is the builder's (with its CAs). <#if s.aotCache>Below Java 25 the runtime gets a base class-data
# archive, which the start-up cache's class-data archive builds on (on 25 the AOT cache holds the JDK's classes
# itself).<#else>From Java 17 the runtime gets a base class-data archive: the JVM starts faster with one.</#if>
FROM ${BUILDER_IMAGE} AS jre
COPY --from=builder /layers/jlink-modules /tmp/jlink-modules
RUN strip=--strip-java-debug-attributes; if command -v objcopy >/dev/null; then strip=--strip-debug; fi; \
    feature="$([=s.builderFeatureCommand])"; options=; \
    if [ "$feature" -ge 21 ]; then options=--compress=zip-6; fi; \
    if [ "$feature" -ge 17 ]<#if s.aotCache> && [ "$feature" -lt 25 ]</#if>; then options="$options --generate-cds-archive"; fi; \
    jlink --add-modules "$(cat /tmp/jlink-modules)" --output [=s.jreHome] "$strip" \
      --no-man-pages --no-header-files $options \
 && java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" \
 && cp -L "$java_home/lib/security/cacerts" [=s.jreHome]/lib/security/cacerts
