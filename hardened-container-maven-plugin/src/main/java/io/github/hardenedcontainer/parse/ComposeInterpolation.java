package io.github.hardenedcontainer.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Compose file's text with its variable references replaced as Compose replaces them when the variables are
 * not set: {@code ${NAME:-default}} and {@code ${NAME-default}} become the default, {@code ${NAME}}, {@code $NAME},
 * {@code ${NAME:?message}} and {@code ${NAME:+alternative}} become empty, and {@code $$} is a literal {@code $}.
 * The rules then judge what Compose would run with an empty environment: {@code privileged: ${X:-true}} is
 * privileged, a secret's default is a literal secret. Line numbers do not change (a reference never spans lines).
 */
public final class ComposeInterpolation {

    /** An innermost braced reference: no {@code $} or braces inside its default. */
    private static final Pattern BRACED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^${}]*))?}");
    private static final Pattern BARE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final String DOLLAR = "\u0000";

    private ComposeInterpolation() {
    }

    public static String apply(String text) {
        String out = text.replace("$$", DOLLAR);
        for (int round = 0; round < 10; round++) { // defaults may hold references: resolve the innermost first
            Matcher m = BRACED.matcher(out);
            if (!m.find()) {
                break;
            }
            m.reset();
            out = m.replaceAll(r -> {
                String operator = r.group(2);
                boolean usesDefault = operator != null && (operator.equals(":-") || operator.equals("-"));
                return Matcher.quoteReplacement(usesDefault ? r.group(3) : "");
            });
        }
        out = BARE.matcher(out).replaceAll("");
        return out.replace(DOLLAR, "$");
    }
}
