package io.distest.maven.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.schedule.TestUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceJobTest {
    @TempDir
    Path module;

    private final List<TestUnit> units = List.of(TestUnit.wholeClass(1, "p.A"), TestUnit.wholeClass(2, "p.B"));

    @Test
    void writesTheRecordWithPathsRelativeToTheBuildDirectory() throws IOException {
        Path target = module.resolve("target");
        SliceJob job = new SliceJob(target, "default-test");
        SliceShare share = job.start(new Slice(1, 2), units, null, target.resolve("surefire-reports"),
                target.resolve("distest/run.json"));

        SliceRecord record = SliceRecord.read(target.resolve("distest/slice-plan-default-test.tsv"));
        assertEquals(share.plan(), record.plan());
        assertEquals("surefire-reports", record.reports());
        assertEquals("distest/run.json", record.timeline());
        assertEquals("distest/durations-default-test.tsv", record.durations());
        assertEquals(target.resolve("distest/durations-default-test.tsv"), job.durationsFile());
    }

    @Test
    void plansWithTheHistoryFileAndNamesItsDate() throws IOException {
        Path history = module.resolve(".distest/durations.tsv");
        Files.createDirectories(history.getParent());
        Files.writeString(history, "p.A\t\t9000\np.B\t\t100\n");
        SliceShare share = new SliceJob(module.resolve("target"), "default-test").start(new Slice(2, 2), units,
                history, module.resolve("target/surefire-reports"), null);

        assertEquals(List.of("p.B"), share.plan().classesOf(2));
        assertTrue(share.logLine().matches(".*history \\p{XDigit}{8}…\\(\\d{4}-\\d\\d-\\d\\d\\), plan .*"), share.logLine());
    }

    @Test
    void anUnreadableHistoryIsAnErrorNamingItForEveryJob() throws IOException {
        Path history = Files.createDirectories(module.resolve("not-a-file"));
        IOException e = assertThrows(IOException.class, () -> new SliceJob(module.resolve("target"), "default-test")
                .start(new Slice(1, 2), units, history, module.resolve("target/surefire-reports"), null));
        assertTrue(e.getMessage().contains("not-a-file") && e.getMessage().contains("in every job"), e.getMessage());
    }
}
