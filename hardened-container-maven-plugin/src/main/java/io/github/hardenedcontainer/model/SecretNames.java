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

    /** Whether a word (a program argument, say) mentions a secret at all. */
    public static boolean mentionsSecret(String word) {
        return SECRET_WORD.matcher(word).matches();
    }
}
