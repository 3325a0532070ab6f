package io.distest.maven.surefire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distest.maven.schedule.TestUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSelectionTest {
    @TempDir
    Path classes;

    @BeforeEach
    void compiledTestClasses() throws Exception {
        for (String name : List.of("com/acme/FooTest", "com/acme/BarTest", "com/acme/TestBaz", "com/acme/QuxTests",
                "com/acme/LegacyTestCase", "com/acme/Helper", "com/acme/FooTest$Inner", "com/acme/db/DbTest")) {
            Path file = classes.resolve(name + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[0]);
        }
    }

    private List<String> classNames(List<TestUnit> units) {
        return units.stream().map(TestUnit::className).toList();
    }

    @Test
    void selectsSurefireDefaultsInNameOrder() {
        List<TestUnit> units = TestSelection.select(classes, null, null, null);
        assertEquals(List.of("com.acme.BarTest", "com.acme.FooTest", "com.acme.LegacyTestCase", "com.acme.QuxTests",
                "com.acme.TestBaz", "com.acme.db.DbTest"), classNames(units));
        assertEquals(List.of(0, 1, 2, 3, 4, 5), units.stream().map(TestUnit::id).toList());
    }

    @Test
    void honoursConfiguredIncludesAndExcludes() {
        List<TestUnit> units = TestSelection.select(classes, List.of("**/*Test.java"), List.of("**/db/**"), null);
        assertEquals(List.of("com.acme.BarTest", "com.acme.FooTest"), classNames(units));
    }

    @Test
    void testParameterReplacesIncludesAndNarrowsMethods() {
        List<TestUnit> units = TestSelection.select(classes, List.of("**/Nothing*.java"), null, "FooTest#one+two*");
        assertEquals(List.of(new TestUnit(0, "com.acme.FooTest", List.of("one", "two*"), List.of())), units);
    }

    @Test
    void testParameterExclusionsDropClassesAndMethods() {
        List<TestUnit> units = TestSelection.select(classes, null, null, "*Test, !BarTest, !DbTest#slow");
        assertEquals(List.of("com.acme.FooTest", "com.acme.db.DbTest"), classNames(units));
        TestUnit db = units.stream().filter(u -> u.className().endsWith("DbTest")).findFirst().orElseThrow();
        assertEquals(List.of("slow"), db.excludeMethods());
        assertEquals(List.of(), db.includeMethods());
    }

    @Test
    void aWholeClassPatternWinsOverAMethodPatternForTheSameClass() {
        List<TestUnit> units = TestSelection.select(classes, null, null, "FooTest#one,FooTest");
        assertEquals(List.of(TestUnit.wholeClass(0, "com.acme.FooTest")), units);
    }

    @Test
    void selectsNothingWhenTheDirectoryIsMissing() {
        assertEquals(List.of(), TestSelection.select(classes.resolve("absent"), null, null, null));
    }

    @Test
    void dependenciesToScanAddTheMatchingClassesOfTheirJarsByTheSameRules(@TempDir Path repo) throws Exception {
        Path jar = repo.resolve("shared-tests.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("com/shared/", "com/shared/SharedTest.class", "com/shared/SharedTest$Inner.class",
                    "com/shared/Fixtures.class", "com/shared/README.txt")) {
                out.putNextEntry(new JarEntry(name));
                out.closeEntry();
            }
        }
        List<TestUnit> units = TestSelection.select(classes, List.of(jar), List.of("**/*Test.java"), null, null,
                List.of());
        assertEquals(List.of("com.acme.BarTest", "com.acme.FooTest", "com.acme.db.DbTest", "com.shared.SharedTest"),
                classNames(units));
        assertEquals(List.of("com.shared.SharedTest"),
                classNames(TestSelection.select(classes, List.of(jar), null, null, "Shared*", List.of())));
    }

    @Test
    void aReactorModulesClassDirectoryIsScannedLikeAJar(@TempDir Path module) throws Exception {
        Path file = module.resolve("com/other/OtherTest.class");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[0]);
        List<TestUnit> units = TestSelection.select(classes.resolve("absent"), List.of(module), null, null, null,
                List.of());
        assertEquals(List.of("com.other.OtherTest"), classNames(units));
    }

    @Test
    void methodFiltersNarrowTheClassesTheyNameAndLeaveTheOthersWhole() {
        List<TestUnit> units = TestSelection.select(classes, List.of(), List.of("**/*Test.java", "FooTest#one"),
                List.of("**/db/**"), null, List.of("FooTest#one", "**/BarTest.java", "!BarTest#slow*"));
        assertEquals(List.of(new TestUnit(0, "com.acme.BarTest", List.of(), List.of("slow*")),
                new TestUnit(1, "com.acme.FooTest", List.of("one"), List.of())), units);
    }

    @Test
    void aClassSelectedByIncludesButNotNamedInTheIncludesFileDoesNotRun() {
        List<TestUnit> units = TestSelection.select(classes, List.of(), List.of("**/*Test.java", "FooTest#one"),
                List.of("**/db/**"), null, List.of("FooTest#one"));
        assertEquals(List.of(new TestUnit(0, "com.acme.FooTest", List.of("one"), List.of())), units);
    }
}
