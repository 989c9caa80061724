<#-- The runtime stage: the image that ships. Included by Dockerfile.ftl; data model: see TemplateData. -->

# Runtime: <#if s.jlink>the linked Java runtime on a minimal base<#else>a JRE</#if> and the application, no build tools.
FROM ${RUNTIME_IMAGE} AS runtime
<#list s.labels as name, value>
<#if name?is_first>LABEL <#else>      </#if>[=name]=[=value]<#if name?has_next> \</#if>
</#list>
WORKDIR /app
# Files stay owned by root: the runtime user can read, not write.
<#if s.jlink>
COPY --from=jre [=s.jreHome] [=s.jreHome]
</#if>
<#if s.aotCache>
# The start-up cache first, then the files it was trained on, from the training stage itself: the cache records
# each jar's modification time, and BuildKit reuses a cached COPY of the same bytes whatever their times. Every
# layer after a new cache is copied anew, so the jars below are always the ones the training run read.
# /tmp/startup holds the cache (app.aot or app.jsa), the probe's (Java 25) and the options that read them.
COPY --from=aot /tmp/startup/ /app/
COPY --from=aot /app/probe.jar /app/probe.jar
COPY --from=aot /app/lib /app/lib
<#if s.quarkusFastJar>
COPY --from=aot /app/app /app/app
COPY --from=aot /app/quarkus /app/quarkus
</#if>
COPY --from=aot /app/app.jar /app/jvm.args /app/
<#else>
COPY --from=builder /opt/probe/classes /app/probe
COPY --from=builder /layers/lib /app/lib
COPY --from=builder /layers/app /app
</#if>

USER [=s.uid]:[=s.gid]
EXPOSE [=s.port]
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD [=s.healthcheck]
ENTRYPOINT [=s.entrypoint]
