#!/usr/bin/env bash
# Makes this machine able to build and run the stack (and, with "tests", to run the test suite): installs what
# is missing with apt-get when it can, and starts the Docker engine when it is not running. Used by .ci/run and
# by scripts/stack (make up), so a fresh Debian machine and a developer laptop take the same steps.
#
#   scripts/host-setup.sh stack    Docker engine (and iptables for it) and client with BuildKit, Compose, curl,
#                                  and (for the local base images) mmdebstrap
#   scripts/host-setup.sh tests    all of the above, plus PostgreSQL, Node.js/npm, runuser, iptables, make, wrk,
#                                  docker-registry and gpg
#   scripts/host-setup.sh --detect installs and starts nothing; only prints the lines below
#
# Prints, on stdout, the lines to evaluate for the rest of the session (eval "$(scripts/host-setup.sh stack)"):
#   PATH=...            Debian's docker client first (it has BuildKit built in; a newer client elsewhere on PATH
#                       may lack the buildx plugin and refuse BuildKit builds)
#   DOCKER_BUILDKIT=1, COMPOSE_DOCKER_CLI_BUILD=1   so that Compose 1.29 builds with BuildKit (RUN --mount)
#   COMPOSE="docker compose" or "docker-compose"    Compose v2 when the client has it, else Compose 1.29
# Progress goes to stderr. Exits non-zero, naming what is missing, when it cannot install it (not root, no apt-get).
set -euo pipefail

what=${1:-stack}
case "$what" in
  stack|tests|--detect) ;;
  *) echo "usage: $0 stack|tests|--detect" >&2; exit 2 ;;
esac

say() { printf '[host-setup] %s\n' "$*" >&2; }

# Debian's client, when present, comes first: see above.
if [ -x /usr/bin/docker ]; then
  PATH="/usr/bin:$PATH"
fi

compose_command() {
  if docker compose version >/dev/null 2>&1; then echo "docker compose"; else echo "docker-compose"; fi
}
emit() { printf 'PATH=%q\nDOCKER_BUILDKIT=1\nCOMPOSE_DOCKER_CLI_BUILD=1\nCOMPOSE=%q\n' "$PATH" "$(compose_command)"; }
if [ "$what" = --detect ]; then
  emit
  exit 0
fi

missing=()
need() { [[ " ${missing[*]-} " == *" $1 "* ]] || missing+=("$1"); }
# An engine that runs, or one that can be started here; a client.
docker info >/dev/null 2>&1 || command -v dockerd >/dev/null 2>&1 || need docker.io
# An engine started here sets up its networks with iptables.
docker info >/dev/null 2>&1 || command -v iptables >/dev/null 2>&1 || need iptables
command -v docker >/dev/null 2>&1 || need docker.io
docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1 || need docker-compose
command -v curl >/dev/null 2>&1 || need curl
# The local base images need mmdebstrap; a machine that uses the public base images (BASE_IMAGES=public) does not.
if [ "${BASE_IMAGES:-local}" = local ]; then
  command -v mmdebstrap >/dev/null 2>&1 || need mmdebstrap
fi
if [ "$what" = tests ]; then
  compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null || need postgresql
  command -v node >/dev/null 2>&1 || need nodejs
  command -v npm >/dev/null 2>&1 || need npm
  command -v runuser >/dev/null 2>&1 || need util-linux
  # The stack test checks the database network's isolation rule in iptables.
  command -v iptables >/dev/null 2>&1 || need iptables
  # make: .ci/run runs the everyday targets as a person does (make up, make smoke, ...).
  command -v make >/dev/null 2>&1 || need make
  # For bench/run: the load generator.
  command -v wrk >/dev/null 2>&1 || need wrk
  # The publish IT pushes to a registry of its own on 127.0.0.1 (distribution, the Registry HTTP API v2).
  command -v docker-registry >/dev/null 2>&1 || need docker-registry
  # .ci/release-bundle signs the rehearsed release with a throwaway key and verifies each signature.
  command -v gpg >/dev/null 2>&1 || need gnupg
  # KubernetesPodIT runs the generated Deployment with podman kube play: its pods' init (catatonit) and a network
  # stack with name resolution between containers (netavark, aardvark-dns).
  command -v podman >/dev/null 2>&1 || need podman
  command -v catatonit >/dev/null 2>&1 || [ -x /usr/libexec/podman/catatonit ] || need catatonit
  command -v netavark >/dev/null 2>&1 || [ -x /usr/lib/podman/netavark ] || need netavark
  command -v aardvark-dns >/dev/null 2>&1 || [ -x /usr/lib/podman/aardvark-dns ] || need aardvark-dns
fi

if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  else
    say "missing: ${missing[*]}"
    say "install them (Debian/Ubuntu: sudo apt-get install ${missing[*]}; elsewhere Docker Desktop or your package"
    say "manager), or run this as root on Debian to have them installed"
    exit 1
  fi
fi

# Podman's default limits on open files and processes are above this kind of machine's hard limits (a container
# then fails with "error setting rlimit type 7"); containers get these instead. Only as root and only when the
# configuration file does not exist, so an existing podman set-up is left alone.
if [ "$what" = tests ] && [ "$(id -u)" = 0 ] && command -v podman >/dev/null 2>&1 \
   && [ ! -e /etc/containers/containers.conf ]; then
  mkdir -p /etc/containers
  printf '[containers]\ndefault_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]\n' > /etc/containers/containers.conf
  say "wrote /etc/containers/containers.conf (podman's default ulimits for this machine)"
fi

if ! docker info >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    say "the Docker engine is not running and this is not root: start it (sudo systemctl start docker, or Docker Desktop)"
    exit 1
  fi
  say "starting dockerd (log: /var/log/dockerd.log)"
  # Published ports through the kernel's NAT, not the userland proxy (a per-connection copy in user space that
  # costs about half the throughput on loopback; docs/performance.md).
  setsid dockerd --userland-proxy=false >/var/log/dockerd.log 2>&1 < /dev/null &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { tail -20 /var/log/dockerd.log >&2; say "dockerd did not start"; exit 1; }
fi

say "docker engine $(docker version --format '{{.Server.Version}}' 2>/dev/null), compose: $(compose_command)"
emit
