package io.distest.maven.surefire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.schedule.TestUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurefireTranslationTest {
    private static final ExpressionEvaluator NONE = new ExpressionEvaluator() {
        @Override
        public Object evaluate(String expression) {
            return null;
        }

        @Override
        public java.io.File alignToBaseDirectory(java.io.File file) {
            return file;
        }
    };
    private static final SurefireSettings NOTHING_INHERITED = SurefireSettings.read(new MavenProject(new Model()),
            "default-test", null, Set.of(), NONE);

    @TempDir
    Path testClasses;

    private static Artifact jupiter() {
        DefaultArtifact artifact = new DefaultArtifact("org.junit.jupiter", "junit-jupiter-api", "5.14.4", "test", "jar",
                null, new DefaultArtifactHandler("jar"));
        return artifact;
    }

    private TestSettings settings(String argLine, Map<String, String> variables, String test, String groups) {
        return new TestSettings(argLine, true, null, null, variables, true, null, null, null, null, test, groups, null,
                null, null, Parallelism.of(null, null), null, testClasses, testClasses, 0);
    }

    private static Artifact junit4() {
        return new DefaultArtifact("junit", "junit", "4.13.2", "test", "jar", null, new DefaultArtifactHandler("jar"));
    }

    private TestSettings junit4Settings(String groups, Parallelism parallelism, int rerunFailingTestsCount) {
        return new TestSettings(null, true, null, null, Map.of(), true, null, null, null, null, null, groups, null,
                null, null, parallelism, null, testClasses, testClasses, rerunFailingTestsCount);
    }

    private void compiled(String... classes) throws IOException {
        for (String name : classes) {
            Path file = testClasses.resolve(name.replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[0]);
        }
    }

    private static List<String> classNames(List<TestUnit> units) {
        return units.stream().map(TestUnit::className).toList();
    }

    private static SurefireSettings surefireAt(String version) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId("maven-surefire-plugin");
        plugin.setVersion(version);
        Model model = new Model();
        model.setBuild(new Build());
        model.getBuild().addPlugin(plugin);
        return SurefireSettings.read(new MavenProject(model), "default-test", null, Set.of(), NONE);
    }

    private TestSettings withSuites(List<Path> suiteXmlFiles) {
        return new TestSettings(null, true, null, null, Map.of(), true, null, null, null, null, null, null, null, null,
                suiteXmlFiles, Parallelism.of(null, null), null, testClasses, testClasses, 0);
    }

    @Test
    void surefire36RefusesSuiteXmlFilesInItsOwnWordsAndRunsJUnit4OnThePlatform() throws IOException {
        compiled("shop.CartTest");
        Path suite = Files.writeString(testClasses.resolve("testng.xml"), "<suite name=\"s\"/>");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SurefireTranslation(
                TestPlugin.SUREFIRE, withSuites(List.of(suite)), surefireAt("3.6.1"), List.of(junit4()), new Properties(),
                new Properties()));
        assertTrue(e.getMessage().startsWith("Parameter \"suiteXmlFiles\" is not supported since 3.6.0"), e.getMessage());
        assertTrue(e.getMessage().endsWith("or keep using maven-surefire-plugin 3.5.x."), e.getMessage());

        SurefireTranslation plan = new SurefireTranslation(TestPlugin.SUREFIRE, withSuites(null), surefireAt("3.6.1"),
                List.of(junit4()), new Properties(), new Properties());
        assertEquals(ProviderChoice.Kind.JUNIT_PLATFORM, plan.provider().kind());
        assertNull(plan.providerRun(), "no JUnit 4 provider in Surefire 3.6");
        assertEquals(ProviderChoice.Kind.JUNIT4, new SurefireTranslation(TestPlugin.SUREFIRE, withSuites(null),
                surefireAt("3.5.4"), List.of(junit4()), new Properties(), new Properties()).provider().kind());
    }

    @Test
    void failsafeSelectsTheIntegrationTestsAndSurefireTheUnitTests() throws IOException {
        compiled("shop.CartTest", "shop.CartIT", "shop.ITCheckout", "shop.PaymentITCase", "shop.Helper");
        List<TestUnit> its = new SurefireTranslation(TestPlugin.FAILSAFE, settings(null, Map.of(), null, null),
                NOTHING_INHERITED, List.of(jupiter()), new Properties(), new Properties()).units();
        List<TestUnit> unit = new SurefireTranslation(TestPlugin.SUREFIRE, settings(null, Map.of(), null, null),
                NOTHING_INHERITED, List.of(jupiter()), new Properties(), new Properties()).units();
        assertEquals(Set.of("shop.CartIT", "shop.ITCheckout", "shop.PaymentITCase"), Set.copyOf(classNames(its)));
        assertEquals(List.of("shop.CartTest"), classNames(unit));
    }

    @Test
    void argLineIsReplacedLateAndAssertionsComeFirstOnce() throws IOException {
        Properties project = new Properties();
        project.setProperty("agent", "-javaagent:/j.jar");
        Properties user = new Properties();
        user.setProperty("shop.mode", "fast");
        user.setProperty("distest.tx", "2*popen");
        SurefireTranslation plan = new SurefireTranslation(TestPlugin.SUREFIRE,
                settings("@{agent} -Xmx1g @{missing}", Map.of("shop.mode", "slow", "db", "h2"), null, "fast, slow"),
                NOTHING_INHERITED, List.of(jupiter()), project, user);
        assertEquals(List.of("-ea", "-javaagent:/j.jar", "-Xmx1g", "@{missing}"), plan.jvmArguments());
        assertEquals(Map.of("shop.mode", "fast", "db", "h2"), plan.systemProperties(), "-D wins; distest.* never reaches tests");
        assertEquals(List.of("fast", "slow"), plan.includeTags());
        assertNull(plan.providerRun(), "JUnit Jupiter runs on the JUnit Platform");
        assertTrue(plan.notHonoured().get(0).startsWith("argLine @{missing}: no such project property"), plan.notHonoured().toString());
        String line = plan.inheritanceLine("default-test", List.of("2*popen"), true).text();
        assertEquals("distest: execution default-test: no Surefire configuration to inherit; forkCount is replaced by"
                + " the tx specs (2*popen)", line);
    }

    @Test
    void junit4WithGroupsRunsOnTheJUnit47ProviderWithSurefiresPropertiesAndReRuns() throws IOException {
        compiled("shop.CartTest");
        SurefireTranslation plan = new SurefireTranslation(TestPlugin.SUREFIRE,
                junit4Settings("shop.Fast", Parallelism.of("methods", 2), 2), NOTHING_INHERITED, List.of(junit4()),
                new Properties(), new Properties());
        assertEquals(ProviderChoice.Kind.JUNIT47, plan.provider().kind());
        assertEquals("org.apache.maven.surefire.junitcore.JUnitCoreProvider", plan.providerRun().providerClass());
        assertEquals("shop.Fast", plan.providerRun().properties().get("groups"));
        assertEquals("methods", plan.providerRun().properties().get("parallel"));
        assertEquals("2", plan.providerRun().properties().get("threadcount"));
        assertEquals(2, plan.providerRun().rerunFailingTestsCount(), "the provider re-runs, as in Surefire's fork");
        assertEquals(List.of(), plan.notHonoured());
        assertTrue(plan.inheritanceLine("default-test", List.of("2*popen"), true).text()
                .contains("JUnit 4.7 tests run on Surefire's own provider"));
    }

    @Test
    void junit4WithOnlyReRunsStaysOnTheJUnit4ProviderWhichReRunsItself() throws IOException {
        compiled("shop.CartTest");
        SurefireTranslation plan = new SurefireTranslation(TestPlugin.SUREFIRE,
                junit4Settings(null, Parallelism.of(null, null), 3), NOTHING_INHERITED, List.of(junit4()),
                new Properties(), new Properties());
        assertEquals("org.apache.maven.surefire.junit4.JUnit4Provider", plan.providerRun().providerClass());
        assertEquals(3, plan.providerRun().rerunFailingTestsCount());
    }

    @Test
    void threadCountsOnTheJUnitPlatformAreNamedAsNotHonoured() throws IOException {
        compiled("shop.CartTest");
        SurefireTranslation plan = new SurefireTranslation(TestPlugin.SUREFIRE,
                new TestSettings(null, true, null, null, Map.of(), true, null, null, null, null, null, null, null, null,
                        null, new Parallelism(null, null, true, false, 0, 0, 4, 0, 0, true), null, testClasses,
                        testClasses, 0),
                NOTHING_INHERITED, List.of(jupiter()), new Properties(), new Properties());
        assertTrue(plan.notHonoured().stream().anyMatch(note -> note.startsWith("threadCountSuites/Classes/Methods")),
                plan.notHonoured().toString());
    }

    @Test
    void anUnreadablePatternFileIsNamed() {
        TestSettings withMissingFile = new TestSettings(null, true, null, null, Map.of(), true, null, null,
                testClasses.resolve("nope.txt"), null, null, null, null, null, null, Parallelism.of(null, null), null,
                testClasses, testClasses, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SurefireTranslation(
                TestPlugin.FAILSAFE, withMissingFile, NOTHING_INHERITED, List.of(jupiter()), new Properties(),
                new Properties()));
        assertTrue(e.getMessage().startsWith("Failed to load list from file: " + testClasses.resolve("nope.txt")),
                e.getMessage());
    }
}
