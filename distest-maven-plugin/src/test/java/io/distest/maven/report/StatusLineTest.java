package io.distest.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StatusLineTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void otherLinesPrintAboveTheStatusWhichIsDrawnAgainBelowThem() {
        StatusLine status = new StatusLine(terminal, true, 80, nanos::get);
        status.show("3 tests");
        status.printAbove(() -> terminal.println("Tests run: 3, Failures: 0"));
        status.close();
        String blank = "\r       \r"; // as long as "3 tests"
        assertEquals("\r3 tests" + blank + "Tests run: 3, Failures: 0" + System.lineSeparator() + "3 tests" + blank,
                printed());
        assertFalse(printed().contains("\033"), "no ANSI code: Maven drops them without colours");
    }

    @Test
    void offItWritesNoAnsiAndNoStatusOnlyTheLines() {
        StatusLine status = new StatusLine(terminal, false, 80, nanos::get);
        status.show("3 tests");
        status.printAbove(() -> terminal.println("Tests run: 3"));
        status.close();
        assertEquals("Tests run: 3" + System.lineSeparator(), printed());
    }

    @Test
    void redrawsAtMostAFewTimesASecond() {
        StatusLine status = new StatusLine(terminal, true, 80, nanos::get);
        status.show("1 test");
        status.show("2 tests");
        nanos.addAndGet(300_000_000L);
        status.show("3 tests");
        assertFalse(printed().contains("2 tests"));
        assertTrue(printed().endsWith("\r      \r3 tests"), "the earlier status blanked, then the new one");
    }

    @Test
    void aLongStatusIsCutToTheTerminalWidth() {
        StatusLine status = new StatusLine(terminal, true, 20, nanos::get);
        status.show("x".repeat(50));
        assertEquals("\r" + "x".repeat(18) + "…", printed());
    }

    @Test
    void onlyAnInteractiveConsoleOutsideCiGetsIt() {
        assertTrue(StatusLine.wanted(true, true, Map.of("TERM", "xterm")));
        assertFalse(StatusLine.wanted(false, true, Map.of()), "output redirected");
        assertFalse(StatusLine.wanted(true, false, Map.of()), "mvn -B");
        assertFalse(StatusLine.wanted(true, true, Map.of("TERM", "dumb")));
        assertFalse(StatusLine.wanted(true, true, Map.of("CI", "true")));
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
