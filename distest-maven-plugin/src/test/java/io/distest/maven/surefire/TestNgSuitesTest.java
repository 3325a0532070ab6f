package io.distest.maven.surefire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.schedule.TestUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestNgSuitesTest {
    private static final String DOCTYPE = "<!DOCTYPE suite SYSTEM \"https://testng.invalid/testng-1.0.dtd\">\n";

    @TempDir
    Path dir;
    Path classes;

    @BeforeEach
    void compiledTestClasses() throws Exception {
        classes = dir.resolve("test-classes");
        for (String name : List.of("com/acme/FooTest", "com/acme/BarTest", "com/acme/db/DbTest", "com/acme/db/DbTest$Inner",
                "com/acme/db/deep/DeepTest", "com/acme/db/Helper")) {
            Path file = classes.resolve(name + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[0]);
        }
    }

    private Path suite(String name, String body) throws Exception {
        return Files.writeString(dir.resolve(name), DOCTYPE + body);
    }

    private static List<String> classNames(TestNgSuites.Selection selection) {
        return selection.units().stream().map(TestUnit::className).toList();
    }

    @Test
    void runsTheClassesAndMethodsASuiteNamesWithoutFetchingItsDtd() throws Exception {
        Path file = suite("testng.xml", """
                <suite name="s">
                  <test name="t">
                    <classes>
                      <class name="com.acme.FooTest"/>
                      <class name="com.acme.BarTest">
                        <methods>
                          <include name="fast.*"/>
                          <include name="exact"/>
                          <exclude name="fastButBroken"/>
                        </methods>
                      </class>
                    </classes>
                  </test>
                </suite>""");
        TestNgSuites.Selection selection = TestNgSuites.select(List.of(file), classes);
        assertEquals(List.of(new TestUnit(0, "com.acme.FooTest", List.of(), List.of()),
                new TestUnit(1, "com.acme.BarTest", List.of("fast*", "exact"), List.of("fastButBroken"))), selection.units());
        assertEquals(List.of(), selection.notHonoured());
    }

    @Test
    void packagesSelectTheirTopLevelClassesAndWithDotStarTheirSubPackagesToo() throws Exception {
        Path file = suite("testng.xml", """
                <suite name="s">
                  <test name="only-db"><packages><package name="com.acme.db"/></packages></test>
                  <test name="all-db"><packages><package name="com.acme.db.*"><exclude name=".*Helper"/></package></packages></test>
                </suite>""");
        assertEquals(List.of("com.acme.db.DbTest", "com.acme.db.Helper", "com.acme.db.deep.DeepTest"),
                classNames(TestNgSuites.select(List.of(file), classes)));
    }

    @Test
    void groupsAndSuiteSettingsBecomeTheTestNgEnginesParameters() throws Exception {
        Path file = suite("testng.xml", """
                <suite name="s" parallel="methods" thread-count="3" data-provider-thread-count="2">
                  <listeners><listener class-name="a.L1"/><listener class-name="a.L2"/></listeners>
                  <test name="t">
                    <groups><run><include name="fast"/><include name="db.*"/><exclude name="broken"/></run></groups>
                    <classes><class name="com.acme.FooTest"/></classes>
                  </test>
                </suite>""");
        assertEquals(Map.of("testng.parallel", "methods", "testng.threadCount", "3", "testng.dataProviderThreadCount", "2",
                "testng.listeners", "a.L1,a.L2", "testng.groups", "fast,db.*", "testng.excludedGroups", "broken"),
                TestNgSuites.select(List.of(file), classes).configurationParameters());
    }

    @Test
    void suiteFilesAreFollowedOnceAndAClassRunsOnce() throws Exception {
        suite("inner.xml", """
                <suite name="inner">
                  <test name="i"><classes><class name="com.acme.FooTest"/><class name="com.acme.BarTest"/></classes></test>
                  <suite-files><suite-file path="testng.xml"/></suite-files>
                </suite>""");
        Path file = suite("testng.xml", """
                <suite name="s">
                  <test name="t"><classes><class name="com.acme.FooTest"><methods><include name="one"/></methods></class></classes></test>
                  <suite-files><suite-file path="inner.xml"/></suite-files>
                </suite>""");
        TestNgSuites.Selection selection = TestNgSuites.select(List.of(file), classes);
        assertEquals(List.of("com.acme.FooTest", "com.acme.BarTest"), classNames(selection));
        assertEquals(List.of(), selection.units().get(0).includeMethods(), "the whole class, as the inner suite asks");
    }

    @Test
    void whatTheEngineCannotTakeIsListed() throws Exception {
        Path file = suite("testng.xml", """
                <suite name="s" time-out="100">
                  <parameter name="db" value="h2"/>
                  <method-selectors><method-selector/></method-selectors>
                  <test name="a"><groups><run><include name="x"/></run></groups><classes><class name="com.acme.FooTest"/></classes></test>
                  <test name="b"><groups><define name="all"/><run><include name="y"/></run></groups><classes><class name="com.acme.BarTest"/></classes></test>
                </suite>""");
        TestNgSuites.Selection selection = TestNgSuites.select(List.of(file), classes);
        List<String> lines = selection.notHonoured();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("suiteXmlFiles <parameter>: @Parameters get no values")), lines.toString());
        assertTrue(lines.contains("suiteXmlFiles <method-selectors>: not used"), lines.toString());
        assertTrue(lines.contains("suiteXmlFiles <suite time-out=\"100\">: not used"), lines.toString());
        assertTrue(lines.contains("suiteXmlFiles <groups><define>: not used"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("suiteXmlFiles <groups><run> differing between <test>s")), lines.toString());
        assertEquals(Map.of(), selection.configurationParameters());
    }
}
