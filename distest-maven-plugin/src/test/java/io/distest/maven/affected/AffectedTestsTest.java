package io.distest.maven.affected;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.schedule.TestUnit;
import io.distest.protocol.Outcome;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestId;
import io.distest.protocol.UnitFinished;
import io.distest.protocol.UnitUsed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AffectedTestsTest {
    @TempDir
    Path dir;
    private Path classes;
    private final List<String> lines = new ArrayList<>();
    private final List<TestUnit> units = List.of(TestUnit.wholeClass(1, "a.ATest"), TestUnit.wholeClass(2, "a.BTest"));

    @BeforeEach
    void project() throws IOException {
        classes = Files.createDirectories(dir.resolve("classes"));
        write("a/ATest.class", "A test");
        write("a/BTest.class", "B test");
        write("a/Core.class", "core v1");
        write("app.properties", "x=1");
    }

    @Test
    void aFirstRunRunsEverythingAndSaysWhy() throws IOException {
        List<TestUnit> selected = affected(0).select(units, Set.of());
        assertEquals(units, selected);
        assertTrue(lines.get(0).startsWith("distest: every test class runs (affected: no record of an earlier run"),
                lines.get(0));
    }

    @Test
    void anUnchangedRerunRunsNothing() throws IOException {
        run(affected(0), units, true);
        List<TestUnit> selected = affected(0).select(units, Set.of());
        assertEquals(List.of(), selected);
        assertTrue(lines.get(1).startsWith("distest: 2 of 2 test classes not affected by the change, not run (last run "),
                lines.get(1));
    }

    @Test
    void aChangedDependencyRunsOnlyTheClassesThatUsedIt() throws IOException {
        run(affected(0), units, true);
        write("a/Core.class", "core v2");
        AffectedTests second = affected(0);
        assertEquals(List.of(units.get(0)), second.select(units, Set.of()));
        assertTrue(Files.readString(dir.resolve("affected.txt")).contains("run\ta.ATest\tchanged: a.Core\n"));
        assertTrue(Files.readString(dir.resolve("affected.txt")).contains("skipped\ta.BTest\tnot affected\n"));
    }

    @Test
    void aResourceTheClassLookedUpIsADependencyAndSoIsItsAbsence() throws IOException {
        run(affected(0), units, true);
        write("app.properties", "x=2");
        assertEquals(List.of(units.get(1)), affected(0).select(units, Set.of()));
        run(affected(0), List.of(units.get(1)), true);
        write("missing.txt", "now here");
        assertEquals(List.of(units.get(1)), affected(0).select(units, Set.of()));
    }

    @Test
    void aFileTheClassOpenedBelowTheModuleIsADependency() throws IOException {
        run(affected(0), units, true);
        Path data = dir.resolve("src/test/data/input.json");
        Files.createDirectories(data.getParent());
        Files.writeString(data, "{}");
        assertEquals(List.of(units.get(1)), affected(0).select(units, Set.of()));
        assertTrue(Files.readString(dir.resolve("affected.txt")).contains("run\ta.BTest\tchanged: file src/test/data/input.json\n"));
    }

    @Test
    void aClassThatFailedRunsAgainUntilItPasses() throws IOException {
        AffectedTests first = affected(0);
        first.select(units, Set.of());
        UseRecorder recorder = (UseRecorder) first.recorder();
        hear(recorder, units.get(0), List.of("a/ATest", "a/Core"), Outcome.FAILED);
        hear(recorder, units.get(1), List.of("a/BTest"), Outcome.SUCCESSFUL);
        first.finish();
        assertEquals(List.of(units.get(0)), affected(0).select(units, Set.of()));
    }

    @Test
    void aChangedGlobalInputRunsEverythingAndForgetsTheOldRecords() throws IOException {
        run(affected(0), units, true);
        GlobalInputs other = AffectedTests.globalInputs().text("argLine", "-Xmx1g").build();
        AffectedTests changed = new AffectedTests(dir.resolve("affected.tsv"), dir.resolve("affected.txt"), other,
                List.of(classes), dir, 0, log(), () -> 2_000);
        assertEquals(units, changed.select(units, Set.of()));
        assertEquals("distest: every test class runs (affected: argLine changed)", lines.get(1));
        changed.finish(); // nothing heard: no class may keep a record made under the old inputs
        assertEquals(units, new AffectedTests(dir.resolve("affected.tsv"), dir.resolve("affected.txt"), other,
                List.of(classes), dir, 0, log(), () -> 3_000).select(units, Set.of()));
    }

    @Test
    void fullRunEveryRunsEverythingOnTheNthBuild() throws IOException {
        run(affected(3), units, true); // a full run: the count starts
        assertEquals(List.of(), run(affected(3), units, true));
        assertEquals(List.of(), run(affected(3), units, true));
        assertEquals(units, affected(3).select(units, Set.of()));
        assertTrue(lines.get(lines.size() - 1).contains("distest.affected.fullRunEvery=3"), lines.toString());
    }

    @Test
    void aDamagedRecordFileRunsEverythingAndIsRewritten() throws IOException {
        run(affected(0), units, true);
        Files.writeString(dir.resolve("affected.tsv"), "built\tnot a number\t0\n");
        assertEquals(units, run(affected(0), units, true));
        assertTrue(lines.get(1).startsWith("distest: every test class runs (affected: the records cannot be read: "),
                lines.get(1));
        assertEquals(List.of(), affected(0).select(units, Set.of()));
    }

    @Test
    void theReportsAnEarlierBuildWroteOfAClassLeftOutAreRemovedOthersStay() throws IOException {
        run(affected(0), units, true);
        Path reports = Files.createDirectories(dir.resolve("surefire-reports"));
        for (String name : List.of("TEST-a.ATest.xml", "a.ATest.txt", "a.ATest-output.txt", "TEST-a.ATest-suffix.xml",
                "TEST-a.ATestMore.xml", "TEST-a.BTest.xml")) {
            Files.writeString(reports.resolve(name), "");
        }
        write("a/BTest.class", "B test v2");
        AffectedTests second = affected(0);
        assertEquals(List.of(units.get(1)), second.select(units, Set.of()));
        second.removeEarlierReports(reports);
        try (var left = Files.list(reports)) {
            assertEquals(Set.of("TEST-a.ATestMore.xml", "TEST-a.BTest.xml"),
                    left.map(file -> file.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void theMergeMakesTheSlicesRecordsOneTheLatestRunOfAClassWinningAndOtherInputsDropped() throws IOException {
        Dependency a = new Dependency(Dependency.Kind.CLASS, "a/ATest");
        GlobalInputs same = AffectedTests.globalInputs().text("argLine", "").build();
        GlobalInputs other = AffectedTests.globalInputs().text("argLine", "-Xmx1g").build();
        Path first = dir.resolve("s1/affected-slice-default-test.tsv");
        Path second = dir.resolve("s2/affected-slice-default-test.tsv");
        Path stale = dir.resolve("s3/affected-slice-default-test.tsv");
        Files.createDirectories(first.getParent());
        Files.createDirectories(second.getParent());
        Files.createDirectories(stale.getParent());
        new UseRecords(100, 2, same, java.util.Map.of("a.ATest", new UseRecords.ClassRecord("a.ATest", true, 90,
                new java.util.TreeMap<>(java.util.Map.of(a, "old"))))).write(first);
        new UseRecords(200, 1, same, java.util.Map.of(
                "a.ATest", new UseRecords.ClassRecord("a.ATest", false, 190, new java.util.TreeMap<>()),
                "a.BTest", new UseRecords.ClassRecord("a.BTest", true, 180, new java.util.TreeMap<>()))).write(second);
        new UseRecords(150, 0, other, java.util.Map.of("a.CTest", new UseRecords.ClassRecord("a.CTest", true, 150,
                new java.util.TreeMap<>()))).write(stale);
        Path damaged = dir.resolve("s5/affected-slice-default-test.tsv");
        Files.createDirectories(damaged.getParent());
        Files.writeString(damaged, "built\tnot a number\t0\n");
        Path merged = dir.resolve(".distest/affected.tsv");

        String said = AffectedTests.mergeSliceRecords(List.of(first, second, stale, dir.resolve("s4/none.tsv"), damaged),
                merged);

        UseRecords records = UseRecords.read(merged);
        assertEquals(Set.of("a.ATest", "a.BTest"), records.classes().keySet());
        assertEquals(false, records.classes().get("a.ATest").passed()); // slice 2 ran it last, and it failed
        assertEquals(same, records.global());
        assertEquals(1, records.buildsSinceFullRun());
        assertTrue(said.startsWith("2 test classes' records from 3 slices in "), said);
        assertTrue(said.contains("; left out, damaged: "), said);
    }

    @Test
    void aSliceJobLeavesACopyOfItsRecordsForTheMerge() throws IOException {
        AffectedTests sliced = affected(0);
        Path copy = dir.resolve("target/distest/affected-slice-default-test.tsv");
        sliced.alsoWriteTo(copy);
        run(sliced, units, true);
        assertEquals(UseRecords.read(dir.resolve("affected.tsv")).classes(), UseRecords.read(copy).classes());
    }

    @Test
    void aNegativeFullRunCountIsRefusedNamingTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> affected(-1));
        assertTrue(e.getMessage().startsWith("distest.affected.fullRunEvery=-1 is not a number of builds"));
    }

    /** Selects, then runs what was selected with each class passing or not; returns what was selected. */
    private List<TestUnit> run(AffectedTests affected, List<TestUnit> all, boolean pass) throws IOException {
        List<TestUnit> selected = affected.select(all, Set.of());
        UseRecorder recorder = (UseRecorder) affected.recorder();
        for (TestUnit unit : selected) {
            boolean a = unit.className().equals("a.ATest");
            hear(recorder, unit, a ? List.of("a/ATest", "a/Core") : List.of("a/BTest"),
                    pass ? Outcome.SUCCESSFUL : Outcome.FAILED);
        }
        affected.finish();
        return selected;
    }

    private static void hear(UseRecorder recorder, TestUnit unit, List<String> classes, Outcome outcome) {
        List<String> resources = unit.className().equals("a.BTest") ? List.of("app.properties", "missing.txt") : List.of();
        recorder.unitStarted("gw0", unit);
        recorder.testFinished("gw0", unit, new TestFinished(unit.id(), new TestId("[t]", unit.className(), "t", "t"),
                outcome, 1, "", null));
        List<String> files = unit.className().equals("a.BTest") ? List.of("src/test/data/input.json") : List.of();
        recorder.unitUsed("gw0", unit, new UnitUsed(unit.id(), classes, resources, files));
        recorder.unitFinished("gw0", unit, new UnitFinished(unit.id(), 5, 4, null));
    }

    private AffectedTests affected(int fullRunEvery) {
        GlobalInputs global = AffectedTests.globalInputs().text("argLine", "").build();
        return new AffectedTests(dir.resolve("affected.tsv"), dir.resolve("affected.txt"), global, List.of(classes),
                dir, fullRunEvery, log(), () -> 1_000);
    }

    private SystemStreamLog log() {
        return new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                lines.add(content.toString());
            }
        };
    }

    private void write(String name, String content) throws IOException {
        Path file = classes.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
