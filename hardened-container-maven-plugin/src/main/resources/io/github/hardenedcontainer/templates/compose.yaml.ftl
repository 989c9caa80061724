<#-- Hardened Compose stack. Data model: see TemplateData. -->
<#assign s = service>
<#-- The app's image and how it runs: shared by the app and the one-shot migration service. -->
<#macro build>
    build:
      context: [=s.contextPath]
      dockerfile: [=s.modulePrefix]Dockerfile
      args:
        BUILDER_IMAGE: ${BUILDER_IMAGE:-[=s.builderImage]}
        RUNTIME_IMAGE: ${RUNTIME_IMAGE:-[=s.runtimeImage]}
<#if repo.mavenSettings?has_content && !s.prebuilt>
      # The settings.xml of the private Maven repositories, a BuildKit secret of the build only (Compose v2).
      secrets:
        - maven-settings
</#if>
    image: ${APP_IMAGE:-[=s.imageName]:local}
</#macro>
<#macro hardening>
    user: "[=s.uid]:[=s.gid]"
    read_only: true
    tmpfs:
      - /tmp:size=64m,mode=1777
    cap_drop:
      - ALL
    security_opt:
      - no-new-privileges:true
    init: true
    mem_limit: [=s.memoryLimit]
    cpus: [=s.cpuLimit]
    pids_limit: [=s.pidsLimit]
    environment:
<#list s.environment as name, value>
      [=name]: [=value]
</#list>
<#if s.postgres>
    secrets:
<#if s.passwordSecretRenamed>
      # The database password as the file /run/secrets/[=s.passwordSecret] ([=s.framework] reads it from there).
      - source: postgres-password
        target: [=s.passwordSecret]
<#else>
      - postgres-password
</#if>
</#if>
</#macro>
<#macro logging>
    logging:
      driver: json-file
      options:
        max-size: "10m"
        max-file: "3"
</#macro>
# Run: docker compose up -d --build   (or docker-compose up -d --build)
<#if s.postgres>
# First create the database password (never committed, never in the build context):
#   mkdir -p secrets && openssl rand -base64 32 > secrets/postgres-password.txt && chmod 0644 secrets/postgres-password.txt
</#if>
services:
  app:
<@build/>
<@hardening/>
    ports:
      - "[=s.hostAddress]:${APP_PORT:-[=s.port]}:[=s.port]"
    healthcheck:
      test: [=s.composeHealthcheck]
      interval: 15s
      timeout: 5s
      retries: 3
      start_period: 60s
<#if s.postgres>
    depends_on:
      db:
        condition: service_healthy
<#if s.migrate>
      migrate:
        condition: service_completed_successfully
</#if>
</#if>
    restart: unless-stopped
    # SIGTERM, then this long to drain before SIGKILL (Docker's default is 10 s): above the service's own shutdown
    # (the sample's SHUTDOWN_GRACE_SECONDS is 10; Spring Boot's graceful shutdown phase defaults to 30 s).
    stop_grace_period: [=s.stopGraceSeconds]s
<@logging/>
    networks:
      - frontend
<#if s.postgres>
      - backend
<#if s.migrate>

  # The database migrations, once per start of the stack and before the app: the app's image, hardening,
  # environment and password, with the arguments <migrationArgs> after its main class. It exits when done; the app
  # starts only when it exited 0, so replicas never migrate, and a failed migration stops the rollout.
  migrate:
<@build/>
    command: [=s.migrationCommand]
<@hardening/>
    # A one-shot: nothing listens, so the image's healthcheck would only ever report it unhealthy.
    healthcheck:
      disable: true
    depends_on:
      db:
        condition: service_healthy
    restart: "no"
<@logging/>
    networks:
      - backend
</#if>

  db:
    image: ${POSTGRES_IMAGE:-[=s.postgresImage]}
    # The postgres user of the image (uid 70 in the Alpine images): no root entrypoint, so no capabilities needed.
    user: "70:70"
    # TCP only once initialised: the socket directory is a tmpfs whose mode Docker 20.10 does not keep across a
    # container restart, and nothing here needs the socket (the healthcheck and the app use TCP).
    command: ["postgres", "-c", "unix_socket_directories="]
    read_only: true
    tmpfs:
      - /tmp:size=16m,mode=1777
      - /var/run/postgresql:size=1m,mode=1777
    cap_drop:
      - ALL
    security_opt:
      - no-new-privileges:true
    mem_limit: 512m
    cpus: 1.0
    pids_limit: 256
    environment:
      POSTGRES_USER: app
      POSTGRES_DB: app
      POSTGRES_PASSWORD_FILE: /run/secrets/postgres-password
    secrets:
      - postgres-password
    volumes:
      - db-data:/var/lib/postgresql/data
    # Fast shutdown: open client connections do not hold the stop up until it turns into a kill.
    stop_signal: SIGINT
    stop_grace_period: 30s
    healthcheck:
      test: ["CMD", "pg_isready", "-h", "127.0.0.1", "-p", "5432", "-U", "app", "-d", "app"]
      interval: 5s
      timeout: 5s
      retries: 10
      start_period: 30s
    restart: unless-stopped
<@logging/>
    # No ports: the database is reachable only from the app, on the internal network.
    networks:
      - backend
</#if>

networks:
  frontend: {}
<#if s.postgres>
  backend:
    # No route outside the stack: the database cannot be reached from the host or the internet.
    internal: true

volumes:
  db-data: {}

secrets:
  postgres-password:
    file: ./secrets/postgres-password.txt
</#if>
<#if repo.mavenSettings?has_content && !s.prebuilt>
<#if !s.postgres>

secrets:
</#if>
  maven-settings:
    file: ${MAVEN_SETTINGS:?set MAVEN_SETTINGS to the settings.xml with the private repositories' credentials}
</#if>
