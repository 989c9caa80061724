<#-- Every variable compose.yaml reads, with the default it uses. Data model: see TemplateData. -->
<#assign s = service>
# The variables compose.yaml reads, each set to the default compose.yaml uses when it is unset. To change one,
# copy this file to .env in this directory (Compose reads it; keep it out of git) or export the variable.
<#if s.postgres>
# The database password is never a variable: it is a Compose secret read from secrets/postgres-password.txt.
</#if>

# Host port the app is published on (bound to [=s.hostAddress]).
APP_PORT=[=s.port]
# Name and tag of the image compose builds and runs.
APP_IMAGE=[=s.imageName]:local
<#if s.appEnvVariable>
# Environment name passed to the app.
APP_ENV=local
</#if>
# Base image of the Dockerfile's builder stage (JDK and Maven).
BUILDER_IMAGE=[=s.builderImage]
# Base image of the Dockerfile's runtime stage.
RUNTIME_IMAGE=[=s.runtimeImage]
<#if repo.mavenSettings?has_content && !s.prebuilt>
# Path of the Maven settings.xml with the private repositories' credentials; the image build reads it as a
# BuildKit secret, never into the image. Required.
MAVEN_SETTINGS=
</#if>
<#if s.postgres>
# PostgreSQL image of the db service.
POSTGRES_IMAGE=[=s.postgresImage]
</#if>
