package io.distest.maven.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.schedule.DurationHistory.Measurement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurationHistoryTest {

    private static DurationHistory of(String... lines) {
        return DurationHistory.parse(List.of(lines));
    }

    @Test
    void readsClassesAndMethodsAndSkipsWhatItCannotRead() {
        DurationHistory history = of("# a comment", "", "a.Big\t\t4000", "a.Big\tone\t1500", "a.Big\ttwo\t2400",
                "garbage", "a.Bad\t\tlots", "a.Neg\t\t-3", "\t\t5", "a.Small\t\t20\textra column from a newer version");
        assertEquals(OptionalLong.of(4000), history.classMillis("a.Big"));
        assertEquals(Map.of("one", 1500L, "two", 2400L), history.durations("a.Big").methodMillis());
        assertEquals(100, history.durations("a.Big").overheadMillis());
        assertEquals(OptionalLong.of(20), history.classMillis("a.Small"));
        assertEquals(2, history.size());
    }

    @Test
    void aClassKnownOnlyByItsMethodsTakesTheirSum() {
        assertEquals(OptionalLong.of(30), of("a.B\tx\t10", "a.B\ty\t20").classMillis("a.B"));
    }

    @Test
    void writesSortedLinesThatReadBackTheSame(@TempDir Path temp) throws Exception {
        DurationHistory history = of("b.Second\t\t900", "a.First\tz\t700", "a.First\t\t1200", "a.First\ta\t400");
        Path file = temp.resolve(".distest/durations.tsv");
        history.write(file);
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(0).startsWith("# distest durations v2"), lines.get(0));
        assertEquals(List.of("a.First\t\t1200", "a.First\ta\t400", "a.First\tz\t700", "b.Second\t\t900"),
                lines.stream().filter(l -> !l.startsWith("#")).toList());
        assertEquals(history.format(), DurationHistory.read(file).format());
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aMissingFileIsAnEmptyHistory(@TempDir Path temp) throws Exception {
        assertTrue(DurationHistory.read(temp.resolve("none.tsv")).isEmpty());
    }

    @Test
    void averagesARemeasuredClassWithWhatItKnew() {
        DurationHistory merged = of("a.B\t\t1000", "a.B\tm\t600", "a.B\tn\t300")
                .merge(List.of(new Measurement("a.B", 2000, Map.of("m", 1400L, "n", 500L), true)), c -> true);
        assertEquals(OptionalLong.of(1500), merged.classMillis("a.B"));
        assertEquals(Map.of("m", 1000L, "n", 400L), merged.durations("a.B").methodMillis());
    }

    @Test
    void forgetsRenamedAndDeletedMethodsOfAClassThatRanInFull() {
        DurationHistory merged = of("a.B\t\t1000", "a.B\told\t600", "a.B\tkept\t300")
                .merge(List.of(new Measurement("a.B", 1000, Map.of("renamed", 600L, "kept", 300L), true)), c -> true);
        assertEquals(Map.of("renamed", 600L, "kept", 300L), merged.durations("a.B").methodMillis());
    }

    @Test
    void keepsTheOtherMethodsOfAClassThatRanInPart() {
        DurationHistory merged = of("a.B\t\t1000", "a.B\tm\t600", "a.B\tn\t300")
                .merge(List.of(new Measurement("a.B", 100, Map.of("n", 100L), false)), c -> true);
        assertEquals(Map.of("m", 600L, "n", 200L), merged.durations("a.B").methodMillis());
        assertEquals(OptionalLong.of(1000), merged.classMillis("a.B"), "a part says little about the whole");
    }

    @Test
    void keepsClassesThatDidNotRunUnlessTheyAreGone() {
        DurationHistory merged = of("a.Skipped\t\t100", "a.Deleted\t\t200")
                .merge(List.of(new Measurement("a.New", 50, Map.of(), true)), name -> !name.equals("a.Deleted"));
        assertEquals(OptionalLong.of(100), merged.classMillis("a.Skipped"));
        assertFalse(merged.classMillis("a.Deleted").isPresent());
        assertEquals(OptionalLong.of(50), merged.classMillis("a.New"));
    }

    @Test
    void keepsMethodsOnlyForClassesLongEnoughToSplit() {
        DurationHistory merged = DurationHistory.empty().merge(List.of(
                new Measurement("a.Short", 300, Map.of("m", 150L, "n", 150L), true),
                new Measurement("a.Long", 900, Map.of("m", 450L, "n", 450L), true)), c -> true);
        assertEquals(Map.of(), merged.durations("a.Short").methodMillis());
        assertEquals(2, merged.durations("a.Long").methodMillis().size());
    }
}
