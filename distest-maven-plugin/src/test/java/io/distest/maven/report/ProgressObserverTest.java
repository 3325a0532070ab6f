package io.distest.maven.report;

import io.distest.maven.schedule.TestUnit;
import io.distest.protocol.Outcome;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestId;
import io.distest.protocol.UnitFinished;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;


class ProgressObserverTest {
    /** What blanks a shown "3 tests" (no ANSI code: Maven drops them when colours are off). */
    private static final String BLANK_3_TESTS = "\r       \r";

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
        observer.unitFinished("gw0", a, new UnitFinished(a.id(), 10, null));
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showsTestsFailuresAndClassesAsResultsComeThenClearsTheLineAtTheEnd() {
        StatusLine line = new StatusLine(terminal, true, 120, this::tick);
        RunObserver observer = new ProgressObserver(List.of(a, b), unit -> 0, line, this::tick);

        runOneClass(observer);

        String shown = printed().substring(printed().lastIndexOf('\r') + 1);
        assertTrue(shown.startsWith("2 tests, 1 failed · 1/2 classes · about "), printed());
        observer.runFinished(1);
        assertTrue(printed().endsWith("\r" + " ".repeat(shown.length()) + "\r"),
                "the summary that follows starts on a blank line: " + printed());
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

        assertEquals("\r3 tests" + BLANK_3_TESTS + "[INFO] [gw0] Tests run: 3" + System.lineSeparator() + "3 tests",
                printed());
    }

    @Test
    void withTheLineOffTheLogIsMavensOwn() {
        Log maven = new SystemStreamLog();
        assertSame(maven, AboveStatusLineLog.of(maven, new StatusLine(terminal, false, 120, this::tick)));
    }
}
