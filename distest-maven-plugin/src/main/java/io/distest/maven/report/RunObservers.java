package io.distest.maven.report;

import io.distest.maven.schedule.TestUnit;
import io.distest.protocol.ReportFile;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestId;
import io.distest.protocol.TestTimedOut;
import io.distest.protocol.UnitFinished;
import io.distest.protocol.UnitUsed;
import io.distest.protocol.WorkerFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;

/**
 * The run's observers as one, as the JUnit Platform composes its execution listeners: each event is told to every
 * observer, in the order they were added, also when one before it threw. This is the one place that decides what a
 * throwing observer means ({@link OnFailure}): a run never loses a result because a listener beside reporting broke.
 * Every event of {@link RunObserver} has its own method here; one left out would reach no observer.
 */
public final class RunObservers implements RunObserver {

    /** What it means when an observer throws. */
    public enum OnFailure {
        /**
         * Its output is the build's result (Surefire's reports and summary): the run goes on so that every other
         * observer hears it out, and then the build fails, naming the observer and the cause ({@link #failure}).
         */
        FAIL_THE_BUILD,
        /**
         * It only helps (the timeline, the durations history, the progress line): the failure is logged, the
         * observer hears nothing more of this run (what it holds may be half an event), and no result is touched.
         */
        WARN
    }

    /** An observer that threw, on which event, and why; the first of those that fail the build. */
    public record Failure(String observer, String event, Throwable cause) {
        public String message() {
            return "distest: " + observer + " failed on " + event + ": " + cause;
        }
    }

    private static final class Member {
        final String name;
        final RunObserver observer;
        final OnFailure onFailure;
        /** Set once it failed with {@link OnFailure#WARN}. */
        boolean dropped;

        Member(String name, RunObserver observer, OnFailure onFailure) {
            this.name = name;
            this.observer = observer;
            this.onFailure = onFailure;
        }
    }

    private final Log log;
    private final List<Member> members = new ArrayList<>();
    private Failure failure;

    public RunObservers(Log log) {
        this.log = log;
    }

    /**
     * Adds {@code observer}, called {@code name} in messages ("Surefire reporting", "the timeline"), after those
     * already added.
     */
    public RunObservers add(String name, OnFailure onFailure, RunObserver observer) {
        members.add(new Member(name, observer, onFailure));
        return this;
    }

    /** The first failure of an observer whose failure fails the build, if one failed. */
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    private void each(String event, Consumer<RunObserver> call) {
        for (Member member : members) {
            if (member.dropped) {
                continue;
            }
            try {
                call.accept(member.observer);
            } catch (RuntimeException | LinkageError e) {
                failed(member, event, e);
            }
        }
    }

    private void failed(Member member, String event, Throwable e) {
        Failure failed = new Failure(member.name, event, e);
        switch (member.onFailure) {
            case FAIL_THE_BUILD -> {
                if (failure == null) {
                    failure = failed;
                    log.error(failed.message() + "; the run goes on, and the build fails at its end");
                }
            }
            case WARN -> {
                member.dropped = true;
                log.warn(failed.message() + "; it hears no more of this run, whose results are not affected");
            }
        }
    }

    @Override
    public String toString() {
        return "RunObservers" + members.stream().map(member -> member.name).toList();
    }

    @Override
    public void gatewayOpened(String spec, long startNanos, long endNanos, long syncMillis) {
        each("gatewayOpened", o -> o.gatewayOpened(spec, startNanos, endNanos, syncMillis));
    }

    @Override
    public void workerStarted(String workerId, String spec, String group) {
        each("workerStarted", o -> o.workerStarted(workerId, spec, group));
    }

    @Override
    public void unitLost(String workerId, TestUnit unit, TestUnit rest, String cause) {
        each("unitLost", o -> o.unitLost(workerId, unit, rest, cause));
    }

    @Override
    public void unitRevoked(String workerId, TestUnit unit) {
        each("unitRevoked", o -> o.unitRevoked(workerId, unit));
    }

    @Override
    public void runStarted() {
        each("runStarted", RunObserver::runStarted);
    }

    @Override
    public void unitAdded(TestUnit unit, boolean rerun) {
        each("unitAdded", o -> o.unitAdded(unit, rerun));
    }

    @Override
    public void workerConnected(String workerId, String group, int number, String spec, WorkerFacts facts) {
        each("workerConnected", o -> o.workerConnected(workerId, group, number, spec, facts));
    }

    @Override
    public void testStarted(String workerId, TestId test) {
        each("testStarted", o -> o.testStarted(workerId, test));
    }

    @Override
    public void testOutput(String workerId, boolean stderr, String text) {
        each("testOutput", o -> o.testOutput(workerId, stderr, text));
    }

    @Override
    public void testTimedOut(String workerId, TestTimedOut timedOut) {
        each("testTimedOut", o -> o.testTimedOut(workerId, timedOut));
    }

    @Override
    public void unitFinished(String workerId, TestUnit unit, UnitFinished finished) {
        each("unitFinished", o -> o.unitFinished(workerId, unit, finished));
    }

    @Override
    public void unitUsed(String workerId, TestUnit unit, UnitUsed used) {
        each("unitUsed", o -> o.unitUsed(workerId, unit, used));
    }

    @Override
    public void unitAbandoned(String workerId, TestUnit unit, String reason) {
        each("unitAbandoned", o -> o.unitAbandoned(workerId, unit, reason));
    }

    @Override
    public void unitSkipped(TestUnit unit, String reason) {
        each("unitSkipped", o -> o.unitSkipped(unit, reason));
    }

    @Override
    public void unitNotRun(TestUnit unit, String why) {
        each("unitNotRun", o -> o.unitNotRun(unit, why));
    }

    @Override
    public void reportFile(ReportFile file) {
        each("reportFile", o -> o.reportFile(file));
    }

    @Override
    public void workerReady(String workerId, double secondsSinceStart) {
        each("workerReady", o -> o.workerReady(workerId, secondsSinceStart));
    }

    @Override
    public void workerGone(String workerId) {
        each("workerGone", o -> o.workerGone(workerId));
    }

    @Override
    public void unitStarted(String workerId, TestUnit unit) {
        each("unitStarted", o -> o.unitStarted(workerId, unit));
    }

    @Override
    public void testFinished(String workerId, TestUnit unit, TestFinished finished) {
        each("testFinished", o -> o.testFinished(workerId, unit, finished));
    }

    @Override
    public void runFinished(long wallNanos) {
        each("runFinished", o -> o.runFinished(wallNanos));
    }
}
