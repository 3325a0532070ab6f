package io.distest.maven.run;

import io.distest.maven.schedule.TestUnit;
import io.distest.protocol.Outcome;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestId;
import io.distest.protocol.UnitFinished;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;


class ClassesWithoutTestsTest {

    @Test
    void namesTheFinishedClassesThatReportedNoTest() {
        ClassesWithoutTests observer = new ClassesWithoutTests();
        TestUnit withTests = TestUnit.wholeClass(1, "p.WithTests");
        TestUnit base = TestUnit.wholeClass(2, "p.AbstractBaseTest");
        TestUnit unfinished = TestUnit.wholeClass(3, "p.Unfinished");
        observer.testFinished("gw0", withTests, FINISHED);
        observer.unitFinished("gw0", withTests, new UnitFinished(withTests.id(), 10, null));
        observer.unitFinished("gw0", base, new UnitFinished(base.id(), 1, null));
        observer.unitStarted("gw1", unfinished);

        assertEquals(List.of("p.AbstractBaseTest"), List.copyOf(observer.classes()));
    }

    private static final TestFinished FINISHED = new TestFinished(1,
            new TestId("[class:p.WithTests]/[method:adds()]", "p.WithTests", "adds", "adds()"), Outcome.SUCCESSFUL, 3,
            null, null);
}
