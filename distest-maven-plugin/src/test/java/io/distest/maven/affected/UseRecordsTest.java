package io.distest.maven.affected;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UseRecordsTest {
    @TempDir
    Path dir;

    @Test
    void readsBackWhatItWroteWithSharedDependenciesWrittenOnce() throws IOException {
        Dependency core = new Dependency(Dependency.Kind.CLASS, "a/Core");
        Dependency properties = new Dependency(Dependency.Kind.RESOURCE, "app.properties");
        UseRecords records = new UseRecords(1_000, 2, AffectedTests.globalInputs().text("JDK", "17").build(), Map.of(
                "a.ATest", new UseRecords.ClassRecord("a.ATest", true, 900, new TreeMap<>(Map.of(core, "c1",
                        new Dependency(Dependency.Kind.CLASS, "a/ATest"), "t1"))),
                "a.BTest", new UseRecords.ClassRecord("a.BTest", true, 950, new TreeMap<>(Map.of(core, "c1",
                        properties, ContentHashes.ABSENT))),
                "a.CTest", new UseRecords.ClassRecord("a.CTest", false, 990, new TreeMap<>())));
        Path file = dir.resolve(".distest/affected.tsv");
        records.write(file);
        UseRecords read = UseRecords.read(file);
        assertEquals(records.builtMillis(), read.builtMillis());
        assertEquals(records.buildsSinceFullRun(), read.buildsSinceFullRun());
        assertEquals(records.global(), read.global());
        assertEquals(records.classes(), read.classes());
        assertEquals(1, Files.readAllLines(file).stream().filter(line -> line.startsWith("dep\tc\ta/Core\t")).count());
    }

    @Test
    void aDamagedLineMakesTheWholeFileUnreadableNamingTheLine() throws IOException {
        Path file = dir.resolve("affected.tsv");
        Files.writeString(file, "built\t1\t0\nclass\ta.ATest\tpass\t1\t7\n");
        IOException e = assertThrows(IOException.class, () -> UseRecords.read(file));
        assertTrue(e.getMessage().contains("line 2 is damaged"), e.getMessage());
    }

    @Test
    void aFileWithoutItsBuiltLineIsUnreadable() throws IOException {
        Path file = dir.resolve("affected.tsv");
        Files.writeString(file, "global\tJDK\tabc\n");
        assertTrue(assertThrows(IOException.class, () -> UseRecords.read(file)).getMessage().contains("no built line"));
    }

    @Test
    void aMissingFileSaysSo() {
        assertThrows(NoSuchFileException.class, () -> UseRecords.read(dir.resolve("none.tsv")));
    }
}
