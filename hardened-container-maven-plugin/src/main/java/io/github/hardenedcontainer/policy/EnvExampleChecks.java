package io.github.hardenedcontainer.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XF002: a service's {@code .env.example} lists exactly the variables its {@code compose.yaml} interpolates, each
 * with the default compose.yaml falls back to, so the file people copy to {@code .env} tells the truth. A value
 * for a secret-looking name in it is CP012: the file is committed.
 */
final class EnvExampleChecks {

    /**
     * Compose interpolation: {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}, the {@code ?} and
     * {@code +} forms, and bare {@code $NAME}; {@code $$} is a literal dollar sign.
     */
    private static final Pattern INTERPOLATION = Pattern.compile(
            "\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*)|:?[?+][^}]*)?}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=(.*)$");

    private EnvExampleChecks() {
    }

    /** A variable compose.yaml reads: the line of its first use and its default, or null when it has none. */
    private record Use(int line, String defaultValue) {
    }

    static List<Finding> check(String composePath, String compose, String envPath, String env) {
        Map<String, Use> read = interpolated(compose);
        Map<String, String> listed = new LinkedHashMap<>();
        Map<String, Integer> listedLine = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        List<String> lines = env.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ASSIGNMENT.matcher(lines.get(i));
            if (lines.get(i).strip().startsWith("#") || !m.matches()) {
                continue;
            }
            String name = m.group(1);
            String value = unquote(m.group(2).strip());
            listed.put(name, value);
            listedLine.put(name, i + 1);
            if (io.github.hardenedcontainer.model.SecretNames.holdsSecret(name) && !value.isEmpty()) {
                findings.add(new Finding(Rule.CP012, envPath, i + 1, name + " has a value in a committed file:"
                        + " leave it empty here and pass the secret as a Compose secret or a *_FILE variable"));
            }
        }
        for (Map.Entry<String, Use> use : read.entrySet()) {
            String name = use.getKey();
            String expected = use.getValue().defaultValue();
            if (!listed.containsKey(name)) {
                findings.add(new Finding(Rule.XF002, composePath, use.getValue().line(), composePath + " reads ${"
                        + name + "} but " + envPath + " does not list it"));
            } else if (expected != null && !expected.equals(listed.get(name))) {
                findings.add(new Finding(Rule.XF002, envPath, listedLine.get(name), envPath + " sets " + name + "="
                        + listed.get(name) + " but " + composePath + " falls back to " + expected));
            }
        }
        for (Map.Entry<String, Integer> entry : listedLine.entrySet()) {
            if (!read.containsKey(entry.getKey())) {
                findings.add(new Finding(Rule.XF002, envPath, entry.getValue(), envPath + " lists " + entry.getKey()
                        + ", which " + composePath + " never reads"));
            }
        }
        return findings;
    }

    /** Every variable the file interpolates outside comments, in order of first use. */
    private static Map<String, Use> interpolated(String compose) {
        Map<String, Use> read = new LinkedHashMap<>();
        List<String> lines = compose.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = INTERPOLATION.matcher(line);
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(4);
                if (name != null) {
                    read.putIfAbsent(name, new Use(i + 1, m.group(2) != null ? m.group(3) : null));
                }
            }
        }
        return read;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        int comment = value.indexOf(" #");
        return comment < 0 ? value : value.substring(0, comment).strip();
    }
}
