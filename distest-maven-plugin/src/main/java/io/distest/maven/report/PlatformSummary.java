package io.distest.maven.report;

import io.distest.maven.schedule.TestUnit;
import io.distest.protocol.Outcome;
import io.distest.protocol.TestFinished;
import io.distest.protocol.WorkerFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code dist=each}: per platform (gateway group) the runs, failures, errors, skipped and time; and the tests that
 * fail on some platforms and pass on others, with the platforms they fail on.
 */
public final class PlatformSummary implements RunObserver {
    private static final class Totals {
        int runs;
        int failures;
        int errors;
        int skipped;
        long millis;
    }

    private final Map<String, String> platforms = new LinkedHashMap<>();
    private final Map<String, Totals> totals = new LinkedHashMap<>();
    /** test ("Class.method") → group → its last outcome there (a re-run replaces the first). */
    private final Map<String, Map<String, Outcome>> outcomes = new TreeMap<>();

    public PlatformSummary(List<String> groups) {
        groups.forEach(group -> totals.put(group, new Totals()));
    }

    @Override
    public void workerConnected(String workerId, String group, int number, String spec, WorkerFacts facts) {
        platforms.putIfAbsent(group, facts.platform());
    }

    @Override
    public void testFinished(String workerId, TestUnit unit, TestFinished finished) {
        if (finished.test().methodName() == null && finished.outcome() == Outcome.SUCCESSFUL) {
            return;
        }
        String test = finished.test().className() + "." + finished.test().methodName();
        Outcome previous = outcomes.computeIfAbsent(test, t -> new LinkedHashMap<>()).put(unit.group(), finished.outcome());
        Totals group = totals.computeIfAbsent(unit.group(), g -> new Totals());
        if (previous != null) {
            undo(group, previous); // a re-run: only the last outcome counts
        } else {
            group.runs++;
        }
        switch (finished.outcome()) {
            case FAILED -> group.failures++;
            case ERROR -> group.errors++;
            case SKIPPED, ABORTED -> group.skipped++;
            case SUCCESSFUL -> { }
        }
        group.millis += finished.elapsedMillis();
    }

    private static void undo(Totals group, Outcome previous) {
        switch (previous) {
            case FAILED -> group.failures--;
            case ERROR -> group.errors--;
            case SKIPPED, ABORTED -> group.skipped--;
            case SUCCESSFUL -> { }
        }
    }

    /** The per-platform table, then the tests whose verdict depends on the platform. */
    public void print(Consumer<String> out) {
        out.accept("Per platform (dist=each):");
        out.accept(String.format("  %-12s %6s %9s %7s %8s %9s  %s", "gateway", "runs", "failures", "errors", "skipped",
                "time", "platform"));
        totals.forEach((group, t) -> out.accept(String.format("  %-12s %6d %9d %7d %8d %8.1fs  %s", group, t.runs,
                t.failures, t.errors, t.skipped, t.millis / 1000.0, platforms.getOrDefault(group, "(never connected)"))));
        List<String> split = new ArrayList<>();
        outcomes.forEach((test, byGroup) -> {
            List<String> failing = byGroup.entrySet().stream()
                    .filter(e -> e.getValue() == Outcome.FAILED || e.getValue() == Outcome.ERROR).map(Map.Entry::getKey)
                    .toList();
            boolean passesSomewhere = byGroup.values().stream().anyMatch(o -> o == Outcome.SUCCESSFUL);
            if (!failing.isEmpty() && passesSomewhere) {
                split.add("  " + test + " fails on " + String.join(", ", failing.stream()
                        .map(g -> g + " (" + platforms.getOrDefault(g, "?") + ")").toList()));
            }
        });
        if (!split.isEmpty()) {
            out.accept("Tests that fail on some platforms and pass on others:");
            split.forEach(out);
        }
    }
}
