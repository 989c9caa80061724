package io.github.hardenedcontainer.pin;

import io.github.hardenedcontainer.model.ImageReference;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Resolves an image tag to the digest its registry serves now, through the Registry HTTP API v2 (the OCI
 * distribution specification): {@code HEAD /v2/<name>/manifests/<tag>}, whose {@code Docker-Content-Digest} header
 * is the digest of the manifest (or of the index, for a multi-platform image: the digest a {@code FROM} pins). A
 * {@code 401} answer's {@code WWW-Authenticate} header says how to authenticate: {@code Bearer} (Docker Hub, GHCR
 * and most registries) means asking its realm for a token for the repository's pull scope, anonymously or with the
 * user's credentials; {@code Basic} means sending the credentials. Credentials come from a function of the registry
 * host ({@code user:password}), such as the Docker client's configuration.
 *
 * <p>HTTPS always, except for a registry on the loopback interface ({@code localhost}, {@code 127.0.0.1},
 * {@code [::1]}), which Docker too reaches over plain HTTP: a local test registry.
 */
public final class RegistryClient {

    /** Docker Hub's API host, for images named without a registry. */
    static final String DOCKER_HUB = "registry-1.docker.io";
    private static final String ACCEPT = String.join(", ",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json");
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

    private final HttpClient http;
    private final Function<String, Optional<String>> credentials;

    /**
     * @param credentials {@code user:password} for a registry host (as the image names it, {@code docker.io} for
     *     Docker Hub), or empty for anonymous access
     */
    public RegistryClient(Function<String, Optional<String>> credentials) {
        // No redirects: a token or credentials are never sent on to another host; a registry that redirects a
        // manifest request gets its 3xx reported.
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build(), credentials);
    }

    RegistryClient(HttpClient http, Function<String, Optional<String>> credentials) {
        this.http = http;
        this.credentials = credentials;
    }

    /** Where an image lives: the registry host as named, the API's base URI and the repository path in it. */
    record Location(String host, URI api, String path) {

        static Location of(ImageReference reference) {
            String name = reference.repository();
            int slash = name.indexOf('/');
            String first = slash < 0 ? "" : name.substring(0, slash);
            boolean hasHost = slash > 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"));
            if (!hasHost || first.equals("docker.io") || first.equals("index.docker.io")) {
                String path = hasHost ? name.substring(slash + 1) : name;
                return new Location("docker.io", URI.create("https://" + DOCKER_HUB),
                        path.contains("/") ? path : "library/" + path);
            }
            String hostName = first.startsWith("[") ? first.substring(0, first.indexOf(']') + 1)
                    : first.replaceFirst(":[0-9]+$", "");
            boolean loopback = hostName.equals("localhost") || hostName.equals("127.0.0.1") || hostName.equals("[::1]");
            return new Location(first, URI.create((loopback ? "http://" : "https://") + first), name.substring(slash + 1));
        }
    }

    /**
     * The digest the registry serves for the reference's tag now.
     *
     * @throws IOException naming the image and what went wrong (not found, refused credentials, no digest), with
     *     what to do about it
     */
    public String digest(ImageReference reference) throws IOException, InterruptedException {
        Location location = Location.of(reference);
        URI manifest = location.api().resolve("/v2/" + location.path() + "/manifests/" + reference.tag());
        HttpResponse<byte[]> response = send(manifest, "HEAD", null);
        if (response.statusCode() == 401) {
            String authorization = authorize(reference, location, response);
            response = send(manifest, "HEAD", authorization);
            if (response.statusCode() == 200 && response.headers().firstValue("Docker-Content-Digest").isEmpty()) {
                response = send(manifest, "GET", authorization);
            }
        } else if (response.statusCode() == 200 && response.headers().firstValue("Docker-Content-Digest").isEmpty()) {
            response = send(manifest, "GET", null);
        }
        HttpResponse<byte[]> answer = response;
        switch (answer.statusCode()) {
            case 200 -> {
                Optional<String> header = answer.headers().firstValue("Docker-Content-Digest");
                String digest = header.orElseGet(() -> sha256(answer.body()));
                if (!SHA256.matcher(digest).matches()) {
                    throw new IOException(reference + ": the registry answered the digest \"" + digest + "\", not a"
                            + " sha256 digest");
                }
                return digest;
            }
            case 401, 403 -> throw new IOException(reference + ": " + location.host() + " refused access to "
                    + location.path() + " (HTTP " + answer.statusCode() + "): log in with docker login "
                    + location.host() + ", or check that the image exists and the account may pull it");
            case 404 -> throw new IOException(reference + ": " + location.host() + " has no tag " + reference.tag()
                    + " of " + location.path() + " (HTTP 404): check the image name and tag");
            default -> throw new IOException(reference + ": " + location.host() + " answered HTTP "
                    + answer.statusCode() + " for " + manifest);
        }
    }

    /** The Authorization header a 401 answer's challenge asks for. */
    private String authorize(ImageReference reference, Location location, HttpResponse<byte[]> challenge)
            throws IOException, InterruptedException {
        String header = challenge.headers().firstValue("WWW-Authenticate").orElse("");
        Optional<String> user = credentials.apply(location.host());
        String basic = user.map(u -> "Basic " + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)))
                .orElse(null);
        if (header.regionMatches(true, 0, "Basic", 0, 5)) {
            if (basic == null) {
                throw new IOException(reference + ": " + location.host() + " needs credentials: log in with docker"
                        + " login " + location.host());
            }
            return basic;
        }
        if (!header.regionMatches(true, 0, "Bearer", 0, 6)) {
            throw new IOException(reference + ": " + location.host() + " asked for an authentication scheme this"
                    + " plugin does not speak: " + header);
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = CHALLENGE_PARAM.matcher(header);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        String realm = params.get("realm");
        if (realm == null) {
            throw new IOException(reference + ": " + location.host() + " asked for a token without naming where"
                    + " to get it: " + header);
        }
        StringBuilder query = new StringBuilder();
        if (params.containsKey("service")) {
            query.append("service=").append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8));
        }
        String scope = params.getOrDefault("scope", "repository:" + location.path() + ":pull");
        query.append(query.isEmpty() ? "" : "&").append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        URI tokenUri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
        HttpResponse<byte[]> token = send(tokenUri, "GET", basic);
        if (token.statusCode() != 200) {
            throw new IOException(reference + ": the token service of " + location.host() + " answered HTTP "
                    + token.statusCode() + (basic == null ? " to an anonymous request: log in with docker login "
                    + location.host() : ": check the credentials docker login stored for " + location.host()));
        }
        Object body = new Yaml().load(new String(token.body(), StandardCharsets.UTF_8));
        Object value = body instanceof Map<?, ?> map ? (map.get("token") != null ? map.get("token") : map.get("access_token"))
                : null;
        if (value == null) {
            throw new IOException(reference + ": the token service of " + location.host() + " answered no token");
        }
        return "Bearer " + value;
    }

    private HttpResponse<byte[]> send(URI uri, String method, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", ACCEPT).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot reach " + uri.getScheme() + "://" + uri.getAuthority() + ": " + e.getMessage()
                    + " (check the registry name and the network)", e);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
