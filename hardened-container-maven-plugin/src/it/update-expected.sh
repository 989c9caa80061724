#!/usr/bin/env bash
# After an intended template change: copies what the last IT run generated into each IT's expected/ directory,
# with the plugin version replaced by @pluginVersion@. Run `../mvnw verify` first, then review `git diff`.
set -euo pipefail
cd "$(dirname "$0")/../.."
for expected in src/it/*/expected; do
  it=$(basename "$(dirname "$expected")")
  generated=target/it/$it
  [ -d "$generated" ] || { echo "no run of $it in target/it: run ../mvnw verify first" >&2; exit 1; }
  rm -rf "$expected"
  (cd "$generated" && find . -type f ! -name pom.xml ! -name build.log ! -name verify.groovy ! -name invoker.properties \
      ! -path '*/src/*' ! -path '*/target/*' ! -path './expected/*' ! -path './.mvn/*' | sort) |
    while read -r f; do
      mkdir -p "$expected/$(dirname "$f")"
      sed -E 's/(hardened-container-maven-plugin) [^ .]+(\.[0-9]+)*(-SNAPSHOT)?\./\1 @pluginVersion@./' "$generated/$f" > "$expected/$f"
    done
  echo "updated $expected" >&2
done
