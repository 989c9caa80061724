package io.github.hardenedcontainer.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules of one kind of file, each one method over the same parsed view of a file: the catalogue's
 * identifiers dispatch to them, in catalogue order.
 *
 * @param <V> the view the rules read
 */
final class RuleUnits<V> {

    private final Map<Rule, Function<V, List<Finding>>> units;

    RuleUnits(Map<Rule, Function<V, List<Finding>>> units) {
        this.units = new EnumMap<>(units);
    }

    /** Every rule's findings on one view. */
    List<Finding> check(V view) {
        List<Finding> findings = new ArrayList<>();
        units.values().forEach(rule -> findings.addAll(rule.apply(view)));
        return findings;
    }

    /** The rules that have a method here, for the test that every rule of the kind has one. */
    Set<Rule> rules() {
        return units.keySet();
    }
}
