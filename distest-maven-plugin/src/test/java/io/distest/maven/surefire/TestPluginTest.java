package io.distest.maven.surefire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.junit.jupiter.api.Test;

class TestPluginTest {

    private static PluginExecution execution(String id, String... goals) {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        List.of(goals).forEach(execution::addGoal);
        return execution;
    }

    @Test
    void aDistestExecutionStandsInForTheExecutionWithItsIdElseTheDefaultOne() {
        Plugin surefire = new Plugin();
        surefire.addExecution(execution("default-test", "test"));
        surefire.addExecution(execution("h2", "test"));
        assertEquals("h2", TestPlugin.SUREFIRE.execution(surefire, "h2").getId());
        assertEquals("default-test", TestPlugin.SUREFIRE.execution(surefire, "default-cli").getId());

        Plugin failsafe = new Plugin();
        failsafe.addExecution(execution("report-only", "verify"));
        failsafe.addExecution(execution("its", "integration-test", "verify"));
        assertEquals("its", TestPlugin.FAILSAFE.execution(failsafe, "default-cli").getId());
        assertNull(TestPlugin.FAILSAFE.execution(new Plugin(), "default-cli"));
    }

    @Test
    void failsafeReadsItsOwnPropertiesWhereSurefireReadsSurefires() {
        assertEquals("failsafe.runOrder", TestPlugin.FAILSAFE.property("surefire.runOrder"));
        assertEquals("maven.failsafe.debug", TestPlugin.FAILSAFE.property("maven.surefire.debug"));
        assertEquals("forkMode", TestPlugin.FAILSAFE.property("forkMode"));
        assertEquals("surefire.runOrder", TestPlugin.SUREFIRE.property("surefire.runOrder"));
    }

    @Test
    void failsafesDefaultIncludesAreTheIntegrationTestNames() {
        assertEquals(List.of("**/IT*.java", "**/*IT.java", "**/*ITCase.java"), TestPlugin.FAILSAFE.defaultIncludes("3.5.4"));
        assertEquals(List.of("**/Test*.java", "**/*Test.java", "**/*TestCase.java"),
                TestPlugin.SUREFIRE.defaultIncludes("2.19.1"));
    }
}
