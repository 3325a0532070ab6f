package io.distest.maven.surefire;

import io.distest.maven.TestMojo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.model.Build;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.classworlds.ClassWorld;
import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

class SurefireSettingsTest {
    /** Resolves {@code ${name}} from a map, leaving what it does not know unresolved (null), as Maven's does. */
    private static final class FakeEvaluator implements ExpressionEvaluator {
        final Map<String, String> properties = new HashMap<>();

        @Override
        public Object evaluate(String expression) {
            if (expression == null) {
                return null;
            }
            if (expression.startsWith("${") && expression.endsWith("}") && expression.indexOf("${", 2) < 0) {
                return properties.get(expression.substring(2, expression.length() - 1));
            }
            String result = expression;
            for (Map.Entry<String, String> entry : properties.entrySet()) {
                result = result.replace("${" + entry.getKey() + "}", entry.getValue());
            }
            return result;
        }

        @Override
        public File alignToBaseDirectory(File file) {
            return file.isAbsolute() ? file : new File("/base", file.getPath());
        }
    }

    private final FakeEvaluator evaluator = new FakeEvaluator();

    private static Xpp3Dom xml(String configuration) {
        try {
            return Xpp3DomBuilder.build(new StringReader("<configuration>" + configuration + "</configuration>"));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static MavenProject project(Plugin... plugins) {
        Model model = new Model();
        model.setBuild(new Build());
        for (Plugin plugin : plugins) {
            model.getBuild().addPlugin(plugin);
        }
        return new MavenProject(model);
    }

    private static Plugin surefire(String pluginConfiguration, Map<String, String> executions) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId("maven-surefire-plugin");
        if (pluginConfiguration != null) {
            plugin.setConfiguration(xml(pluginConfiguration));
        }
        executions.forEach((id, configuration) -> {
            PluginExecution execution = new PluginExecution();
            execution.setId(id);
            execution.setConfiguration(xml(configuration));
            plugin.addExecution(execution);
        });
        return plugin;
    }

    private static List<String> names(Xpp3Dom dom) {
        List<String> names = new ArrayList<>();
        for (Xpp3Dom child : dom.getChildren()) {
            names.add(child.getName());
        }
        return names;
    }

    @Test
    void aTakenOverExecutionInheritsTheSurefireExecutionWithItsId() {
        MavenProject project = project(surefire(null, Map.of(
                "default-test", "<argLine>-Da=1</argLine>",
                "second", "<argLine>-Db=2</argLine><reuseForks>false</reuseForks>")));
        SurefireSettings settings = SurefireSettings.read(project, "second", null, Set.of(), evaluator);
        assertEquals("Surefire's second configuration", settings.source());
        assertEquals(List.of("argLine", "reuseForks"), settings.inheritedNames());
        assertEquals("-Db=2", settings.inherited().getChild("argLine").getValue());
    }

    @Test
    void theIntegrationTestGoalInheritsFailsafesExecutionWithItsOwnSettingsAndProperties() {
        Plugin failsafe = surefire(null, Map.of());
        failsafe.setArtifactId("maven-failsafe-plugin");
        PluginExecution execution = new PluginExecution();
        execution.setId("default");
        execution.addGoal("integration-test");
        execution.addGoal("verify");
        execution.setConfiguration(xml("<argLine>-Dit=1</argLine><summaryFile>s.xml</summaryFile><skipITs>true</skipITs>"
                + "<forkCount>2</forkCount><surefireOnlyNonsense>1</surefireOnlyNonsense>"));
        failsafe.addExecution(execution);
        evaluator.properties.put("failsafe.runOrder", "alphabetical");
        evaluator.properties.put("surefire.runOrder", "random");
        MavenProject project = project(surefire(null, Map.of("default-test", "<argLine>-Dunit=1</argLine>")), failsafe);

        for (String distestExecution : List.of("default", "default-cli")) {
            SurefireSettings settings = SurefireSettings.read(project, TestPlugin.FAILSAFE, distestExecution, null,
                    Set.of(), evaluator);
            assertEquals("Failsafe's default configuration", settings.source(), distestExecution);
            assertEquals(List.of("argLine", "summaryFile", "skipITs"), settings.inheritedNames());
            assertEquals("-Dit=1", settings.inherited().getChild("argLine").getValue());
            assertEquals(List.of("runOrder=alphabetical (property failsafe.runOrder): test classes are handed out in"
                    + " class-name order (longest first with a durations history), each to the next free worker",
                    "surefireOnlyNonsense: not a Failsafe setting distest knows; ignored"), settings.notHonoured());
        }
    }

    @Test
    void theCommandLineGoalInheritsDefaultTest() {
        MavenProject project = project(surefire(null, Map.of("default-test", "<groups>fast</groups>")));
        SurefireSettings settings = SurefireSettings.read(project, "default-cli", null, Set.of(), evaluator);
        assertEquals("Surefire's default-test configuration", settings.source());
        assertEquals(List.of("groups"), settings.inheritedNames());
    }

    @Test
    void withoutSurefireThereIsNothingToInherit() {
        SurefireSettings settings = SurefireSettings.read(project(), "default-cli", null, Set.of(), evaluator);
        assertNull(settings.source());
        assertEquals(0, settings.inherited().getChildCount());
        assertEquals(List.of(), settings.notHonoured());
    }

    @Test
    void settingsOfDistestItselfWinAndMapsMergeEntryByEntry() {
        MavenProject project = project(surefire(null, Map.of("default-test",
                "<argLine>-Dsurefire=1</argLine><excludes><exclude>**/A*</exclude></excludes>"
                        + "<systemPropertyVariables><shared>surefire</shared><only.surefire>yes</only.surefire></systemPropertyVariables>")));
        Xpp3Dom own = xml("<argLine>-Ddistest=1</argLine>"
                + "<systemPropertyVariables><shared>distest</shared></systemPropertyVariables>");
        SurefireSettings settings = SurefireSettings.read(project, "default-test", own,
                Set.of("argLine", "systemPropertyVariables"), evaluator);
        assertEquals(List.of("excludes", "systemPropertyVariables"), settings.inheritedNames());
        Xpp3Dom merged = settings.inherited().getChild("systemPropertyVariables");
        assertEquals("distest", merged.getChild("shared").getValue());
        assertEquals("yes", merged.getChild("only.surefire").getValue());
        assertEquals(List.of("argLine", "systemPropertyVariables (merged, distest's entries win)"), settings.overridden());
    }

    @Test
    void listsEverySettingDistestCannotHonourWithWhatItDoesInstead() {
        Plugin plugin = surefire(null, Map.of("default-test", "<forkNode implementation=\"x.Y\"/>"
                + "<jvm>/opt/java</jvm><runOrder>filesystem</runOrder><shutdown>kill</shutdown>"
                + "<forkedProcessExitTimeoutInSeconds>5</forkedProcessExitTimeoutInSeconds><noSuchSetting>1</noSuchSetting>"
                + "<testSourceDirectory>src/test/java</testSourceDirectory><useSystemClassLoader>true</useSystemClassLoader>"));
        plugin.addDependency(dependency("org.junit.jupiter", "junit-jupiter-engine", "5.14.4"));
        List<String> lines = SurefireSettings.read(project(plugin), "default-test", null, Set.of(), evaluator).notHonoured();
        assertEquals(5, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("forkNode: distest's workers talk to the build over their own connection"), lines.get(0));
        assertTrue(lines.get(1).startsWith("jvm=/opt/java: the tx spec's //java= chooses the java"), lines.get(1));
        assertTrue(lines.get(2).startsWith("shutdown=kill, forkedProcessExitTimeoutInSeconds=5: distest starts and stops"), lines.get(2));
        assertTrue(lines.get(3).startsWith("plugin dependencies of maven-surefire-plugin (org.junit.jupiter:junit-jupiter-engine:5.14.4): not used"), lines.get(3));
        assertEquals("noSuchSetting: not a Surefire setting distest knows; ignored", lines.get(4));
    }

    @Test
    void aProviderAmongThePluginsDependenciesForcesThatProviderAndIsNotWarnedAbout() {
        Plugin plugin = surefire(null, Map.of("default-test", "<argLine>-Xmx1g</argLine>"));
        plugin.addDependency(dependency("org.apache.maven.surefire", "surefire-junit47", "3.5.4"));
        SurefireSettings settings = SurefireSettings.read(project(plugin), "default-test", null, Set.of(), evaluator);
        assertEquals(ProviderChoice.Kind.JUNIT47, settings.forcedProvider());
        assertEquals(List.of(), settings.notHonoured());
    }

    private static Dependency dependency(String groupId, String artifactId, String version) {
        Dependency dependency = new Dependency();
        dependency.setGroupId(groupId);
        dependency.setArtifactId(artifactId);
        dependency.setVersion(version);
        return dependency;
    }

    @Test
    void forkNumbersDependencyScanningEnvironmentExclusionsAndEngineFiltersAreInheritedNotWarnedAbout() {
        Plugin plugin = surefire(null, Map.of("default-test", "<argLine>-Dport=80${surefire.forkNumber}</argLine>"
                + "<dependenciesToScan><dependency>com.acme:shared-tests</dependency></dependenciesToScan>"
                + "<excludedEnvironmentVariables>SECRET</excludedEnvironmentVariables>"
                + "<includeJUnit5Engines>junit-jupiter</includeJUnit5Engines>"
                + "<excludeJUnit5Engines>junit-vintage</excludeJUnit5Engines>"));
        plugin.setVersion("2.22.2");
        SurefireSettings settings = SurefireSettings.read(project(plugin), "default-test", null, Set.of(), evaluator);
        assertEquals(List.of(), settings.notHonoured());
        assertEquals(List.of("argLine", "dependenciesToScan", "excludedEnvironmentVariables", "includeJUnit5Engines",
                "excludeJUnit5Engines"), settings.inheritedNames());
        assertEquals("2.22.2", settings.version());
    }

    @Test
    void settingsSurefireWouldTakeFromAPropertyAreListedToo() {
        evaluator.properties.put("surefire.runOrder", "alphabetical");
        evaluator.properties.put("forkCount", "1C");
        MavenProject project = project(surefire(null, Map.of("default-test", "")));
        SurefireSettings settings = SurefireSettings.read(project, "default-test", null, Set.of(), evaluator);
        assertEquals(List.of("runOrder=alphabetical (property surefire.runOrder): test classes are handed out in"
                + " class-name order (longest first with a durations history), each to the next free worker"),
                settings.notHonoured());
        assertEquals("1C", settings.forkCount());
    }

    @Test
    void valuesAreEvaluatedBeforeTheyAreJudged() {
        evaluator.properties.put("order", "filesystem");
        MavenProject project = project(surefire(null, Map.of("default-test",
                "<runOrder>${order}</runOrder><forkCount>${forks}</forkCount>")));
        evaluator.properties.put("forks", "3");
        SurefireSettings settings = SurefireSettings.read(project, "default-test", null, Set.of(), evaluator);
        assertEquals(List.of(), settings.notHonoured(), "runOrder=filesystem is Surefire's default: nothing lost");
        assertEquals("3", settings.forkCount());
    }

    @Test
    void ownSettingsAreThoseInDistestsConfigurationAndSetDistestProperties() {
        Parameter reports = new Parameter();
        reports.setName("reportsDirectory");
        reports.setExpression("${distest.reportsDirectory}");
        Parameter workingDirectory = new Parameter();
        workingDirectory.setName("workingDirectory");
        workingDirectory.setExpression("${distest.workingDirectory}");
        Parameter argLine = new Parameter();
        argLine.setName("argLine");
        argLine.setExpression("${argLine}");
        evaluator.properties.put("distest.reportsDirectory", "target/mine");
        evaluator.properties.put("argLine", "-Dx=1"); // Surefire's own property: Surefire's configuration still wins
        Set<String> own = SurefireSettings.ownSettings(xml("<tx><tx>2*popen</tx></tx><groups>a</groups>"),
                List.of(reports, workingDirectory, argLine), evaluator);
        assertEquals(Set.of("tx", "groups", "reportsDirectory"), own);
    }

    @Test
    void everyInheritedSettingIsAParameterOfTheTestGoal() {
        Set<String> fields = new java.util.HashSet<>();
        for (Field field : TestMojo.class.getDeclaredFields()) {
            fields.add(field.getName());
        }
        for (String name : SurefireSettings.INHERITED) {
            assertTrue(fields.contains(name), "TestMojo has no parameter " + name);
        }
    }

    /** A stand-in for the mojo: the field types the test goal uses for Surefire's settings. */
    @SuppressWarnings("unused")
    static final class Target {
        String argLine;
        List<String> excludes;
        Map<String, String> systemPropertyVariables;
        Properties properties;
        File reportsDirectory;
        boolean reuseForks = true;
        List<String> classpathDependencyExcludes;
    }

    @Test
    void mavensOwnConfiguratorAppliesTheInheritedSettings() throws Exception {
        evaluator.properties.put("project.build.directory", "/base/target");
        MavenProject project = project(surefire(null, Map.of("default-test",
                "<argLine>@{jacoco} -Xmx1g</argLine>"
                        + "<excludes><exclude>**/Slow*</exclude><exclude>**/It*</exclude></excludes>"
                        + "<systemPropertyVariables><a>1</a><dir>${project.build.directory}</dir></systemPropertyVariables>"
                        + "<properties><configurationParameters>\n  x.y = 1\n  z = two\n</configurationParameters></properties>"
                        + "<reportsDirectory>${project.build.directory}/reports</reportsDirectory>"
                        + "<reuseForks>false</reuseForks>"
                        + "<classpathDependencyExcludes><exclude>g:a</exclude></classpathDependencyExcludes>")));
        SurefireSettings settings = SurefireSettings.read(project, "default-test", null, Set.of(), evaluator);
        Target target = new Target();
        new BasicComponentConfigurator().configureComponent(target, new XmlPlexusConfiguration(settings.inherited()),
                evaluator, new ClassWorld("test", getClass().getClassLoader()).getRealm("test"));
        assertEquals("@{jacoco} -Xmx1g", target.argLine, "@{…} is left for the late replacement");
        assertEquals(List.of("**/Slow*", "**/It*"), target.excludes);
        assertEquals(Map.of("a", "1", "dir", "/base/target"), target.systemPropertyVariables);
        assertEquals(Map.of("x.y", "1", "z", "two"), SurefireRules.configurationParameters(target.properties));
        assertEquals(new File("/base/target/reports"), target.reportsDirectory);
        assertEquals(false, target.reuseForks);
        assertEquals(List.of("g:a"), target.classpathDependencyExcludes);
    }
}
