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
