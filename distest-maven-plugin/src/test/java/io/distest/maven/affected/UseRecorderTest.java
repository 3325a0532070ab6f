package io.distest.maven.affected;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distest.maven.schedule.TestUnit;
import io.distest.protocol.UnitFinished;
import io.distest.protocol.UnitUsed;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UseRecorderTest {
    private final UseRecorder recorder = new UseRecorder();

    @Test
    void aClassSplitInUnitsPassesWithTheUnionOfWhatTheyUsed() {
        TestUnit first = new TestUnit(1, "a.ATest", List.of("x*"), List.of());
        TestUnit second = new TestUnit(2, "a.ATest", List.of(), List.of("x*"));
        ended(first, List.of("a/ATest", "a/One"));
        ended(second, List.of("a/ATest", "a/Two"));
        assertEquals(Set.of(cls("a/ATest"), cls("a/One"), cls("a/Two")), recorder.passed().get("a.ATest"));
    }

    @Test
    void theTestClassItselfIsADependencyEvenWhenNoneOfItsCodeRan() {
        ended(TestUnit.wholeClass(1, "a.AbstractTestCase"), List.of("a/Other"));
        assertEquals(Set.of(cls("a/AbstractTestCase"), cls("a/Other")), recorder.passed().get("a.AbstractTestCase"));
    }

    @Test
    void withDistEachAClassPassesOnlyWhenItPassedOnEveryPlatformAndUsedWhatAllOfThemUsed() {
        TestUnit onJdk17 = TestUnit.wholeClass(1, "a.ATest").forGroup(1, "jdk17");
        TestUnit onJdk25 = TestUnit.wholeClass(1, "a.ATest").forGroup(2, "jdk25");
        ended(onJdk17, List.of("a/ATest", "a/Old"));
        ended(onJdk25, List.of("a/ATest", "a/New"));
        assertEquals(Set.of(cls("a/ATest"), cls("a/Old"), cls("a/New")), recorder.passed().get("a.ATest"));

        TestUnit failingOn25 = TestUnit.wholeClass(3, "a.BTest").forGroup(4, "jdk25");
        ended(TestUnit.wholeClass(3, "a.BTest").forGroup(3, "jdk17"), List.of("a/BTest"));
        recorder.unitStarted("gw1", failingOn25);
        recorder.testFinished("gw1", failingOn25, new io.distest.protocol.TestFinished(4,
                new io.distest.protocol.TestId("[t]", "a.BTest", "t", "t"), io.distest.protocol.Outcome.FAILED, 1, "",
                null));
        recorder.unitUsed("gw1", failingOn25, new UnitUsed(4, List.of("a/BTest"), List.of(), List.of()));
        recorder.unitFinished("gw1", failingOn25, new UnitFinished(4, 5, 4, null));
        assertEquals(Set.of("a.ATest"), recorder.passed().keySet());
    }

    @Test
    void aClassWithAUnitThatSentNoRecordDoesNotPass() {
        TestUnit unit = TestUnit.wholeClass(1, "a.ATest");
        recorder.unitStarted("gw0", unit);
        recorder.unitFinished("gw0", unit, new UnitFinished(1, 5, 4, null));
        assertEquals(Set.of(), recorder.passed().keySet());
        assertEquals(Set.of("a.ATest"), recorder.ran());
    }

    @Test
    void aClassWhoseUnitWasLostOrRunAgainDoesNotPass() {
        TestUnit lost = TestUnit.wholeClass(1, "a.ATest");
        ended(lost, List.of("a/ATest"));
        recorder.unitLost("gw0", lost, null, "worker died");
        TestUnit flaky = TestUnit.wholeClass(2, "a.BTest");
        ended(flaky, List.of("a/BTest"));
        recorder.unitAdded(flaky.again(3, List.of("[t]"), List.of()), true);
        assertEquals(Set.of(), recorder.passed().keySet());
    }

    @Test
    void aUnitThatCouldNotRunDoesNotPass() {
        TestUnit unit = TestUnit.wholeClass(1, "a.ATest");
        recorder.unitStarted("gw0", unit);
        recorder.unitUsed("gw0", unit, new UnitUsed(1, List.of("a/ATest"), List.of(), List.of()));
        recorder.unitFinished("gw0", unit, new UnitFinished(1, 5, -1,
                new io.distest.protocol.ThrowableInfo("java.lang.ClassNotFoundException", "a.ATest", "")));
        assertEquals(Set.of(), recorder.passed().keySet());
    }

    private void ended(TestUnit unit, List<String> classes) {
        recorder.unitStarted("gw0", unit);
        recorder.unitUsed("gw0", unit, new UnitUsed(unit.id(), classes, List.of(), List.of()));
        recorder.unitFinished("gw0", unit, new UnitFinished(unit.id(), 5, 4, null));
    }

    private static Dependency cls(String name) {
        return new Dependency(Dependency.Kind.CLASS, name);
    }
}
