package io.github.hardenedcontainer.model;

import java.util.regex.Pattern;

/**
 * What counts as a secret's name, for the whole plugin: the configuration validator (a stated environment entry,
 * training variable or program argument) and the rules (ARG, ENV, Compose and Kubernetes environments,
 * .env.example) judge names the same way.
 */
public final class SecretNames {

    /** A name with a secret word in it: password, passwd, secret, token, API key, private key, credential. */
    public static final Pattern SECRET_WORD = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api_?key|private_?key|credential).*");
    /** A name that points at where a secret is rather than holding it: DB_PASSWORD_FILE, SECRETS_DIR. */
    private static final Pattern POINTER = Pattern.compile("(?i).*_(FILE|FILES|DIR|PATH|MOUNT)");

    private SecretNames() {
    }

    /** Whether a variable of this name holds a secret (a secret word, and not a pointer to one). */
    public static boolean holdsSecret(String name) {
        return SECRET_WORD.matcher(name).matches() && !POINTER.matcher(name).matches();
    }

    /** A URL with a password in it, the password not a variable reference ({@code ${PW}}, {@code $(PW)}). */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?is).*\\b[a-z][a-z0-9+.-]*://[^/@\\s:]+:[^/@\\s$]+@.*");
    /** A {@code password=} (or secret, token) parameter, as in a JDBC URL's query or a list of options. */
    private static final Pattern PARAMETER = Pattern.compile(
            "(?is)(.*[?&;\\s])?(password|passwd|pwd|secret|token)=[^&;\\s$][^&;\\s]*.*");
    /** A JVM system property with a secret word in its name, as in JAVA_TOOL_OPTIONS. */
    private static final Pattern SYSTEM_PROPERTY = Pattern.compile(
            "(?is).*-D[a-z0-9_.-]*(password|passwd|secret|token)[a-z0-9_.-]*=[^\\s$]+.*");
    /** A variable reference whose default is the secret: {@code ${DB_PASSWORD:-hunter2}}. */
    private static final Pattern SECRET_DEFAULT = Pattern.compile(
            "(?is).*\\$\\{[a-z0-9_]*(password|passwd|secret|token|api_?key)[a-z0-9_]*:?-[^}]+}.*");

    /**
     * Whether a value, whatever its variable's name, holds a secret: a URL with a password, a {@code password=}
     * parameter, a {@code -D...password=} option or a secret variable's default. One test for the Dockerfile's
     * ARG and ENV, Compose and Kubernetes environments.
     */
    public static boolean valueHoldsSecret(String value) {
        return URL_PASSWORD.matcher(value).matches() || PARAMETER.matcher(value).matches()
                || SYSTEM_PROPERTY.matcher(value).matches() || SECRET_DEFAULT.matcher(value).matches();
    }

    /** Whether a word (a program argument, say) mentions a secret at all. */
    public static boolean mentionsSecret(String word) {
        return SECRET_WORD.matcher(word).matches();
    }
}
