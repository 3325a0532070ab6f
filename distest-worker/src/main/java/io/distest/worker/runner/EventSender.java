package io.distest.worker.runner;

import io.distest.protocol.MessageChannel;
import io.distest.protocol.Outcome;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestId;
import io.distest.protocol.TestStarted;
import io.distest.protocol.ThrowableInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** Streams launcher events of one unit to the plugin as they happen. */
final class EventSender implements TestExecutionListener {
    private final MessageChannel channel;
    private final int unitId;
    private final TimeoutWatchdog watchdog;
    private final Map<String, Long> startNanos = new ConcurrentHashMap<>();
    /** A running test's id: named once when it starts, not again when it ends. */
    private final Map<String, TestId> runningTests = new ConcurrentHashMap<>();
    /** Time inside the unit's outermost class containers: what Surefire reports as a test set's time. */
    private volatile long classMillis;
    private volatile boolean classTimed;
    private final boolean skippedClassAsItsTests;
    private final boolean abortedClassAsItsTests;
    /** Class containers in which a test has started: an abort there came after tests ran, not instead of them. */
    private final Set<String> classesWithStartedTests = ConcurrentHashMap.newKeySet();
    private volatile TestPlan plan;
    private volatile SurefireNames names;

    /**
     * @param skippedClassAsItsTests see {@link io.distest.protocol.Configure#skippedClassAsItsTests()}
     * @param abortedClassAsItsTests see {@link io.distest.protocol.Configure#abortedClassAsItsTests()}
     */
    EventSender(MessageChannel channel, int unitId, TimeoutWatchdog watchdog, boolean skippedClassAsItsTests,
            boolean abortedClassAsItsTests) {
        this.channel = channel;
        this.unitId = unitId;
        this.watchdog = watchdog;
        this.skippedClassAsItsTests = skippedClassAsItsTests;
        this.abortedClassAsItsTests = abortedClassAsItsTests;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        names = new SurefireNames(testPlan);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
            for (TestIdentifier parent = plan.getParent(id).orElse(null); parent != null;
                    parent = plan.getParent(parent).orElse(null)) {
                classesWithStartedTests.add(parent.getUniqueId());
            }
            TestId test = names.testId(id);
            runningTests.put(id.getUniqueId(), test);
            watchdog.testStarted(unitId, test);
            send(new TestStarted(unitId, test));
        }
        startNanos.put(id.getUniqueId(), System.nanoTime()); // last: naming and sending the start are not the test's
    }

    /**
     * How long the unit's classes ran, from the outermost class container starting to its ending (discovery and the
     * engine's own start-up left out, as in Surefire's reports); {@code -1} when no class container ran.
     */
    long classMillis() {
        return classTimed ? classMillis : -1;
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (isClass(id) && skippedClassAsItsTests) {
            // as Surefire: a skipped class (@Disabled, a condition, a disabled @Nested) reports each child skipped
            for (TestIdentifier child : plan.getChildren(id)) {
                send(new TestFinished(unitId, testId(child), Outcome.SKIPPED, 0, reason, null));
            }
        } else {
            // a test, or a container such as a disabled @ParameterizedTest: one skipped case, named as Surefire does
            send(new TestFinished(unitId, testId(id), Outcome.SKIPPED, 0, reason, null));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            watchdog.testFinished();
        }
        Long start = startNanos.remove(id.getUniqueId());
        // read before anything is sent, as Surefire reads its clock before it reports the test
        long elapsed = start == null ? 0 : ReportClock.millisBetween(start, System.nanoTime());
        if (start != null && isOutermostClass(id)) {
            classMillis += elapsed;
            classTimed = true;
        }
        // a container only reports when it failed itself (e.g. @BeforeAll threw): its tests never ran
        if (!id.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            return;
        }
        if (!id.isTest() && !isClass(id) && result.getStatus() != TestExecutionResult.Status.FAILED) {
            return;
        }
        Throwable thrown = result.getThrowable().orElse(null);
        if (isClass(id) && result.getStatus() == TestExecutionResult.Status.ABORTED) {
            classAborted(id, thrown);
            return;
        }
        Outcome outcome = switch (result.getStatus()) {
            case SUCCESSFUL -> Outcome.SUCCESSFUL;
            case ABORTED -> Outcome.ABORTED;
            case FAILED -> thrown instanceof AssertionError ? Outcome.FAILED : Outcome.ERROR;
        };
        String reason = outcome == Outcome.ABORTED && thrown != null ? thrown.getMessage() : null;
        send(new TestFinished(unitId, testId(id), outcome, elapsed, reason, thrown == null ? null : ThrowableInfo.of(thrown)));
    }

    /**
     * A class aborted by an assumption in its {@code @BeforeAll}: Surefire 3.5 reports nothing for it; 3.6 reports each
     * of its tests aborted, in unique-id order (the class itself when it has none), unless some had started already.
     */
    private void classAborted(TestIdentifier id, Throwable thrown) {
        if (!abortedClassAsItsTests || classesWithStartedTests.contains(id.getUniqueId())) {
            return;
        }
        String reason = thrown == null ? null : thrown.getMessage();
        ThrowableInfo info = thrown == null ? null : ThrowableInfo.of(thrown);
        List<TestIdentifier> tests = plan.getDescendants(id).stream().filter(TestIdentifier::isTest)
                .sorted(Comparator.comparing(TestIdentifier::getUniqueId)).toList();
        for (TestIdentifier test : tests.isEmpty() ? List.of(id) : tests) {
            send(new TestFinished(unitId, testId(test), Outcome.ABORTED, 0, reason, info));
        }
    }

    private static boolean isClass(TestIdentifier id) {
        return id.getSource().orElse(null) instanceof ClassSource;
    }

    /** A class container not inside another class (a {@code @Nested} class's time is already in its outer class's). */
    private boolean isOutermostClass(TestIdentifier id) {
        if (!isClass(id)) {
            return false;
        }
        for (TestIdentifier parent = plan.getParent(id).orElse(null); parent != null;
                parent = plan.getParent(parent).orElse(null)) {
            if (isClass(parent)) {
                return false;
            }
        }
        return true;
    }

    private TestId testId(TestIdentifier id) {
        TestId running = id.isTest() ? runningTests.remove(id.getUniqueId()) : null;
        return running != null ? running : names.testId(id);
    }

    private void send(io.distest.protocol.Message message) {
        try {
            channel.send(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
