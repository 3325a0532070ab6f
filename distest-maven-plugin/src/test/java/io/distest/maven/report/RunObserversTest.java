package io.distest.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.report.RunObservers.OnFailure;
import io.distest.maven.run.RunHarness.RecordingLog;
import io.distest.maven.schedule.TestUnit;
import io.distest.protocol.UnitFinished;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RunObserversTest {
    private static final TestUnit UNIT = TestUnit.wholeClass(0, "com.acme.ATest");
    private static final UnitFinished FINISHED = new UnitFinished(0, 10, null);

    private final RecordingLog log = new RecordingLog();
    private final List<String> heard = new ArrayList<>();

    /** Hears every event and writes down its name and who heard it. */
    private RunObserver recording(String name) {
        return (RunObserver) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RunObserver.class},
                (proxy, method, arguments) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == arguments[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> name;
                        };
                    }
                    heard.add(name + " " + method.getName());
                    return null;
                });
    }

    private RunObserver throwingOnUnitFinished(String name, RuntimeException e) {
        return new RunObserver() {
            @Override
            public void unitFinished(String workerId, TestUnit unit, UnitFinished finished) {
                heard.add(name + " unitFinished");
                throw e;
            }
        };
    }

    @Test
    void everyObserverHearsAnEventAlthoughOneBeforeItThrew() {
        RunObservers all = new RunObservers(log)
                .add("reporting", OnFailure.FAIL_THE_BUILD, throwingOnUnitFinished("reporting", new IllegalStateException()))
                .add("timeline", OnFailure.WARN, throwingOnUnitFinished("timeline", new IllegalStateException()))
                .add("durations", OnFailure.WARN, recording("durations"));

        all.unitFinished("gw0", UNIT, FINISHED);

        assertEquals(List.of("reporting unitFinished", "timeline unitFinished", "durations unitFinished"), heard);
    }

    @Test
    void aReportingFailureFailsTheBuildNamingTheObserverAndTheCauseOnceTheOthersHeardTheRun() {
        IllegalStateException cause = new IllegalStateException("no report for gw0");
        RunObservers all = new RunObservers(log)
                .add("Surefire reporting", OnFailure.FAIL_THE_BUILD, throwingOnUnitFinished("reporting", cause))
                .add("durations", OnFailure.WARN, recording("durations"));

        all.unitFinished("gw0", UNIT, FINISHED);
        all.unitFinished("gw1", UNIT, FINISHED);
        all.runFinished(1);

        RunObservers.Failure failure = all.failure().orElseThrow();
        assertEquals("distest: Surefire reporting failed on unitFinished: java.lang.IllegalStateException: no report for gw0",
                failure.message());
        assertEquals(cause, failure.cause());
        assertEquals(List.of("reporting unitFinished", "durations unitFinished", "reporting unitFinished",
                "durations unitFinished", "durations runFinished"), heard, "it is still called, and so are the others");
        assertEquals(1, log.lines().stream().filter(line -> line.startsWith(failure.message())).count(),
                "said once, when it happened: " + log.lines());
    }

    @Test
    void aHelperThatThrowsIsWarnedAboutOnceHearsNoMoreAndFailsNothing() {
        RunObservers all = new RunObservers(log)
                .add("the timeline", OnFailure.WARN, throwingOnUnitFinished("timeline", new ArithmeticException("/ by zero")))
                .add("reporting", OnFailure.FAIL_THE_BUILD, recording("reporting"));

        all.unitFinished("gw0", UNIT, FINISHED);
        all.unitFinished("gw1", UNIT, FINISHED);
        all.runFinished(1);

        assertTrue(all.failure().isEmpty());
        assertEquals(List.of("timeline unitFinished", "reporting unitFinished", "reporting unitFinished",
                "reporting runFinished"), heard);
        assertEquals(List.of("distest: the timeline failed on unitFinished: java.lang.ArithmeticException: / by zero;"
                + " it hears no more of this run, whose results are not affected"), log.lines());
    }

    @Test
    void everyEventReachesEveryObserverUnderItsOwnName() throws Exception {
        RunObservers all = new RunObservers(log).add("a", OnFailure.FAIL_THE_BUILD, recording("a"))
                .add("b", OnFailure.WARN, recording("b"));
        Set<String> events = events();

        for (Method event : RunObserver.class.getMethods()) {
            if (!Modifier.isStatic(event.getModifiers())) {
                event.invoke(all, Arrays.stream(event.getParameterTypes()).map(RunObserversTest::anyValue).toArray());
            }
        }

        assertEquals(events.stream().flatMap(e -> List.of("a " + e, "b " + e).stream()).collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(heard), "an event RunObservers does not forward reaches no observer");
    }

    @Test
    void eachEventHasOneMethodSoThatNoObserverOverridesAFormNobodyCalls() {
        List<String> names = Arrays.stream(RunObserver.class.getMethods()).map(Method::getName).sorted().toList();
        assertEquals(new ArrayList<>(new TreeSet<>(names)), names);
    }

    private static Set<String> events() {
        return Arrays.stream(RunObserver.class.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Object anyValue(Class<?> type) {
        Map<Class<?>, Object> primitives = Map.of(boolean.class, false, int.class, 0, long.class, 0L, double.class, 0.0);
        return primitives.get(type); // null for every reference type: the recording observers do not look
    }
}
