package io.distest.maven.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SliceTest {

    @Test
    void readsKOfN() {
        assertEquals(Optional.of(new Slice(2, 4)), Slice.of("2/4", Map.of()));
        assertEquals(Optional.of(new Slice(1, 1)), Slice.of(" 1 / 1 ", Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/4", "5/4", "2/0", "a/b", "3", "2/4/8", "-1/4", "/4"})
    void badInputIsAnErrorNamingTheValue(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Slice.of(value, Map.of()));
        assertTrue(e.getMessage().contains("distest.slice=\"" + value + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("2/4") || e.getMessage().contains("1/4"), e.getMessage());
    }

    @Test
    void anOutOfRangeSliceSaysWhichRangeIsRight() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Slice.of("5/4", Map.of()));
        assertEquals("distest.slice=\"5/4\" is out of range: K counts from 1 to N (4 here), e.g. 1/4 … 4/4",
                e.getMessage());
    }

    @Test
    void unsetMeansNoSlice() {
        assertEquals(Optional.empty(), Slice.of(null, Map.of()));
        assertEquals(Optional.empty(), Slice.of(" ", Map.of("CIRCLE_NODE_INDEX", "1", "CIRCLE_NODE_TOTAL", "3")));
    }

    @Test
    void autoReadsGitLabsOneBasedVariables() {
        assertEquals(Optional.of(new Slice(3, 4)), Slice.of("auto", Map.of("CI_NODE_INDEX", "3", "CI_NODE_TOTAL", "4")));
    }

    @Test
    void autoReadsCircleCisZeroBasedVariables() {
        assertEquals(Optional.of(new Slice(1, 3)),
                Slice.of("auto", Map.of("CIRCLE_NODE_INDEX", "0", "CIRCLE_NODE_TOTAL", "3")));
    }

    @Test
    void autoReadsBuildkitesZeroBasedVariables() {
        assertEquals(Optional.of(new Slice(5, 5)),
                Slice.of("auto", Map.of("BUILDKITE_PARALLEL_JOB", "4", "BUILDKITE_PARALLEL_JOB_COUNT", "5")));
    }

    @Test
    void autoReadsAzuresOneBasedVariables() {
        assertEquals(Optional.of(new Slice(2, 2)),
                Slice.of("AUTO", Map.of("SYSTEM_JOBPOSITIONINPHASE", "2", "SYSTEM_TOTALJOBSINPHASE", "2")));
    }

    @Test
    void gitLabsVariablesCountWithoutAuto() {
        assertEquals(Optional.of(new Slice(2, 3)), Slice.of(null, Map.of("CI_NODE_INDEX", "2", "CI_NODE_TOTAL", "3")));
    }

    @Test
    void gitLabsTotalAloneIsNoSlice() {
        // GitLab sets CI_NODE_TOTAL=1 on every job; CI_NODE_INDEX only on a parallel: one
        assertEquals(Optional.empty(), Slice.of(null, Map.of("CI_NODE_TOTAL", "1")));
    }

    @Test
    void autoWithoutVariablesNamesWhatItLookedFor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Slice.of("auto", Map.of()));
        for (String variable : new String[] {"CI_NODE_INDEX", "CIRCLE_NODE_INDEX", "BUILDKITE_PARALLEL_JOB",
                "SYSTEM_JOBPOSITIONINPHASE", "CI_NODE_TOTAL", "SYSTEM_TOTALJOBSINPHASE"}) {
            assertTrue(e.getMessage().contains(variable), e.getMessage());
        }
        assertTrue(e.getMessage().contains("matrix.slice"), e.getMessage());
    }

    @Test
    void unreadableCiVariablesAreAnErrorNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Slice.of("auto", Map.of("CIRCLE_NODE_INDEX", "3", "CIRCLE_NODE_TOTAL", "3")));
        assertTrue(e.getMessage().contains("CIRCLE_NODE_INDEX=\"3\""), e.getMessage());
    }

    @Test
    void noneRunsEveryTestWhateverGitLabSays() {
        assertEquals(Optional.empty(), Slice.of("none", Map.of("CI_NODE_INDEX", "2", "CI_NODE_TOTAL", "3")));
    }

    @Test
    void anImplicitSliceSaysWhichVariablesMadeItAndHowToOptOut() {
        assertEquals("GitLab's CI_NODE_INDEX=2 and CI_NODE_TOTAL=3 make this job slice 2/3 (-Ddistest.slice=none runs"
                + " every test, e.g. in a parallel: matrix: job)",
                Slice.implicitReason(Map.of("CI_NODE_INDEX", "2", "CI_NODE_TOTAL", "3")));
        assertEquals(null, Slice.implicitReason(Map.of()));
    }
}
