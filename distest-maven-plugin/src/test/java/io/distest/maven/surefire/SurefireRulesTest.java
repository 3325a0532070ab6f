package io.distest.maven.surefire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurefireRulesTest {
    private static Properties properties(String... nameValues) {
        Properties properties = new Properties();
        for (int i = 0; i < nameValues.length; i += 2) {
            properties.setProperty(nameValues[i], nameValues[i + 1]);
        }
        return properties;
    }

    @Test
    void lateReplacementTakesProjectPropertiesAsTheyAreWhenTestsStart() {
        Properties project = properties("argLine", "-javaagent:/r/jacoco.jar=destfile=/t/jacoco.exec", "x", "$1\\");
        Properties user = properties("argLine", "-Duser=1", "only.user", "u");
        assertEquals("-javaagent:/r/jacoco.jar=destfile=/t/jacoco.exec -Xmx1g -Dy=$1\\ -Dz=u",
                SurefireRules.lateReplace("@{argLine} -Xmx1g -Dy=@{x} -Dz=@{only.user}", project, user));
    }

    @Test
    void lateReplacementLeavesUnknownNamesAsSurefireDoes() {
        String line = SurefireRules.lateReplace("@{missing} -Da=${b}", new Properties(), new Properties());
        assertEquals("@{missing} -Da=${b}", line);
        assertEquals(List.of("@{missing}"), SurefireRules.lateExpressions(line));
        assertEquals(null, SurefireRules.lateReplace(null, new Properties(), new Properties()));
    }

    @Test
    void assertionsAreOnUnlessTurnedOff() {
        assertTrue(SurefireRules.assertionsEnabled(true, List.of("-Xmx1g")));
        assertFalse(SurefireRules.assertionsEnabled(true, List.of("-da")));
        assertFalse(SurefireRules.assertionsEnabled(true, List.of("-disableassertions")));
        assertFalse(SurefireRules.assertionsEnabled(false, List.of()));
    }

    @Test
    void systemPropertiesFollowSurefiresOrderLaterSourcesWinning() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("b", "variables");
        variables.put("c", "variables");
        variables.put("unset", null);
        Map<String, String> result = SurefireRules.systemProperties(properties("a", "old", "b", "old", "c", "old"),
                properties("a", "file"), variables, properties("c", "user"));
        assertEquals(Map.of("a", "file", "b", "variables", "c", "user"), result);
    }

    @Test
    void distestsOwnUserPropertiesNeverReachTests() {
        Properties promotable = SurefireRules.promotable(properties("distest.token", "secret", "distest.tx", "2*popen",
                "db.url", "jdbc:x"));
        assertEquals(Set.of("db.url"), promotable.stringPropertyNames());
    }

    @Test
    void configurationParametersAreReadLikeAPropertiesFile() {
        Properties surefire = properties("configurationParameters",
                "\n    junit.jupiter.execution.parallel.enabled = true\n    # a comment\n    a.b=c d  \n",
                "listener", "x.Y");
        assertEquals(Map.of("junit.jupiter.execution.parallel.enabled", "true", "a.b", "c d"),
                SurefireRules.configurationParameters(surefire));
        assertEquals(Set.of("listener"), SurefireRules.providerProperties(surefire));
        assertEquals(Map.of(), SurefireRules.configurationParameters(null));
    }

    @Test
    void patternFilesSkipBlankLinesAndComments(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("includes.txt"), "# slow ones\n  **/Slow*Test.java  \n\n**/It*.java\n");
        assertEquals(List.of("**/Slow*Test.java", "**/It*.java"), SurefireRules.patternFile(file));
    }

    @Test
    void systemPropertiesFileIsAPropertiesFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("sys.properties"), "a=1\nb = two\n");
        assertEquals(properties("a", "1", "b", "two"), SurefireRules.load(file));
        assertEquals(new Properties(), SurefireRules.load(null));
    }

    @Test
    void defaultIncludesFollowTheProjectsSurefireVersion() {
        List<String> old = List.of("**/Test*.java", "**/*Test.java", "**/*TestCase.java");
        List<String> current = List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
        assertEquals(old, SurefireRules.defaultIncludes("2.19.1"));
        assertEquals(old, SurefireRules.defaultIncludes("2.12.4"));
        assertEquals(current, SurefireRules.defaultIncludes("2.20"));
        assertEquals(current, SurefireRules.defaultIncludes("3.0.0-M4"));
        assertEquals(current, SurefireRules.defaultIncludes("3.5.4"));
        assertEquals(current, SurefireRules.defaultIncludes(null));
    }

    @Test
    void defaultExcludesAreInnerClassesAndBefore24AbstractTests() {
        assertEquals(List.of("**/Abstract*Test.java", "**/Abstract*TestCase.java", "**/*$*"),
                SurefireRules.defaultExcludes("2.3.1"));
        assertEquals(List.of("**/*$*"), SurefireRules.defaultExcludes("2.4"));
        assertEquals(List.of("**/*$*"), SurefireRules.defaultExcludes("2.19.1"));
        assertEquals(List.of("**/*$*"), SurefireRules.defaultExcludes(null));
    }

    @Test
    void includesFilesLinesFilterClassesAndMethodsFromSurefire300M6() {
        assertEquals(List.of("FooTest#one", "**/BazTest.java", "!BarTest#slow*", "!**/db/**"), SurefireRules.methodFilters("3.5.4", List.of("**/*Test.java"),
                List.of(), List.of("FooTest#one", "**/BazTest.java"), List.of("BarTest#slow*", "**/db/**")));
        assertEquals(List.of(), SurefireRules.methodFilters("2.19.1", null, null, List.of("**/FooTest.java"), List.of()));
    }

    @Test
    void methodFiltersSurefireRefusesFailWithItsMessage() {
        IllegalArgumentException inPom = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SurefireRules.methodFilters("3.5.4", List.of("FooTest#one"), null, List.of(), List.of()));
        assertEquals("Method filter prohibited in includes|excludes parameter: FooTest#one (maven-surefire-plugin 3.5.4"
                + " takes Class#method only in -Dtest, includesFile and excludesFile)", inPom.getMessage());
        IllegalArgumentException inFile = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SurefireRules.methodFilters("2.22.2", null, null, List.of(), List.of("BarTest#slow")));
        assertEquals("Method filter prohibited in includes|excludes parameter: BarTest#slow (maven-surefire-plugin"
                + " 2.22.2 takes Class#method only in -Dtest; from 3.0.0-M6 on also in includesFile and excludesFile)",
                inFile.getMessage());
    }
}
