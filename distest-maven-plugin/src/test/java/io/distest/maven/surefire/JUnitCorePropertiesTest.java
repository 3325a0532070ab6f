package io.distest.maven.surefire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JUnitCorePropertiesTest {

    @Test
    void aParallelModeKeepsOnlyTheThreadCountsItUsesAsSurefireDoes() {
        Map<String, String> properties = JUnitCoreProperties.of(
                new Parallelism("classes", null, false, false, 3, 4, 5, 10, 20, false), null, null);
        assertEquals("classes", properties.get("parallel"));
        assertEquals("0", properties.get("threadcountsuites"));
        assertEquals("4", properties.get("threadcountclasses"));
        assertEquals("0", properties.get("threadcountmethods"));
        assertEquals("false", properties.get("perCoreThreadCount"));
        assertEquals("10.0", properties.get("paralleltimeout"));
        assertEquals("20.0", properties.get("paralleltimeoutforced"));
        assertEquals("false", properties.get("paralleloptimization"));
        assertFalse(properties.containsKey("threadcount"));
    }

    @Test
    void groupsAlonePassUnderTheProvidersNamesWithParallelNone() {
        Map<String, String> properties = JUnitCoreProperties.of(Parallelism.of(null, null), "a.Fast", "a.Slow");
        assertEquals("none", properties.get("parallel"));
        assertEquals("a.Fast", properties.get("groups"));
        assertEquals("a.Slow", properties.get("excludegroups"));
    }

    @Test
    void aParallelModeWithoutThreadsIsRefusedNamingWhatToSet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JUnitCoreProperties.of(Parallelism.of("methods", null), null, null));
        assertTrue(e.getMessage().contains("parallel='methods'") && e.getMessage().contains("threadCount"),
                e.getMessage());
    }

    @Test
    void anUnknownParallelModeIsRefusedListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JUnitCoreProperties.of(Parallelism.of("everything", 2), null, null));
        assertTrue(e.getMessage().contains("'everything'") && e.getMessage().contains("classesAndMethods"),
                e.getMessage());
    }

    @Test
    void unlimitedThreadsNeedNoCount() {
        assertEquals("true", JUnitCoreProperties.of(new Parallelism("methods", null, true, true, 0, 0, 0, 0, 0, true),
                null, null).get("useUnlimitedThreads"));
    }
}
