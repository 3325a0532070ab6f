package io.distest.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.schedule.TestUnit;
import io.distest.protocol.Outcome;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class ProgressObserverTest {
    private static final String CLEAR = "\r\033[2K";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    /** Each reading is a second later: every show is drawn. */
    private final AtomicLong nanos = new AtomicLong();
    private final TestUnit a = TestUnit.wholeClass(0, "com.acme.ATest");
    private final TestUnit b = TestUnit.wholeClass(1, "com.acme.BTest");

    private long tick() {
        return nanos.addAndGet(1_000_000_000L);
    }

    private static TestFinished finished(TestUnit unit, String method, Outcome outcome) {
        return new TestFinished(unit.id(), new TestId("[u]/" + method, unit.className(), method, method, null), outcome,
                1, null, null);
    }

    private void runOneClass(RunObserver observer) {
        observer.workerReady("gw0", 0.5);
        observer.unitStarted("gw0", a);
        observer.testFinished("gw0", a, finished(a, "x", Outcome.SUCCESSFUL));
        observer.testFinished("gw0", a, finished(a, "y", Outcome.FAILED));
        observer.unitFinished("gw0", a, 10);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showsTestsFailuresAndClassesAsResultsComeThenClearsTheLineAtTheEnd() {
        StatusLine line = new StatusLine(terminal, true, 120, this::tick);
        RunObserver observer = new ProgressObserver(List.of(a, b), unit -> 0, line, this::tick);

        runOneClass(observer);

        String last = printed().substring(printed().lastIndexOf(CLEAR) + CLEAR.length());
        assertTrue(last.startsWith("2 tests, 1 failed · 1/2 classes · about "), printed());
        observer.runFinished(1);
        assertTrue(printed().endsWith(CLEAR), "the summary that follows starts on a clean line: " + printed());
    }

    @Test
    void drawsNothingWhereNobodyWatchesATerminal() {
        StatusLine line = new StatusLine(terminal, false, 120, this::tick);
        RunObserver observer = new ProgressObserver(List.of(a, b), unit -> 0, line, this::tick);

        runOneClass(observer);
        observer.runFinished(1);

        assertEquals("", printed());
    }

    @Test
    void theRunsLogLinesArePrintedAboveTheLine() {
        StatusLine line = new StatusLine(terminal, true, 120, this::tick);
        Log log = AboveStatusLineLog.of(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                terminal.println("[INFO] " + content);
            }
        }, line);
        line.show("3 tests");

        log.info("[gw0] Tests run: 3");

        assertEquals(CLEAR + "3 tests" + CLEAR + "[INFO] [gw0] Tests run: 3" + System.lineSeparator() + "3 tests", printed());
    }

    @Test
    void withTheLineOffTheLogIsMavensOwn() {
        Log maven = new SystemStreamLog();
        assertSame(maven, AboveStatusLineLog.of(maven, new StatusLine(terminal, false, 120, this::tick)));
    }
}
