package io.distest.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.report.Efficiency.UnitRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class EfficiencyTest {

    @Test
    void measuresTheRunAgainstTheFairShareOfItsTestTimePlusOneStartUp() {
        List<UnitRun> units = List.of(new UnitRun("gw0", "a.A", 3000, 3500), new UnitRun("gw1", "a.B", 2000, 2500),
                new UnitRun("gw1", "a.C", 1000, 3600));
        Efficiency efficiency = Efficiency.of(4000, 2, units, 500, 800);
        assertEquals(6000, efficiency.testMillis());
        assertEquals(3500, efficiency.idealMillis(), "max(6000 / 2, 3000) + 500");
        assertEquals(88, efficiency.percent());
        assertEquals("distest: 4.0 s wall, 6.0 s of tests on 2 workers: efficiency 88 % of the ideal 3.5 s"
                + " (max(6.0 s / 2, longest unit 3.0 s) + JVM start-up 0.5 s; first test 0.8 s after JVM start);"
                + " critical path: gw1 ended last, its longest unit a.B took 2.0 s", efficiency.line());
    }

    @Test
    void saysWhenOneUnitBoundsTheRun() {
        List<UnitRun> units = List.of(new UnitRun("gw0", "a.Huge", 9000, 9500), new UnitRun("gw1", "a.B", 1000, 1500));
        Efficiency efficiency = Efficiency.of(10_000, 2, units, 500, 700);
        assertEquals(9500, efficiency.idealMillis());
        assertTrue(efficiency.line().endsWith("its longest unit a.Huge took 9.0 s, more than a fair share: it bounds the run"),
                efficiency.line());
    }

    @Test
    void copesWithARunWithoutUnits() {
        Efficiency efficiency = Efficiency.of(1000, 3, List.of(), 400, 400);
        assertEquals(400, efficiency.idealMillis());
        assertTrue(efficiency.line().contains("0.0 s of tests on 3 workers"), efficiency.line());
    }
}
