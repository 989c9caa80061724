package io.github.hardenedcontainer.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The data files shipped in the plugin jar: action pins and default images. Loaded once; immutable.
 */
public final class ProductData {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern RELEASE = Pattern.compile("v\\d+\\.\\d+\\.\\d+");

    private static final ProductData INSTANCE = new ProductData();

    private final Map<String, ActionPin> pins;
    private final Properties defaults;

    private ProductData() {
        this.pins = loadPins(load("data/action-pins.properties"));
        this.defaults = load("data/defaults.properties");
    }

    public static ProductData get() {
        return INSTANCE;
    }

    /** Every pinned action, sorted by name. */
    public Map<String, ActionPin> pins() {
        return pins;
    }

    /** The pin for one action; fails loudly when a template asks for an action the data file lacks. */
    public ActionPin pin(String action) {
        ActionPin pin = pins.get(action);
        if (pin == null) {
            throw new IllegalStateException("No pin for action " + action + " in data/action-pins.properties");
        }
        return pin;
    }

    /** A default value; {@code {java}} in it is replaced with the given Java version. */
    public String defaultValue(String key, String javaVersion) {
        String value = defaults.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("No default for " + key + " in data/defaults.properties");
        }
        return value.replace("{java}", javaVersion);
    }

    private static Map<String, ActionPin> loadPins(Properties properties) {
        Map<String, ActionPin> result = new TreeMap<>();
        for (String action : properties.stringPropertyNames()) {
            String[] parts = properties.getProperty(action).trim().split("\\s+");
            if (parts.length != 2 || !SHA.matcher(parts[0]).matches() || !RELEASE.matcher(parts[1]).matches()) {
                throw new IllegalStateException("Malformed pin for " + action
                        + " in data/action-pins.properties: expected '<40-hex sha> vX.Y.Z'");
            }
            result.put(action, new ActionPin(action, parts[0], parts[1]));
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(result));
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ProductData.class.getResourceAsStream("/io/github/hardenedcontainer/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource + " in the plugin jar");
            }
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return properties;
    }
}
