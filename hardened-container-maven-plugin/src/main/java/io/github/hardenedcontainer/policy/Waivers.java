package io.github.hardenedcontainer.policy;

import io.github.hardenedcontainer.parse.YamlFile;
import io.github.hardenedcontainer.parse.YamlFile.YNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the waiver file ({@code .hardened-waivers.yaml} by default):
 *
 * <pre>
 * waivers:
 *   - rule: HC-DF003
 *     file: sample-app/Dockerfile
 *     reason: Base images are rebuilt nightly from our mirror; digests would pin stale patches.
 *     expires: 2027-03-31      # optional
 * </pre>
 *
 * A waiver without a reason, for an unknown rule, with a malformed date, or past its expiry is itself a finding
 * that fails the build: exceptions must stay deliberate.
 */
public final class Waivers {

    /** The waivers that count, and the problems with the file. */
    public record Result(List<Waiver> waivers, List<String> problems) {
    }

    private Waivers() {
    }

    public static Result parse(String file, String text, LocalDate today) {
        List<Waiver> waivers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        YNode root;
        try {
            root = YamlFile.parse(text);
        } catch (YamlFile.YamlSyntaxException e) {
            problems.add(file + ":" + e.line() + ": does not parse as YAML: " + e.getMessage());
            return new Result(waivers, problems);
        }
        Optional<YNode> list = root.get("waivers");
        if (list.isEmpty() || !list.get().isList()) {
            problems.add(file + ":" + root.line() + ": expected a list under waivers:, each with rule, file and reason");
            return new Result(waivers, problems);
        }
        for (YNode item : list.get().items()) {
            String where = file + ":" + item.line() + ": ";
            String ruleId = item.get("rule").flatMap(YNode::text).orElse("");
            String target = item.get("file").flatMap(YNode::text).orElse("");
            String reason = item.get("reason").flatMap(YNode::text).orElse("").trim();
            String expires = item.get("expires").flatMap(YNode::text).orElse("");
            Optional<Rule> rule = Rule.byId(ruleId);
            boolean ok = true;
            if (rule.isEmpty()) {
                problems.add(where + "unknown rule \"" + ruleId + "\": use an ID from the report, such as HC-DF003");
                ok = false;
            }
            if (target.isEmpty()) {
                problems.add(where + "the waiver for " + ruleId + " names no file: add file: <path from the repository root>");
                ok = false;
            }
            if (reason.isEmpty()) {
                problems.add(where + "the waiver for " + ruleId + " on " + target + " has no reason: write why the rule"
                        + " does not apply");
                ok = false;
            }
            LocalDate until = null;
            if (!expires.isEmpty()) {
                try {
                    until = LocalDate.parse(expires);
                    if (until.isBefore(today)) {
                        problems.add(where + "the waiver for " + ruleId + " on " + target + " expired on " + expires
                                + ": fix the finding, or renew the waiver with a new date and reason");
                        ok = false;
                    }
                } catch (DateTimeParseException e) {
                    problems.add(where + "expires \"" + expires + "\" is not a date: write YYYY-MM-DD");
                    ok = false;
                }
            }
            if (ok) {
                waivers.add(new Waiver(rule.get(), target, reason, until, item.line()));
            }
        }
        return new Result(waivers, problems);
    }
}
