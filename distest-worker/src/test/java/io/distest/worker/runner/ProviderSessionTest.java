package io.distest.worker.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.protocol.Configure;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Outcome;
import io.distest.protocol.ReportFile;
import io.distest.protocol.RunUnit;
import io.distest.protocol.Shutdown;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestOutput;
import io.distest.protocol.UnitFinished;
import io.distest.protocol.UseProvider;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A worker session that runs TestNG through Surefire's own TestNG provider, over in-memory pipes. */
class ProviderSessionTest {
    private static final String FIXTURE = "io.distest.worker.fixtures.TestNgFixture";
    private static final Map<String, String> PROPERTIES = Map.of("excludegroups", "slow",
            "testng.configurator", "org.apache.maven.surefire.testng.conf.TestNG740Configurator");

    private PrintStream out;
    private PrintStream err;
    private MessageChannel plugin;
    private CompletableFuture<Integer> exit;

    @BeforeEach
    void startWorker() throws Exception {
        out = System.out;
        err = System.err;
        PipedInputStream workerIn = new PipedInputStream(1 << 16);
        PipedOutputStream pluginOut = new PipedOutputStream(workerIn);
        PipedInputStream pluginIn = new PipedInputStream(1 << 16);
        PipedOutputStream workerOut = new PipedOutputStream(pluginIn);
        plugin = new MessageChannel(pluginIn, pluginOut, () -> {});
        Worker worker = new Worker("gw3", "token", workerIn, workerOut, () -> {});
        exit = CompletableFuture.supplyAsync(() -> {
            try {
                return worker.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        plugin.receive(); // hello
        plugin.send(new Configure(List.of(), List.of(), Map.of()));
        plugin.send(new UseProvider("org.apache.maven.surefire.testng.TestNGProvider", PROPERTIES, List.of(), "", 0));
    }

    @AfterEach
    void restoreStreams() {
        System.setOut(out);
        System.setErr(err);
    }

    @Test
    void namesAndJudgesTestsAsSurefiresTestNgProviderAndSendsTestNgsOwnReports() throws Exception {
        plugin.send(new RunUnit(5, FIXTURE, List.of(), List.of()));
        List<Message> events = untilUnitFinished();
        plugin.send(new Shutdown());

        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        events.stream().filter(TestFinished.class::isInstance).map(TestFinished.class::cast)
                .forEach(f -> outcomes.put(f.test().methodName(), f.outcome()));
        assertEquals(Map.of("notThree[1](1)", Outcome.SUCCESSFUL, "notThree[3](2)", Outcome.FAILED,
                "afterNotThree", Outcome.SKIPPED), outcomes, "isSlow is in the excluded group");
        TestFinished failed = events.stream().filter(TestFinished.class::isInstance).map(TestFinished.class::cast)
                .filter(f -> f.outcome() == Outcome.FAILED).findFirst().orElseThrow();
        assertEquals(FIXTURE, failed.test().className());
        assertEquals("java.lang.AssertionError", failed.throwable().type());
        assertTrue(events.contains(new TestOutput(5, false, "checking 1\n")), events.toString());
        List<String> reports = events.stream().filter(ReportFile.class::isInstance)
                .map(m -> ((ReportFile) m).path()).toList();
        assertTrue(reports.contains("testng-results.xml") && reports.contains("junitreports/TEST-" + FIXTURE + ".xml"),
                reports.toString());
        assertNull(((UnitFinished) events.get(events.size() - 1)).error());
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
    }

    @Test
    void narrowsAUnitToTheMethodsItNames() throws Exception {
        plugin.send(new RunUnit(6, FIXTURE, List.of("not*"), List.of()));
        List<Message> events = untilUnitFinished();
        plugin.send(new Shutdown());
        List<String> names = events.stream().filter(TestFinished.class::isInstance)
                .map(m -> ((TestFinished) m).test().methodName()).toList();
        assertEquals(List.of("notThree[1](1)", "notThree[3](2)"), names);
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
    }

    @Test
    void reportsAClassThatCannotBeFoundAsTheUnitsErrorWithoutDying() throws Exception {
        plugin.send(new RunUnit(7, "com.acme.NoSuchTest", List.of(), List.of()));
        UnitFinished finished = (UnitFinished) untilUnitFinished().get(0);
        plugin.send(new Shutdown());
        assertTrue(finished.error().stackTrace().contains("com.acme.NoSuchTest"), finished.error().toString());
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
    }

    private List<Message> untilUnitFinished() throws Exception {
        List<Message> events = new ArrayList<>();
        while (true) {
            Message message = plugin.receive();
            events.add(message);
            if (message instanceof UnitFinished) {
                return events;
            }
        }
    }
}
