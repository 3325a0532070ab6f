package it.inherit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ConfigurationParameterResolver.class)
class SettingsTest {
    @Test
    void argLineReachesTheJvm() {
        assertEquals("yes", System.getProperty("from.argline"), "-Dfrom.argline=yes from <argLine>");
    }

    @Test
    void lateReplacedPropertyIsResolved() {
        String jar = System.getProperty("late.jar");
        assertTrue(jar != null && jar.endsWith("opentest4j-1.3.0.jar") && Files.isRegularFile(Path.of(jar)),
                "@{org.opentest4j:opentest4j:jar} in <argLine> should be the jar's path, is " + jar);
    }

    @Test
    void systemPropertyVariablesAreSet() {
        assertEquals("yes", System.getProperty("from.sysprops"), "<systemPropertyVariables>");
    }

    @Test
    void userPropertiesArePromoted() {
        assertEquals("yes", System.getProperty("from.cli"), "-Dfrom.cli=yes on the mvn command line");
    }

    @Test
    void environmentVariablesAreSet() {
        assertEquals("yes", System.getenv("FROM_ENV"), "<environmentVariables>");
    }

    @Test
    void configurationParametersReachTheJUnitPlatform(@ConfigurationParameterResolver.Named("it.config.greeting") String greeting) {
        assertEquals("hello", greeting, "<properties><configurationParameters>");
    }

    @Test
    void everyLineOfConfigurationParametersCounts(@ConfigurationParameterResolver.Named("it.config.second") String second) {
        assertEquals("two", second, "second line of <properties><configurationParameters>");
    }

    @Test
    void assertionsAreEnabled() {
        assertThrows(AssertionError.class, () -> {
            assert false : "Surefire runs tests with assertions enabled";
        });
    }
}
