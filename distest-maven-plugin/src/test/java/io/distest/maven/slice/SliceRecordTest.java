package io.distest.maven.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.schedule.DurationHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceRecordTest {
    @TempDir
    Path dir;

    private static SliceRecord record() {
        SlicePlan plan = SlicePlanner.plan(List.of("a.A", "a.B", "a.C"),
                DurationHistory.parse(List.of("a.A\t\t100", "a.B\t\t900")), 2);
        return new SliceRecord(new Slice(2, 2), plan, "surefire-reports", "distest/run.json",
                "distest/durations-default-test.tsv");
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        Path file = dir.resolve(SliceRecord.fileName("default-test"));
        record().write(file);
        assertEquals(record(), SliceRecord.read(file));
        assertEquals("slice-plan-default-test.tsv", file.getFileName().toString());
    }

    @Test
    void theFileListsEveryClassWithItsSliceAndThePlansInputs() throws IOException {
        Path file = dir.resolve("plan.tsv");
        record().write(file);
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.contains("slice\t2/2"), lines.toString());
        assertTrue(lines.contains("history\t" + record().plan().historyHash()), lines.toString());
        assertTrue(lines.contains("a.B\t1\t900"), lines.toString());
        assertEquals(3, lines.stream().filter(line -> line.startsWith("a.")).count());
    }

    @Test
    void aRecordEditedAfterItWasWrittenIsRefused() throws IOException {
        Path file = dir.resolve("plan.tsv");
        record().write(file);
        Files.writeString(file, Files.readString(file).replace("a.B\t1\t", "a.B\t2\t"));
        IOException e = assertThrows(IOException.class, () -> SliceRecord.read(file));
        assertTrue(e.getMessage().contains("changed after it was written"), e.getMessage());
    }

    @Test
    void aFileThatIsNoRecordIsAnErrorNamingTheLine() throws IOException {
        Path file = dir.resolve("plan.tsv");
        Files.writeString(file, "slice\t2/2\nnonsense\n");
        IOException e = assertThrows(IOException.class, () -> SliceRecord.read(file));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void theClassesThatRanWithoutATestAreAddedAfterTheRun() throws IOException {
        Path file = dir.resolve("plan.tsv");
        record().afterRun(List.of("a.C"), List.of()).write(file);
        assertTrue(Files.readAllLines(file).contains("no-tests\ta.C"));
        assertEquals(java.util.Set.of("a.C"), SliceRecord.read(file).withoutTests());
    }

    @Test
    void theClassesLeftOutAsUnaffectedAreKeptApartFromThoseWithoutTests() throws IOException {
        Path file = dir.resolve("plan.tsv");
        record().afterRun(List.of(), List.of("a.D")).write(file);
        assertTrue(Files.readAllLines(file).contains("not-affected\ta.D"));
        assertEquals(java.util.Set.of("a.D"), SliceRecord.read(file).notAffected());
        assertEquals(java.util.Set.of(), SliceRecord.read(file).withoutTests());
    }
}
