<#-- An organisation's own Dockerfile: same data model, different base layout. -->
ARG RUNTIME_IMAGE=registry.example.com/base/jre:[=service.javaVersion]
FROM ${RUNTIME_IMAGE} AS runtime
LABEL org.example.team="platform"
COPY [=service.jarGlob] /app/app.jar
USER [=service.uid]:[=service.gid]
EXPOSE [=service.port]
ENTRYPOINT [=service.entrypoint]
