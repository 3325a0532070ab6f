package io.distest.worker.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.TestFinished;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The names and outcomes a worker sends are those Surefire's JUnit Platform provider reports. */
class SurefireNamesTest {
    private static final String FIXTURE = "io.distest.worker.fixtures.ContainersFixture";
    private static final String ABORTED_FIXTURE = "io.distest.worker.fixtures.AbortedInBeforeAllFixture";

    @Test
    void namesCasesAsSurefireDoesIncludingSkippedContainersAndNestedClasses() throws IOException {
        Map<String, String> cases = run();
        Map<String, String> expected = new TreeMap<>(Map.of(
                "ContainersFixture # plain", "SUCCESSFUL",
                // a skipped container in the top-level class: no class text, the report's own class (+ suffix) shows
                "(top-level) # disabledParameterized(int)", "SKIPPED",
                "ContainersFixture # parameterized(int)[1]", "SUCCESSFUL",
                "ContainersFixture$Inner # inner", "SUCCESSFUL",
                "ContainersFixture$Inner # innerDisabledParameterized(int)", "SKIPPED",
                "ContainersFixture$DisabledInner # neverA", "SKIPPED",
                // a class inside a skipped class: one case with an empty name, as Surefire writes it
                "ContainersFixture$DisabledInner$DeeperStill #  (a nested class in a skipped class)", "SKIPPED",
                "Shown name # named", "SUCCESSFUL"));
        assertEquals(expected, cases);
    }

    @Test
    void reportsNothingForAClassAbortedInBeforeAllAsSurefire35Does() throws IOException {
        assertEquals(Map.of(), run(ABORTED_FIXTURE, false));
    }

    @Test
    void reportsEachTestOfAClassAbortedInBeforeAllAsAbortedAsSurefire36Does() throws IOException {
        assertEquals(new TreeMap<>(Map.of("AbortedInBeforeAllFixture # first", "ABORTED",
                "AbortedInBeforeAllFixture # second", "ABORTED")), run(ABORTED_FIXTURE, true));
    }

    private static Map<String, String> run() throws IOException {
        return run(FIXTURE, false);
    }

    /** Runs a fixture through an EventSender; returns "reportClass # method" -> outcome of every result sent. */
    private static Map<String, String> run(String fixture, boolean abortedClassAsItsTests) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        MessageChannel channel = new MessageChannel(new ByteArrayInputStream(new byte[0]), wire, () -> {});
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build(),
                new EventSender(channel, 1, new TimeoutWatchdog(channel), true, abortedClassAsItsTests));
        MessageChannel reader = new MessageChannel(new ByteArrayInputStream(wire.toByteArray()), OutputStreamNull.INSTANCE, () -> {});
        Map<String, String> cases = new TreeMap<>();
        while (true) {
            Message message;
            try {
                message = reader.receive();
            } catch (EOFException end) {
                return cases;
            }
            if (message instanceof TestFinished finished) {
                String reportClass = finished.test().reportClass() == null ? "(top-level)"
                        : finished.test().reportClass().replace("io.distest.worker.fixtures.", "");
                String method = finished.test().methodName() == null ? " (a nested class in a skipped class)"
                        : finished.test().methodName();
                cases.put(reportClass + " # " + method, finished.outcome().name());
            }
        }
    }

    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }
    }
}
