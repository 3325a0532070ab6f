package io.distest.maven.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.timeline.RunModel.Bar;
import io.distest.maven.timeline.RunModel.Kind;
import io.distest.maven.timeline.RunModel.Lane;
import io.distest.maven.timeline.RunModel.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunModelReaderTest {

    @Test
    void readsBackWhatRunModelJsonWrote() {
        Bar jvm = Bar.phase(Kind.JVM, 0, 400, "JVM start-up");
        Bar unit = new Bar(Kind.UNIT, 400, 1900, "a.\"Odd\"</script>\t\u00e9", 3, 4, Outcome.CRASHED, 1490, 1200L, 2,
                true, "worker died: exit 137", true);
        RunModel model = RunModel.of("sample · 2*popen", new RunModel.Summary(2000, 2, 3000, 1900, 95, 400, 600, null,
                "a.Big", true), List.of(new Lane("gw1", "2*popen", "tx1", null, null, 100, true, List.of(jvm, unit))));

        assertEquals(model, RunModelReader.read(RunModelJson.write(model)));
    }

    @Test
    void refusesAnotherVersion() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunModelReader.read("{\"version\":2}"));
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void refusesTextThatIsNotJson() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunModelReader.read("{\"version\":1,}"));
        assertTrue(e.getMessage().contains("offset"), e.getMessage());
    }
}
