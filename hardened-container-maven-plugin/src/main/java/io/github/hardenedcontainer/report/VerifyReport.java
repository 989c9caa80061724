package io.github.hardenedcontainer.report;

import io.github.hardenedcontainer.policy.Finding;
import io.github.hardenedcontainer.policy.Rule;
import io.github.hardenedcontainer.policy.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The findings of one verify run as console lines, a JSON report and a SARIF 2.1.0 log. */
public final class VerifyReport {

    private final List<Finding> findings;
    private final String toolVersion;

    public VerifyReport(List<Finding> findings, String toolVersion) {
        this.findings = List.copyOf(findings);
        this.toolVersion = toolVersion;
    }

    /** Counts of unwaived findings by severity. */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        findings.stream().filter(f -> !f.waived()).forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }

    /** The summary line, then one line per finding (with its fix), most severe first. */
    /** How loud a console line is: a finding that is not waived warns; everything else informs. */
    public enum Level { INFO, WARN }

    /** One line for the build log, with its level. */
    public record ConsoleLine(Level level, String text) {
    }

    /** The summary, then each finding with its rule and fix (or waiver), each line with its level. */
    public List<ConsoleLine> console() {
        List<ConsoleLine> lines = new ArrayList<>();
        Map<Severity, Integer> counts = counts();
        StringBuilder summary = new StringBuilder("Hardening check: ");
        counts.forEach((s, n) -> summary.append(n).append(' ').append(s.configName()).append(", "));
        long waived = findings.stream().filter(Finding::waived).count();
        summary.append(waived).append(" waived");
        lines.add(new ConsoleLine(Level.INFO, summary.toString()));
        for (Finding f : sorted()) {
            lines.add(new ConsoleLine(f.waived() ? Level.INFO : Level.WARN, (f.waived() ? "WAIVED " : "") + f.severity()
                    + " " + f.rule().id() + " " + f.location() + ": " + f.message()));
            lines.add(new ConsoleLine(Level.INFO, "    rule: " + f.rule().title() + " ["
                    + String.join(", ", f.rule().references()) + "]"));
            lines.add(new ConsoleLine(Level.INFO, f.waived() ? "    waiver: " + f.waiver() : "    fix: " + f.rule().fix()));
        }
        return lines;
    }

    /** The console lines' texts. */
    public List<String> consoleLines() {
        return console().stream().map(ConsoleLine::text).toList();
    }

    private List<Finding> sorted() {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort((a, b) -> a.waived() != b.waived() ? (a.waived() ? 1 : -1)
                : a.severity() != b.severity() ? a.severity().compareTo(b.severity())
                : a.file().equals(b.file()) ? Integer.compare(a.line(), b.line()) : a.file().compareTo(b.file()));
        return sorted;
    }

    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "hardened-container-maven-plugin");
        root.put("version", toolVersion);
        Map<String, Object> summary = new LinkedHashMap<>();
        counts().forEach((s, n) -> summary.put(s.configName(), n));
        summary.put("waived", findings.stream().filter(Finding::waived).count());
        root.put("summary", summary);
        List<Object> items = new ArrayList<>();
        for (Finding f : sorted()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("ruleId", f.rule().id());
            item.put("severity", f.severity().configName());
            item.put("file", f.file());
            item.put("line", f.line());
            item.put("message", f.message());
            item.put("rule", f.rule().title());
            item.put("references", f.rule().references());
            item.put("fix", f.rule().fix());
            item.put("waived", f.waived());
            if (f.waived()) {
                item.put("waiverReason", f.waiver());
            }
            items.add(item);
        }
        root.put("findings", items);
        return Json.write(root);
    }

    /** A SARIF 2.1.0 log, so GitHub code scanning shows the findings; waived ones carry a suppression. */
    public String sarif() {
        List<Object> rules = new ArrayList<>();
        Map<Rule, Integer> index = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            index.put(rule, rules.size());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", rule.id());
            r.put("name", rule.name());
            r.put("shortDescription", Map.of("text", rule.title()));
            r.put("help", Map.of("text", "Fix: " + rule.fix() + ". See also: " + String.join(", ", rule.references()) + "."));
            r.put("defaultConfiguration", Map.of("level", rule.severity().sarifLevel()));
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("tags", List.of("security", "containers"));
            properties.put("security-severity", securitySeverity(rule.severity()));
            r.put("properties", properties);
            rules.add(r);
        }
        List<Object> results = new ArrayList<>();
        for (Finding f : sorted()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", f.rule().id());
            result.put("ruleIndex", index.get(f.rule()));
            result.put("level", f.severity().sarifLevel());
            result.put("message", Map.of("text", f.message()));
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Map.of("uri", f.file()));
            if (f.line() > 0) {
                physical.put("region", Map.of("startLine", f.line()));
            }
            result.put("locations", List.of(Map.of("physicalLocation", physical)));
            if (f.waived()) {
                Map<String, Object> suppression = new LinkedHashMap<>();
                suppression.put("kind", "external");
                suppression.put("justification", f.waiver());
                result.put("suppressions", List.of(suppression));
            }
            results.add(result);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "hardened-container-maven-plugin");
        driver.put("version", toolVersion);
        driver.put("informationUri", "https://github.com/hardened-container/hardened-container");
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return Json.write(log);
    }

    private static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }
}
