<#-- The runtime stage: the image that ships. Included by Dockerfile.ftl; data model: see TemplateData. -->

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
<#if s.probeCache>
COPY --from=builder /opt/probe/probe.jar /app/probe.jar
COPY --from=aot /tmp/probe.aot /app/probe.aot
<#else>
COPY --from=builder /opt/probe/classes /app/probe
</#if>
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
