package io.github.hardenedcontainer.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files around the build that decide what reaches it: {@code .dockerignore} (what the build context holds)
 * and {@code .trivyignore} (what the scan lets through).
 */
final class ContextChecks {

    /** Files that must never be in a build context, below any directory the context lets in. */
    private static final List<String> NEVER = List.of(".env", ".env.production", "secrets/db-password.txt",
            ".git/config", "tls/server.key", "tls/server.pem");
    private static final Pattern IGNORED_ID = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9._:-]*-[A-Za-z0-9._:-]+)(\\s.*)?$");
    private static final Pattern EXPIRY = Pattern.compile("\\sexp:(\\d{4}-\\d{2}-\\d{2})(\\s|$)");

    private ContextChecks() {
    }

    /**
     * DF019: with the rules Docker applies (patterns in order, the last match wins, {@code !} lets a path back in, a
     * matched directory takes everything below it), no secret-looking file gets in, at the top or below any
     * directory the file lets in.
     */
    static List<Finding> dockerignore(String file, String text) {
        List<String[]> patterns = new ArrayList<>(); // {pattern, "!" or ""}
        Set<String> allowedDirs = new LinkedHashSet<>();
        allowedDirs.add("");
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negated = line.startsWith("!");
            String pattern = clean(negated ? line.substring(1) : line);
            patterns.add(new String[] {pattern, negated ? "!" : ""});
            if (negated && !pattern.contains("*")) {
                allowedDirs.add(pattern.endsWith("/") ? pattern : pattern.contains(".") && !pattern.endsWith("/")
                        ? (pattern.contains("/") ? pattern.substring(0, pattern.lastIndexOf('/') + 1) : "") : pattern + "/");
            }
        }
        List<Finding> findings = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        for (String dir : allowedDirs) {
            for (String secret : NEVER) {
                String path = clean(dir + secret);
                if (included(path, patterns) && reported.add(secret)) {
                    findings.add(new Finding(Rule.DF019, file, 0, path + " would be sent to the build (a COPY of"
                            + " its directory puts it in a layer): leave **/" + secret.split("/")[0]
                            + (secret.contains("/") ? "/" : "") + " out of the context"));
                }
            }
        }
        return findings;
    }

    private static boolean included(String path, List<String[]> patterns) {
        boolean excluded = false;
        for (String[] p : patterns) {
            if (matches(p[0], path)) {
                excluded = p[1].isEmpty();
            }
        }
        return !excluded;
    }

    /** A pattern matches the path itself or a directory above it. */
    private static boolean matches(String pattern, String path) {
        Pattern regex = Pattern.compile(glob(pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern));
        String current = path;
        while (true) {
            if (regex.matcher(current).matches()) {
                return true;
            }
            int slash = current.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            current = current.substring(0, slash);
        }
    }

    private static String glob(String pattern) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                boolean slash = i + 2 < pattern.length() && pattern.charAt(i + 2) == '/';
                b.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                b.append("[^/]*");
            } else if (c == '?') {
                b.append("[^/]");
            } else {
                b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return b.toString();
    }

    private static String clean(String pattern) {
        String p = pattern.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p.startsWith("./") ? p.substring(2) : p;
    }

    /**
     * VF006: every entry of {@code .trivyignore} has a reason (a comment directly above it) and an expiry
     * ({@code exp:YYYY-MM-DD}, after which Trivy reports the vulnerability again), and none has expired: Trivy
     * then reports the finding again, and the image scan blocks on it if it is HIGH or CRITICAL.
     */
    static List<Finding> trivyignore(String file, String text, java.time.LocalDate today) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank() || line.stripLeading().startsWith("#") || !IGNORED_ID.matcher(line).matches()) {
                continue;
            }
            String id = line.strip().split("\\s+")[0];
            boolean reason = n > 0 && lines[n - 1].stripLeading().startsWith("#") && lines[n - 1].replace("#", "").strip().length() > 3;
            if (!reason) {
                findings.add(new Finding(Rule.VF006, file, n + 1, id + " is ignored without a reason on the line above"));
            }
            Matcher expiry = EXPIRY.matcher(line);
            if (!expiry.find()) {
                findings.add(new Finding(Rule.VF006, file, n + 1, id + " is ignored for good: add exp:YYYY-MM-DD,"
                        + " after which Trivy reports it again"));
            } else {
                java.time.LocalDate expires;
                try {
                    expires = java.time.LocalDate.parse(expiry.group(1));
                } catch (java.time.format.DateTimeParseException e) {
                    findings.add(new Finding(Rule.VF006, file, n + 1, id + " has no real date in exp:" + expiry.group(1)
                            + ": Trivy skips the entry, so it ignores nothing"));
                    continue;
                }
                // Trivy reads the date as 00:00 UTC and stops ignoring the entry from then on: the day itself counts.
                if (!expires.isAfter(today)) {
                    findings.add(new Finding(Rule.VF006, file, n + 1, id + " expired on " + expires + ": Trivy reports it"
                            + " again, and the image scan blocks on it if it is HIGH or CRITICAL: fix it, or renew the"
                            + " entry with a new date and the reason it still applies"));
                }
            }
        }
        return findings;
    }
}
