#!/usr/bin/env bash
# Builds the base images the generated Dockerfile and compose.yaml need from Debian packages, with no image
# registry: a builder (JDK + Maven), a minimal runtime base (for a jlinked Java runtime), a JRE runtime and
# PostgreSQL. This is how an air-gapped organisation gets
# trusted bases: every package comes from Debian's signed archive (or its mirror), and the images trust the
# host's locally added CA certificates (/usr/local/share/ca-certificates), so a builder behind a TLS-inspecting
# proxy still reaches Maven Central.
#
# Usage: scripts/local-base-images.sh [--rebuild]
#   set -a; eval "$(scripts/local-base-images.sh)"; set +a   # exports BUILDER_IMAGE, RUNTIME_IMAGE, JRE_IMAGE, JRE21_IMAGE, POSTGRES_IMAGE
# RUNTIME_IMAGE is the minimal base the default <runtime>jlink</runtime> needs; JRE_IMAGE is for <runtime>jre</runtime>;
# JRE21_IMAGE is a Java 21 JRE, for the test of a runtime whose Java is older than the builder's.
# Progress goes to stderr; stdout carries only KEY=value lines. Images that exist are kept unless --rebuild.
# Needs: root, docker (engine running), mmdebstrap.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

BUILDER_IMAGE=${LOCAL_BUILDER_IMAGE:-local/hardened-builder:jdk25-maven3.9}
RUNTIME_IMAGE=${LOCAL_RUNTIME_IMAGE:-local/hardened-runtime:minimal}
JRE_IMAGE=${LOCAL_JRE_IMAGE:-local/hardened-runtime:jre25}
JRE21_IMAGE=${LOCAL_JRE21_IMAGE:-local/hardened-runtime:jre21}
POSTGRES_IMAGE=${LOCAL_POSTGRES_IMAGE:-local/hardened-postgres:15}
DOCKER=${DOCKER:-/usr/bin/docker}
REBUILD=false
[ "${1:-}" = "--rebuild" ] && REBUILD=true

say() { printf '[local-base-images] %s\n' "$*" >&2; }

command -v mmdebstrap >/dev/null || { say "mmdebstrap is missing: apt-get install mmdebstrap"; exit 1; }
"$DOCKER" info >/dev/null 2>&1 || { say "no Docker engine answers: start dockerd first"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Copies the host's locally added CA certificates into the image and refreshes its trust stores.
trust_host_cas='mkdir -p "$1/usr/local/share/ca-certificates"
  for crt in /usr/local/share/ca-certificates/*.crt; do if [ -e "$crt" ]; then cp "$crt" "$1/usr/local/share/ca-certificates/"; fi; done
  chroot "$1" update-ca-certificates >/dev/null 2>&1'
# Leaves no package lists or caches behind.
slim='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin "$1"/usr/share/doc/* "$1"/usr/share/man/*'

exists() { [ "$REBUILD" = false ] && "$DOCKER" image inspect "$1" >/dev/null 2>&1; }

build() { # image suite packages extra-mmdebstrap-args... -- docker-import-changes...
  local image=$1 suite=$2 packages=$3; shift 3
  local args=() changes=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do args+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift
  for c in "$@"; do changes+=(--change "$c"); done
  if exists "$image"; then say "$image exists (use --rebuild to rebuild)"; return; fi
  local started=$SECONDS
  say "building $image from Debian $suite: $packages"
  mmdebstrap --quiet --variant=minbase --include="$packages" \
    --customize-hook="$trust_host_cas" "${args[@]}" --customize-hook="$slim" \
    "$suite" "$work/rootfs.tar" >&2
  "$DOCKER" import "${changes[@]}" "$work/rootfs.tar" "$image" >/dev/null
  rm -f "$work/rootfs.tar"
  say "$image built in $((SECONDS - started)) s"
}

# Builder: Debian 13 brings Maven 3.9 (the project's minimum) and JDK 25, which compiles for release 17.
# binutils: objcopy, so that jlink --strip-debug also strips native debug symbols.
build "$BUILDER_IMAGE" trixie "ca-certificates,ca-certificates-java,openjdk-25-jdk-headless,maven,binutils" \
  -- 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' 'ENV LANG=C.UTF-8'

# Minimal runtime base for a jlinked Java runtime, in the manner of a distroless image: the C and C++ runtime
# libraries and zlib that the builder's JDK links against (same Debian release), no shell, no package manager.
# Packages are unpacked, not installed (nothing runs inside); their records still go to /var/lib/dpkg/status so
# that image scanners see what the image contains.
if exists "$RUNTIME_IMAGE"; then
  say "$RUNTIME_IMAGE exists (use --rebuild to rebuild)"
else
  started=$SECONDS
  say "building $RUNTIME_IMAGE from Debian trixie (unpacked: base-files, libc6, libgcc-s1, libstdc++6, zlib1g)"
  # shellcheck disable=SC2016 # expanded by mmdebstrap's hook shell
  mmdebstrap --quiet --variant=extract --include=base-files,libc6,libgcc-s1,libstdc++6,zlib1g \
    --extract-hook='for deb in "$1"/var/cache/apt/archives/*.deb; do dpkg-deb --field "$deb"; echo "Status: install ok installed"; echo; done > "$1/var/lib/dpkg/status"
      printf "root:x:0:0:root:/root:/usr/sbin/nologin\nnonroot:x:10001:10001:nonroot:/nonexistent:/usr/sbin/nologin\n" > "$1/etc/passwd"
      printf "root:x:0:\nnonroot:x:10001:\n" > "$1/etc/group"' \
    trixie "$work/rootfs.tar" >&2
  "$DOCKER" import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' --change 'USER 10001:10001' "$work/rootfs.tar" "$RUNTIME_IMAGE" >/dev/null
  rm -f "$work/rootfs.tar"
  say "$RUNTIME_IMAGE built in $((SECONDS - started)) s"
fi

# JRE runtime (for <runtime>jre</runtime>): a headless JRE 25 and CA certificates, nothing else.
build "$JRE_IMAGE" trixie "ca-certificates,openjdk-25-jre-headless" \
  -- 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' 'ENV LANG=C.UTF-8'

# A Java 21 JRE: a runtime older than the builder's JDK, on which the start-up cache must be a class-data archive.
build "$JRE21_IMAGE" trixie "ca-certificates,openjdk-21-jre-headless" \
  -- 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' 'ENV LANG=C.UTF-8'

# PostgreSQL: the postgres user gets uid/gid 70, as in the Alpine images the generated compose.yaml expects, and
# an entry point that honours POSTGRES_USER, POSTGRES_DB and POSTGRES_PASSWORD(_FILE) on an empty data directory.
postgres_user='printf "postgres:x:70:70:PostgreSQL administrator:/var/lib/postgresql:/bin/sh\n" >> "$1/etc/passwd"
  printf "postgres:x:70:\n" >> "$1/etc/group"
  printf "postgres:*:19000:0:99999:7:::\n" >> "$1/etc/shadow"'
postgres_layout='mkdir -p "$1/var/lib/postgresql/data" "$1/var/run/postgresql"
  chown 70:70 "$1/var/lib/postgresql" "$1/var/lib/postgresql/data" "$1/var/run/postgresql"
  chmod 0700 "$1/var/lib/postgresql/data"; chmod 2777 "$1/var/run/postgresql"
  rm -rf "$1/etc/postgresql/15/main" "$1/var/lib/postgresql/15"
  install -m 0755 "'"$here"'/postgres-entrypoint.sh" "$1/usr/local/bin/docker-entrypoint.sh"'
build "$POSTGRES_IMAGE" bookworm "ca-certificates,postgresql-15" \
  --essential-hook="$postgres_user" --customize-hook="$postgres_layout" \
  -- 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
     'ENV PGDATA=/var/lib/postgresql/data' 'ENV LANG=C.UTF-8' 'USER 70:70' 'EXPOSE 5432' \
     'ENTRYPOINT ["docker-entrypoint.sh"]' 'CMD ["postgres"]'

printf 'BUILDER_IMAGE=%s\nRUNTIME_IMAGE=%s\nJRE_IMAGE=%s\nJRE21_IMAGE=%s\nPOSTGRES_IMAGE=%s\n' "$BUILDER_IMAGE" \
  "$RUNTIME_IMAGE" "$JRE_IMAGE" "$JRE21_IMAGE" "$POSTGRES_IMAGE"
