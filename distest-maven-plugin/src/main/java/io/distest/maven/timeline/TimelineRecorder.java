package io.distest.maven.timeline;

import io.distest.maven.schedule.TestUnit;
import io.distest.maven.timeline.RunModel.Bar;
import io.distest.maven.timeline.RunModel.Kind;
import io.distest.maven.timeline.RunModel.Lane;
import io.distest.maven.timeline.RunModel.Outcome;
import io.distest.protocol.TestFinished;
import io.distest.protocol.WorkerFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Turns the run loop's events into the bars of a {@link RunModel}: gateway connect and sync, JVM start-ups, units with
 * their outcome. Told on the run loop's thread only; each call is a few map operations.
 */
public final class TimelineRecorder {
    private final LongSupplier nanoClock;
    private final long originNanos;
    private final Function<TestUnit, String> labels;
    private final ToLongFunction<TestUnit> expectedMillis;
    private final Set<Integer> planned;
    private final Map<String, LaneState> lanes = new LinkedHashMap<>();
    private final Map<String, List<Bar>> gatewayBars = new HashMap<>();
    /** The rest of a crashed unit → the crashed unit. */
    private final Map<Integer, Integer> restOf = new HashMap<>();

    /**
     * @param nanoClock {@link System#nanoTime} but in tests; the run starts at the first reading
     * @param labels a unit's name as the efficiency line gives it ({@code class (part k of n)} for split units)
     * @param expectedMillis what the history expects a unit to take; 0: unknown
     * @param plannedUnitIds the units of the plan: others are re-runs of failures or rests of crashed units
     */
    public TimelineRecorder(LongSupplier nanoClock, Function<TestUnit, String> labels,
            ToLongFunction<TestUnit> expectedMillis, Set<Integer> plannedUnitIds) {
        this.nanoClock = nanoClock;
        this.originNanos = nanoClock.getAsLong();
        this.labels = labels;
        this.expectedMillis = expectedMillis;
        this.planned = Set.copyOf(plannedUnitIds);
    }

    private static final class LaneState {
        final String id;
        final String spec;
        final String group;
        String host;
        String platform;
        final List<Bar> bars = new ArrayList<>();
        long jvmStartMillis = -1;
        long firstReadyMillis = -1;
        OpenUnit open;

        LaneState(String id, String spec, String group) {
            this.id = id;
            this.spec = spec;
            this.group = group;
        }
    }

    /** A unit running on a lane, with its tests' outcomes so far. */
    private static final class OpenUnit {
        final TestUnit unit;
        final long startMillis;
        int passed;
        int failed;
        int errors;
        int skipped;
        String error;

        OpenUnit(TestUnit unit, long startMillis) {
            this.unit = unit;
            this.startMillis = startMillis;
        }

        int tests() {
            return passed + failed + errors + skipped;
        }

        Outcome outcome() {
            if (errors > 0 || error != null) {
                return Outcome.ERROR;
            }
            if (failed > 0) {
                return Outcome.FAILED;
            }
            return skipped > 0 && passed == 0 ? Outcome.SKIPPED : Outcome.PASSED;
        }
    }

    private long now() {
        return (nanoClock.getAsLong() - originNanos) / 1_000_000;
    }

    private long at(long nanos) {
        return (nanos - originNanos) / 1_000_000;
    }

    /** A gateway was opened between the two {@code nanoClock} readings, the last {@code syncMillis} of it syncing. */
    public void gatewayOpened(String spec, long startNanos, long endNanos, long syncMillis) {
        long start = at(startNanos);
        long end = at(endNanos);
        long syncStart = Math.max(start, end - syncMillis);
        List<Bar> bars = new ArrayList<>();
        if (syncStart > start) {
            bars.add(Bar.phase(Kind.CONNECT, start, syncStart, spec));
        }
        if (end > syncStart) {
            bars.add(Bar.phase(Kind.SYNC, syncStart, end, spec));
        }
        gatewayBars.put(spec, bars);
    }

    /** A worker JVM is being started (again, for a replacement: same lane). */
    public void workerStarted(String workerId, String spec, String group) {
        LaneState lane = lanes.computeIfAbsent(workerId, id -> {
            LaneState created = new LaneState(id, spec, group);
            created.bars.addAll(gatewayBars.getOrDefault(spec, List.of()));
            return created;
        });
        lane.jvmStartMillis = now();
    }

    /** The worker said hello from this platform. */
    public void workerConnected(String workerId, WorkerFacts facts) {
        LaneState lane = lanes.get(workerId);
        if (lane != null) {
            lane.host = facts.hostName();
            lane.platform = facts.platform();
        }
    }

    /** The worker is ready for units: its JVM start-up ends. */
    public void workerReady(String workerId) {
        LaneState lane = lanes.get(workerId);
        if (lane == null || lane.jvmStartMillis < 0) {
            return;
        }
        long now = now();
        lane.bars.add(Bar.phase(Kind.JVM, lane.jvmStartMillis, now, "JVM start-up"));
        lane.jvmStartMillis = -1;
        if (lane.firstReadyMillis < 0) {
            lane.firstReadyMillis = now;
        }
    }

    public void unitStarted(String workerId, TestUnit unit) {
        LaneState lane = lanes.get(workerId);
        if (lane != null) {
            lane.open = new OpenUnit(unit, now());
        }
    }

    public void testFinished(String workerId, TestFinished finished) {
        LaneState lane = lanes.get(workerId);
        if (lane == null || lane.open == null) {
            return;
        }
        switch (finished.outcome()) {
            case SUCCESSFUL -> lane.open.passed++;
            case FAILED -> lane.open.failed++;
            case ERROR -> lane.open.errors++;
            case ABORTED, SKIPPED -> lane.open.skipped++;
        }
    }

    /** The unit could not run as a whole (its class not found, discovery failed): it ends as an error. */
    public void unitError(String workerId, TestUnit unit, String message) {
        LaneState lane = lanes.get(workerId);
        if (lane != null && lane.open != null && lane.open.unit.id() == unit.id()) {
            lane.open.error = message;
        }
    }

    /** The unit ended on its worker, taking {@code elapsedMillis} by the worker's clock. */
    public void unitFinished(String workerId, TestUnit unit, long elapsedMillis) {
        LaneState lane = lanes.get(workerId);
        String note = lane == null || lane.open == null ? null : lane.open.error;
        close(workerId, unit, open -> open.outcome(), elapsedMillis, note);
    }

    /**
     * The worker died running {@code unit}; {@code rest}, when not {@code null}, holds the tests it had not run yet
     * and goes to another worker.
     */
    public void unitLost(String workerId, TestUnit unit, TestUnit rest, String cause) {
        if (rest != null) {
            restOf.put(rest.id(), unit.id());
        }
        close(workerId, unit, open -> Outcome.CRASHED, -1, firstLine(cause));
    }

    /** Work stealing took the unit back from the worker before it ran a test. */
    public void unitRevoked(String workerId, TestUnit unit) {
        close(workerId, unit, open -> Outcome.REVOKED, -1, "taken back by work stealing: ran on another worker");
    }

    private void close(String workerId, TestUnit unit, Function<OpenUnit, Outcome> outcome, long elapsedMillis,
            String note) {
        LaneState lane = lanes.get(workerId);
        if (lane == null || lane.open == null || lane.open.unit.id() != unit.id()) {
            return;
        }
        lane.bars.add(unitBar(lane.open, now(), outcome.apply(lane.open), elapsedMillis, note));
        lane.open = null;
    }

    private Bar unitBar(OpenUnit open, long end, Outcome outcome, long elapsedMillis, String note) {
        long expected = planned.contains(open.unit.id()) ? expectedMillis.applyAsLong(open.unit) : 0;
        int crashed = restOf.getOrDefault(open.unit.id(), -1);
        boolean rerun = !planned.contains(open.unit.id()) && crashed < 0 && !open.unit.onlyTests().isEmpty();
        return new Bar(Kind.UNIT, open.startMillis, end, labels.apply(open.unit), open.unit.id(), open.tests(), outcome,
                elapsedMillis >= 0 ? elapsedMillis : end - open.startMillis, expected > 0 ? expected : null, crashed,
                rerun, note, false);
    }

    /**
     * The model of the run so far: units still open end now, as crashed (the run ended without them, e.g. its
     * timeout); the critical unit and lane are marked as {@code summary} names them.
     */
    public RunModel model(String title, RunModel.Summary summary) {
        long end = Math.max(now(), summary.wallMillis());
        List<Lane> done = new ArrayList<>();
        for (LaneState lane : lanes.values()) {
            List<Bar> bars = new ArrayList<>(lane.bars);
            if (lane.open != null) {
                bars.add(unitBar(lane.open, end, Outcome.CRASHED, -1, "did not finish: the run ended"));
            }
            boolean last = lane.id.equals(summary.criticalWorker());
            if (last) {
                markCritical(bars, summary.criticalLabel());
            }
            done.add(new Lane(lane.id, lane.spec, lane.group, lane.host, lane.platform, idle(lane, bars, end), last,
                    bars));
        }
        return RunModel.of(title, summary, done);
    }

    private static void markCritical(List<Bar> bars, String label) {
        int longest = -1;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            if (bar.kind() == Kind.UNIT && bar.label().equals(label)
                    && (longest < 0 || bar.millis() > bars.get(longest).millis())) {
                longest = i;
            }
        }
        if (longest >= 0) {
            bars.set(longest, bars.get(longest).asCritical());
        }
    }

    /** From the first JVM being ready to the end of the run, the time with neither a unit nor a JVM start-up. */
    private static long idle(LaneState lane, List<Bar> bars, long end) {
        if (lane.firstReadyMillis < 0) {
            return 0;
        }
        long busy = 0;
        for (Bar bar : bars) {
            if (bar.kind() == Kind.UNIT || bar.kind() == Kind.JVM) {
                busy += Math.max(0, Math.min(bar.endMillis(), end) - Math.max(bar.startMillis(), lane.firstReadyMillis));
            }
        }
        return Math.max(0, end - lane.firstReadyMillis - busy);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
