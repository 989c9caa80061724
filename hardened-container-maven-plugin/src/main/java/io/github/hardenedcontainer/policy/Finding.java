package io.github.hardenedcontainer.policy;

/**
 * One rule broken at one place.
 *
 * @param rule the rule
 * @param severity the severity as reported (a rule's own, raised in strict mode for some)
 * @param file the file, relative to the repository root, with {@code /} separators
 * @param line the 1-based line, or 0 for the whole file
 * @param message what is wrong
 * @param waiver the reason of the waiver that covers it, or {@code null}
 */
public record Finding(Rule rule, Severity severity, String file, int line, String message, String waiver) {

    public Finding(Rule rule, String file, int line, String message) {
        this(rule, rule.severity(), file, line, message, null);
    }

    public boolean waived() {
        return waiver != null;
    }

    public Finding withWaiver(String reason) {
        return new Finding(rule, severity, file, line, message, reason);
    }

    public Finding withSeverity(Severity raised) {
        return new Finding(rule, raised, file, line, message, waiver);
    }

    /** {@code file:line} for messages. */
    public String location() {
        return line > 0 ? file + ":" + line : file;
    }
}
