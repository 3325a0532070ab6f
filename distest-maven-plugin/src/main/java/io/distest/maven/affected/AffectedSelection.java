package io.distest.maven.affected;

import io.distest.maven.parameter.Parameters;
import io.distest.maven.schedule.TestUnit;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which test classes must run: a class is left out only when its last run passed, its record names what it used,
 * and nothing of that changed since, while no global input changed. Everything else runs, with the reason.
 *
 * @param toRun the units of the classes that run, in their order
 * @param reasons per class, in unit order: why it runs, or {@link #NOT_AFFECTED} when it does not
 * @param everything a reason every class runs (a first run, a changed global input, a full run due), else
 *     {@code null}
 * @param lastRunMillis the latest of the left-out classes' last runs; 0 when none is left out
 */
record AffectedSelection(List<TestUnit> toRun, Map<String, String> reasons, String everything, long lastRunMillis) {
    static final String NOT_AFFECTED = "not affected";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Every class runs, for {@code reason}. */
    static AffectedSelection everything(List<TestUnit> units, String reason) {
        Map<String, String> reasons = new LinkedHashMap<>();
        units.forEach(unit -> reasons.putIfAbsent(unit.className(), reason));
        return new AffectedSelection(units, reasons, reason, 0);
    }

    /**
     * @param partial classes the build narrows to some methods (-Dtest=Class#method): they always run, and a pass
     *     of some of their methods says nothing of the others
     */
    static AffectedSelection of(List<TestUnit> units, UseRecords records, ContentHashes content, Set<String> partial) {
        Map<String, String> reasons = new LinkedHashMap<>();
        long lastRun = 0;
        for (String className : classes(units)) {
            UseRecords.ClassRecord record = records.classes().get(className);
            String reason = reason(className, record, content, partial);
            reasons.put(className, reason);
            if (reason.equals(NOT_AFFECTED)) {
                lastRun = Math.max(lastRun, record.lastRunMillis());
            }
        }
        List<TestUnit> toRun = units.stream().filter(unit -> !reasons.get(unit.className()).equals(NOT_AFFECTED)).toList();
        return new AffectedSelection(toRun, reasons, null, lastRun);
    }

    private static String reason(String className, UseRecords.ClassRecord record, ContentHashes content,
            Set<String> partial) {
        if (partial.contains(className)) {
            return "narrowed to some methods";
        }
        if (record == null) {
            return "new (no record)";
        }
        if (!record.passed()) {
            return "did not pass last time";
        }
        for (Map.Entry<Dependency, String> used : record.usedHashes().entrySet()) {
            if (!content.of(used.getKey()).equals(used.getValue())) {
                return "changed: " + used.getKey().shown();
            }
        }
        return NOT_AFFECTED;
    }

    private static Set<String> classes(List<TestUnit> units) {
        Set<String> classes = new LinkedHashSet<>();
        units.forEach(unit -> classes.add(unit.className()));
        return classes;
    }

    List<String> notRun() {
        List<String> notRun = new ArrayList<>();
        reasons.forEach((className, reason) -> {
            if (reason.equals(NOT_AFFECTED)) {
                notRun.add(className);
            }
        });
        return notRun;
    }

    /** The build's one line about the selection. */
    String logLine() {
        if (everything != null) {
            return "distest: every test class runs (" + everything + ")";
        }
        int notRun = notRun().size();
        if (notRun == 0) {
            return "distest: every test class runs: each is new, changed or did not pass last time"
                    + " (see target/distest/affected*.txt)";
        }
        return String.format("distest: %d of %d test classes not affected by the change, not run (last run %s, all"
                + " passed)", notRun, reasons.size(), SHOWN.format(Instant.ofEpochMilli(lastRunMillis)
                        .atZone(ZoneId.systemDefault())));
    }

    /** The lines of {@code affected.txt}: every class with run or not run and why. */
    String listing() {
        StringBuilder out = new StringBuilder("# " + Parameters.AFFECTED
                + ": every selected test class, whether it ran and why\n");
        if (everything != null) {
            out.append("# every class runs: ").append(everything).append('\n');
        }
        reasons.forEach((className, reason) -> out.append(reason.equals(NOT_AFFECTED) ? "skipped\t" : "run\t")
                .append(className).append('\t').append(reason).append('\n'));
        return out.toString();
    }
}
