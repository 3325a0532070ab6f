package io.distest.maven.surefire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

class InheritanceLineTest {
    private static final ExpressionEvaluator LITERAL = new ExpressionEvaluator() {
        @Override
        public Object evaluate(String expression) {
            return expression.startsWith("${") ? null : expression;
        }

        @Override
        public java.io.File alignToBaseDirectory(java.io.File file) {
            return file;
        }
    };

    private static SurefireSettings settings(String artifactId, String version, String configuration) throws Exception {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId(artifactId);
        plugin.setVersion(version);
        PluginExecution execution = new PluginExecution();
        execution.setId(artifactId.contains("failsafe") ? "default" : "default-test");
        execution.setConfiguration(Xpp3DomBuilder.build(new StringReader(
                "<configuration>" + configuration + "</configuration>")));
        plugin.addExecution(execution);
        Model model = new Model();
        model.setBuild(new Build());
        model.getBuild().addPlugin(plugin);
        TestPlugin which = artifactId.contains("failsafe") ? TestPlugin.FAILSAFE : TestPlugin.SUREFIRE;
        return SurefireSettings.read(new MavenProject(model), which, execution.getId(), null, Set.of(), LITERAL);
    }

    @Test
    void namesWhatWasInheritedWithTheValuesTheWorkersGet() throws Exception {
        SurefireSettings settings = settings("maven-surefire-plugin", "3.5.4",
                "<argLine>-Xmx1g</argLine><includes><include>**/*Spec.java</include></includes>"
                        + "<groups>fast</groups><forkCount>3</forkCount>");
        InheritanceLine line = new InheritanceLine("default-test", TestPlugin.SUREFIRE, settings, "-Xmx1g -Dagent=x ",
                List.of("**/*Spec.java"), null, List.of("more.txt"), null, 2, 1, List.of("2*popen", "ssh=b7"), false,
                null);
        assertEquals("distest: execution default-test inherits Surefire's default-test configuration: argLine"
                + " \"-Xmx1g -Dagent=x\", 1 include, 0 excludes (plus those in more.txt), 2 system properties (and 1 user"
                + " property from -D); also groups; forkCount=3 is replaced by the tx specs (2*popen, ssh=b7);"
                + " reuseForks=false: every test class in a fresh worker JVM; default includes/excludes of Surefire 3.5.4",
                line.text());
    }

    @Test
    void anIntegrationTestExecutionNamesFailsafe() throws Exception {
        SurefireSettings settings = settings("maven-failsafe-plugin", "3.5.4", "<skipITs>false</skipITs>");
        InheritanceLine line = new InheritanceLine("default", TestPlugin.FAILSAFE, settings, null, null, null,
                List.of(), Set.of("testng.parallel"), 0, 0, List.of("2*popen"), true, "a note");
        assertEquals("distest: execution default inherits Failsafe's default configuration: argLine none, 0 includes,"
                + " 0 excludes (suiteXmlFiles decide; TestNG engine parameters testng.parallel), 0 system properties;"
                + " also skipITs; forkCount is replaced by the tx specs (2*popen); a note; default includes/excludes of"
                + " Failsafe 3.5.4", line.text());
    }

    @Test
    void withoutAPluginToInheritFromTheLineSaysSo() {
        SurefireSettings nothing = SurefireSettings.read(new MavenProject(new Model()), TestPlugin.FAILSAFE,
                "default-cli", null, Set.of(), LITERAL);
        InheritanceLine line = new InheritanceLine("default-cli", TestPlugin.FAILSAFE, nothing, null, null, null,
                List.of(), null, 0, 0, List.of("popen"), true, null);
        assertEquals("distest: execution default-cli: no Failsafe configuration to inherit; forkCount is replaced by"
                + " the tx specs (popen)", line.text());
    }
}
