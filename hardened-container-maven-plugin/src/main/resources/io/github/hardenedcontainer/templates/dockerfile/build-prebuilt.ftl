<#-- Layout of a jar built outside Docker (buildMode prebuilt): target/ sorted into layers. Included by Dockerfile.ftl; data model: see TemplateData. -->

# The jar and its runtime dependencies come from target/, built outside Docker; sort them into layers.
COPY [=s.modulePrefix]target/ /prebuilt/
RUN mkdir -p /layers/lib /layers/app \
 && if [ -d /prebuilt/container-lib ]; then cp -R /prebuilt/container-lib/. /layers/lib/; fi \
 && set -- /prebuilt/[=s.jarName] \
 && if [ "$#" -ne 1 ] || [ ! -f "$1" ]; then echo "expected exactly one jar matching [=s.jarGlob], found: $*" >&2; exit 1; fi \
 && cp "$1" /layers/app/app.jar
