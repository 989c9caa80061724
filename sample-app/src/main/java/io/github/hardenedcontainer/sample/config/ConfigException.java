package io.github.hardenedcontainer.sample.config;

/** A configuration value is missing or malformed; the message names the environment variable and the fix. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
