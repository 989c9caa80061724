<#-- The start-up cache's training run (aotCache). Included by Dockerfile.ftl; data model: see TemplateData. -->

# Start-up cache: one training run of the application at build time, with the runtime and class path the image
# has; the image starts from a cache of what that run loaded and linked. The JDK decides which: on Java 25 and later
# an AOT cache (JEP 483/514; the health probe gets one too), on 13-24 a class-data sharing archive. The option that
# reads it goes to [=s.cacheArgFile], the probe's to [=s.probeArgFile]. The run requests the health and readiness paths<#if (s.trainingUrls?split(" ")?size > 2)> and
# <aotTrainingPaths></#if>, then stops the application with SIGTERM.
FROM <#if s.jlink>jre<#else>${RUNTIME_IMAGE}</#if> AS aot
WORKDIR /app
COPY --from=builder /opt/probe/probe.jar /app/probe.jar
COPY --from=builder /layers/lib /app/lib
COPY --from=builder /layers/app /app
# The application's output goes to /tmp/training.log, printed after the run; when the run fails, the cause is
# named first: a JDK class loaded by name from a module the linked runtime lacks (looked up in the JDK's own module
# image, with the <jlinkAddModules> line to add), a missing class of the application, a dependency that refused
# the connection, a port in use.
RUN feature="$([=s.javaFeatureCommand])"; mkdir -p /tmp/startup; \
    case "$feature" in [1-9]*) ;; *) echo "training run: could not read the Java version of the runtime (got '$feature')" >&2; exit 1;; esac; \
    if [ "$feature" -ge 25 ]; then \
      cache=/tmp/startup/app.aot; cache_output="-XX:AOTCacheOutput=$cache"; \
      echo "-XX:AOTCache=/app/app.aot" > /tmp/startup/cache.args; \
      echo "[=s.probeJvmCached] -XX:AOTCache=/app/probe.aot -cp /app/probe.jar" > /tmp/startup/probe.args; \
    elif [ "$feature" -ge 13 ]; then \
      cache=/tmp/startup/app.jsa; cache_output="-XX:ArchiveClassesAtExit=$cache"; \
      echo "-XX:SharedArchiveFile=/app/app.jsa" > /tmp/startup/cache.args; \
      echo "[=s.probeJvm] -cp /app/probe.jar" > /tmp/startup/probe.args; \
    else \
      echo "training run: Java $feature cannot write a start-up cache (Java 13 and later can): use a builder image with a newer JDK, or set <aotCache>false</aotCache>" >&2; exit 1; \
    fi; \
    echo "training run: Java $feature, start-up cache $cache"; \
    [=s.trainingCommand] > /tmp/training.log 2>&1 & pid=$!; \
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
    if [ "$feature" -ge 25 ]; then \
      [=s.probeTrainingCommand] [=s.healthUrl] > /tmp/probe-training.log 2>&1 \
        || { cat /tmp/probe-training.log >&2; echo "training run: the health probe's start-up cache could not be made" >&2; kill -KILL "$pid"; exit 1; }; \
      [ -s /tmp/startup/probe.aot ] || { echo "training run: no start-up cache for the health probe was written" >&2; kill -KILL "$pid"; exit 1; }; \
    fi; \
    kill -TERM "$pid"; \
    for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done; \
    if kill -0 "$pid" 2>/dev/null; then echo "training run: the application did not stop within 30 s of SIGTERM" >&2; \
      kill -KILL "$pid"; exit 1; fi; \
    wait "$pid" || true; \
    cat /tmp/training.log; \
    if [ ! -s "$cache" ]; then echo "training run: no start-up cache was written" >&2; exit 1; fi
