package io.distest.maven.report;

import io.distest.maven.schedule.TestUnit;
import io.distest.protocol.TestFinished;
import io.distest.protocol.WorkerFacts;
import java.util.List;

/**
 * Hears what the run loop does, for bookkeeping outside scheduling and reporting (durations, efficiency).
 * Called on the run loop's thread; must be quick.
 */
public interface RunObserver {
    /**
     * Tells every one of {@code observers}, in order, each event: the listeners of one event stream, as the JUnit
     * Platform composes its execution listeners. A new event needs only its default method here.
     */
    static RunObserver all(RunObserver... observers) {
        List<RunObserver> list = List.of(observers);
        return (RunObserver) java.lang.reflect.Proxy.newProxyInstance(RunObserver.class.getClassLoader(),
                new Class<?>[] {RunObserver.class}, (proxy, method, arguments) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == arguments[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "RunObserver.all" + list;
                        };
                    }
                    for (RunObserver observer : list) {
                        try {
                            method.invoke(observer, arguments);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                    return null;
                });
    }

    /**
     * The gateway of {@code spec} was opened (connected, and for remote ones synced) between two {@link System#nanoTime}
     * readings; the last {@code syncMillis} of it were the sync.
     */
    default void gatewayOpened(String spec, long startNanos, long endNanos, long syncMillis) {}

    /** A worker JVM is being started from {@code spec} (a replacement keeps its id). */
    default void workerStarted(String workerId, String spec, String group) {}

    /** The worker died running {@code unit}; {@code rest} (or {@code null}) holds its tests not run yet, requeued. */
    default void unitLost(String workerId, TestUnit unit, TestUnit rest, String cause) {}

    /** Work stealing took back {@code unit}, which the worker had been counted as running. */
    default void unitRevoked(String workerId, TestUnit unit) {}

    /** The unit could not run as a whole (class not found, discovery failed); {@link #unitFinished} follows. */
    default void unitError(String workerId, TestUnit unit, String message) {}

    /** A worker of gateway group {@code group} said hello from {@code facts}' platform. */
    default void workerConnected(String workerId, String group, WorkerFacts facts) {}

    /** A worker connected, {@code secondsSinceStart} after its JVM was started. */
    default void workerReady(String workerId, double secondsSinceStart) {}

    /** A worker began running a unit (it may have held it a while). */
    default void unitStarted(String workerId, TestUnit unit) {}

    default void testFinished(String workerId, TestUnit unit, TestFinished finished) {}

    /** The worker finished the unit, taking {@code elapsedMillis} by its own clock. */
    default void unitFinished(String workerId, TestUnit unit, long elapsedMillis) {}

    /** Every unit has run (or could not); {@code wallNanos} from the start of the run. */
    default void runFinished(long wallNanos) {}
}
