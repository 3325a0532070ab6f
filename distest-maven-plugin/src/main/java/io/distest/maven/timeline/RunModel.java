package io.distest.maven.timeline;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a run did, worker by worker, over time: the data of {@code run.json}, which the timeline page draws. All times
 * are milliseconds from the start of the run. Field names here are the JSON's (see <em>Timeline</em> in docs/speed.md).
 *
 * @param title what ran (the module and execution), shown as the page's title
 * @param summary the figures of the efficiency line
 * @param lanes one per worker, in start order
 * @param slowest the longest units, longest first (at most {@link #SLOWEST})
 */
public record RunModel(String title, Summary summary, List<Lane> lanes, List<Bar> slowest) {
    /** How many of the longest units the header lists. */
    public static final int SLOWEST = 5;

    public RunModel {
        Objects.requireNonNull(summary, "summary");
        lanes = List.copyOf(lanes);
        slowest = List.copyOf(slowest);
    }

    /** The model of these lanes, with the slowest units among them. */
    public static RunModel of(String title, Summary summary, List<Lane> lanes) {
        List<Bar> slowest = lanes.stream().flatMap(lane -> lane.bars().stream())
                .filter(bar -> bar.kind() == Kind.UNIT)
                .sorted(Comparator.comparingLong(Bar::millis).reversed())
                .limit(SLOWEST).toList();
        return new RunModel(title, summary, lanes, slowest);
    }

    /** The lanes of one gateway group ({@code dist=each}: one platform), with its own summary. */
    public RunModel forGroup(String group, Summary groupSummary) {
        return of(title + " · " + group, groupSummary,
                lanes.stream().filter(lane -> lane.group().equals(group)).toList());
    }

    /** The gateway groups of the lanes, in lane order ({@code dist=load}: just ""). */
    public List<String> groups() {
        return lanes.stream().map(Lane::group).distinct().toList();
    }

    /**
     * The figures of the efficiency line.
     *
     * @param wallMillis the run, from opening the gateways to the last result
     * @param workers workers asked for
     * @param testMillis time workers spent running units, summed
     * @param idealMillis {@code max(testMillis / workers, longest unit) + one JVM start-up}
     * @param efficiencyPercent ideal over wall
     * @param startupMillis one JVM start-up
     * @param firstTestMillis from starting a worker JVM to its first test (median)
     * @param criticalWorker the worker that ended last, or {@code null}
     * @param criticalLabel that worker's longest unit, or {@code null}
     * @param bounded whether that unit alone bounds the run (longer than a fair share)
     */
    public record Summary(long wallMillis, int workers, long testMillis, long idealMillis, int efficiencyPercent,
            long startupMillis, long firstTestMillis, String criticalWorker, String criticalLabel, boolean bounded) {}

    /**
     * One worker, as the log names it.
     *
     * @param id {@code gw0}, or the spec's {@code //id=}
     * @param spec the tx spec it came from
     * @param group its gateway group ({@code dist=each}: platform, e.g. {@code tx1}); {@code ""} otherwise
     * @param host the host it ran on, once it said hello ({@code null} before)
     * @param platform its Java, OS and host, once it said hello
     * @param idleMillis from its first JVM being ready to the end of the run, the time it ran no unit
     * @param last whether it ended last: the critical path runs through it
     * @param bars what it did, in time order
     */
    public record Lane(String id, String spec, String group, String host, String platform, long idleMillis,
            boolean last, List<Bar> bars) {
        public Lane {
            bars = List.copyOf(bars);
        }
    }

    /** What a bar stands for. */
    public enum Kind {
        /** Reaching the gateway (ssh, socket); shared by the workers of a spec. */
        CONNECT,
        /** Bringing the run's files over; shared by the workers of a spec. */
        SYNC,
        /** From starting a worker JVM to its saying hello. */
        JVM,
        /** A test unit: a class, a part of a split class, the rest of a crashed one, or a re-run of failures. */
        UNIT
    }

    /** How a unit ended, worst first: the CSS class of its bar. */
    public enum Outcome {
        /** Its worker died while running it; what it had not run went to another worker. */
        CRASHED,
        /** A test threw something other than an assertion error, or the unit could not run. */
        ERROR,
        /** An assertion failed. */
        FAILED,
        /** Work stealing took it back before it ran a test: it ran elsewhere. */
        REVOKED,
        /** Every test passed (some may have been skipped). */
        PASSED,
        /** Every test was skipped or aborted. */
        SKIPPED;

        /** The name in JSON and CSS. */
        public String css() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One span of a lane.
     *
     * @param kind connect, sync, JVM start-up or unit
     * @param startMillis from the start of the run
     * @param endMillis from the start of the run
     * @param label the unit's class, or {@code class (part k of n)}; the spec for connect and sync
     * @param unitId the unit's id in the run; -1 for other bars
     * @param tests tests that reported a result
     * @param outcome units only; {@code null} otherwise
     * @param millis the unit's time by its worker's clock (what the efficiency line sums); other bars: their length
     * @param expectedMillis what the durations history expected; {@code null}: unknown
     * @param restOf the id of the crashed unit whose remaining tests this unit runs; -1: none
     * @param rerun a re-run of failed tests (rerunFailingTestsCount)
     * @param note why it crashed or was revoked; {@code null}
     * @param critical the longest unit of the worker that ended last
     */
    public record Bar(Kind kind, long startMillis, long endMillis, String label, int unitId, int tests, Outcome outcome,
            long millis, Long expectedMillis, int restOf, boolean rerun, String note, boolean critical) {

        /** A bar that is not a unit: connect, sync or JVM start-up. */
        public static Bar phase(Kind kind, long startMillis, long endMillis, String label) {
            return new Bar(kind, startMillis, endMillis, label, -1, 0, null, endMillis - startMillis, null, -1, false,
                    null, false);
        }

        Bar asCritical() {
            return new Bar(kind, startMillis, endMillis, label, unitId, tests, outcome, millis, expectedMillis, restOf,
                    rerun, note, true);
        }
    }
}
