package io.github.hardenedcontainer.pin;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.Yaml;

/**
 * Registry credentials as {@code docker login} stores them in the Docker client's configuration
 * ({@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}): {@code auths.<registry>.auth}, the
 * base64 of {@code user:password}. Docker Hub's key is {@code https://index.docker.io/v1/}. Credentials kept by a
 * credential helper ({@code credsStore}, {@code credHelpers}) are not in the file and are not read.
 */
public final class DockerCredentials {

    private DockerCredentials() {
    }

    /** The configuration file the Docker client reads. */
    public static Path configFile(Map<String, String> environment, Path home) {
        String dir = environment.get("DOCKER_CONFIG");
        return (dir != null && !dir.isBlank() ? Path.of(dir) : home.resolve(".docker")).resolve("config.json");
    }

    /** Credentials by registry host ({@code docker.io} for Docker Hub), from the file when it exists. */
    public static Function<String, Optional<String>> from(Path config) throws IOException {
        Map<String, String> byHost = new HashMap<>();
        if (Files.isRegularFile(config)) {
            Object root = new Yaml().load(Files.readString(config));
            if (root instanceof Map<?, ?> map && map.get("auths") instanceof Map<?, ?> auths) {
                for (Map.Entry<?, ?> entry : auths.entrySet()) {
                    if (entry.getValue() instanceof Map<?, ?> value && value.get("auth") instanceof String auth) {
                        byHost.put(host(String.valueOf(entry.getKey())),
                                new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return host -> Optional.ofNullable(byHost.get(host));
    }

    /** The host a key of {@code auths} names: without scheme and path, Docker Hub's index as {@code docker.io}. */
    static String host(String key) {
        String host = key.contains("://") ? URI.create(key).getRawAuthority() : key.replaceFirst("/.*$", "");
        return host.equals("index.docker.io") || host.equals("registry-1.docker.io") ? "docker.io" : host;
    }
}
