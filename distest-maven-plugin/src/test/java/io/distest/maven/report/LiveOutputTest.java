package io.distest.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LiveOutputTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final LiveOutput live = new LiveOutput("gw1", stream(out), stream(err));

    @Test
    void printsEachCompleteLineAtOnceWithTheWorkerInFront() {
        live.write(false, "first line\nsecond line\n");
        assertEquals("[gw1] first line\n[gw1] second line\n", text(out));
    }

    @Test
    void holdsAPartialLineUntilItEnds() {
        live.write(false, "progress: ");
        assertEquals("", text(out));
        live.write(false, "50%\r\n");
        assertEquals("[gw1] progress: 50%\n", text(out));
    }

    @Test
    void keepsStandardErrorApartFromStandardOutput() {
        live.write(true, "warning\n");
        live.write(false, "info\n");
        assertEquals("[gw1] warning\n", text(err));
        assertEquals("[gw1] info\n", text(out));
    }

    @Test
    void flushPrintsWhatIsLeftOfAnUnfinishedLine() {
        live.write(false, "no newline at the end");
        live.flush();
        live.flush();
        assertEquals("[gw1] no newline at the end\n", text(out));
    }

    @Test
    void eachLineIsPrintedAboveTheStatusLine() {
        StatusLine line = new StatusLine(stream(out), true, 80, () -> 0);
        line.show("1 tests");
        LiveOutput above = new LiveOutput("gw1", stream(out), stream(err), line::printAbove);

        above.write(false, "hello\n");

        assertEquals("\r1 tests\r       \r[gw1] hello\n1 tests", text(out));
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
