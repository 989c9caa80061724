package io.github.hardenedcontainer.sample.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Name and version of the build, from {@code app.properties} (filtered by Maven).
 *
 * @param name the artifact name
 * @param version the project version
 */
public record BuildInfo(String name, String version) {

    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/app.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to the defaults
        }
        return new BuildInfo(p.getProperty("name", "sample-app"), p.getProperty("version", "unknown"));
    }
}
