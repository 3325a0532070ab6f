package io.distest.worker.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.distest.protocol.Configure;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.RunUnit;
import io.distest.protocol.ThrowableInfo;
import io.distest.protocol.UnitFinished;
import io.distest.worker.use.UnitUse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.Filter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs one unit (a test class, maybe narrowed to some methods) through the JUnit Platform launcher. */
final class UnitRunner {
    private final MessageChannel channel;
    private final OutputCapture capture;
    private final TimeoutWatchdog watchdog;
    private final SharedFixtures fixtures = new SharedFixtures(ClassLoader.getSystemClassLoader());
    private Launcher launcher;
    /** The session {@link #launcher} belongs to, closed when the worker ends; {@code null} before Platform 1.8. */
    private AutoCloseable session;

    UnitRunner(MessageChannel channel, OutputCapture capture, TimeoutWatchdog watchdog) {
        this.channel = channel;
        this.capture = capture;
        this.watchdog = watchdog;
    }

    void run(RunUnit unit, Configure configure) throws IOException {
        long start = System.nanoTime();
        ThrowableInfo error = null;
        EventSender events = new EventSender(channel, unit.unitId(), watchdog, configure.skippedClassAsItsTests(),
                configure.abortedClassAsItsTests());
        capture.attributeTo(unit.unitId());
        long waited = CoreWait.nanos();
        long cpu = ProcessCpu.nanos();
        try {
            Launcher launcher = launcher();
            start = System.nanoTime(); // normally made before hello: start-up time, not the unit's
            waited = CoreWait.nanos();
            cpu = ProcessCpu.nanos();
            UnitUse.start();
            launcher.execute(request(unit, configure), events);
        } catch (Throwable t) { // a discovery or engine failure is reported, not fatal to the worker
            error = ThrowableInfo.of(t);
        } finally {
            capture.attributeTo(-1);
        }
        UnitUse.send(channel, unit.unitId());
        long elapsed = ReportClock.millisBetween(start, System.nanoTime()); // so that it holds the class times
        long queued = CoreWait.millisBetween(waited, CoreWait.nanos());
        channel.send(new UnitFinished(unit.unitId(), elapsed, events.classMillis(), error,
                fixtures.after(unit.className()), queued, ProcessCpu.millisBetween(cpu, ProcessCpu.nanos())));
    }

    /** Makes the JUnit launcher (finding the engines); a failure is left for the first unit to report. */
    void prepare() {
        try {
            launcher();
        } catch (Throwable t) {
            // reported by run(), as the unit's error, when the first unit asks for the launcher again
        }
    }

    /**
     * One launcher session for the worker's whole life, as Surefire keeps one per fork: its launcher is reused by
     * every unit, so session listeners run once per worker, not once per class, and no unit pays for setting up a
     * new session. JUnit Platform before 1.8 has no sessions: there a plain launcher is made once.
     */
    private Launcher launcher() {
        if (launcher == null) {
            try {
                LauncherSession opened = LauncherSessions.open();
                session = opened;
                launcher = opened.getLauncher();
            } catch (LinkageError olderPlatform) {
                launcher = LauncherFactory.create();
            }
        }
        return launcher;
    }

    /** Closes the launcher session (its listeners' {@code launcherSessionClosed} runs), if one was opened. */
    void close() {
        if (session != null) {
            try {
                session.close();
            } catch (Exception e) {
                System.err.println("distest worker: closing the JUnit launcher session failed: " + e);
            }
            session = null;
        }
    }

    /** Kept apart so that a Platform without {@code LauncherSession} fails here, as a LinkageError, not earlier. */
    private static final class LauncherSessions {
        static LauncherSession open() {
            return LauncherFactory.openSession();
        }
    }

    private static LauncherDiscoveryRequest request(RunUnit unit, Configure configure) {
        List<Filter<?>> filters = new ArrayList<>();
        if (!configure.includeTags().isEmpty()) {
            filters.add(TagFilter.includeTags(configure.includeTags()));
        }
        if (!configure.excludeTags().isEmpty()) {
            filters.add(TagFilter.excludeTags(configure.excludeTags()));
        }
        if (!configure.includeEngines().isEmpty()) { // Surefire's includeJUnit5Engines / excludeJUnit5Engines
            filters.add(EngineFilter.includeEngines(configure.includeEngines()));
        }
        if (!configure.excludeEngines().isEmpty()) {
            filters.add(EngineFilter.excludeEngines(configure.excludeEngines()));
        }
        if (!unit.includeMethods().isEmpty() || !unit.excludeMethods().isEmpty()) {
            filters.add(new MethodNameFilter(unit.includeMethods(), unit.excludeMethods()));
        }
        if (!unit.onlyTests().isEmpty() || !unit.skipTests().isEmpty()) {
            filters.add(new UniqueIdFilter(unit.onlyTests(), unit.skipTests()));
        }
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(unit.className()))
                .filters(filters.toArray(new Filter<?>[0]))
                .configurationParameters(configure.configurationParameters())
                .build();
    }
}
