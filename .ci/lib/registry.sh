# Sourced by .ci scripts: a registry of their own, Debian's docker-registry (the Registry HTTP API v2) on a free
# 127.0.0.1 port, its storage under a directory the caller removes. Docker pushes to 127.0.0.0/8 over HTTP.
#
# start_registry DIR FIRST_PORT: starts it and waits until /v2/ answers; sets registry_port and registry_pid (the
# caller kills it). Calls the caller's fail function when it does not start.
start_registry() {
  local dir=$1
  registry_port=$2
  while (exec 3<>"/dev/tcp/127.0.0.1/$registry_port") 2>/dev/null; do registry_port=$((registry_port + 1)); done
  mkdir -p "$dir/registry"
  cat > "$dir/registry.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/registry
http:
  addr: 127.0.0.1:$registry_port
YAML
  docker-registry serve "$dir/registry.yml" > "$dir/registry.log" 2>&1 &
  registry_pid=$!
  for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$registry_port/v2/" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fsS "http://127.0.0.1:$registry_port/v2/" >/dev/null || { cat "$dir/registry.log" >&2; fail "the registry did not start"; }
}
