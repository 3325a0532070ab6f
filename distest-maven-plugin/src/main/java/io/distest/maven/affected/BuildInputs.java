package io.distest.maven.affected;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.project.MavenProject;

/** The global inputs of a module's test run, gathered from what the build hands its tests. */
public final class BuildInputs {
    private BuildInputs() {}

    /**
     * @param classpath the test class path
     * @param javas the java executables of the tx specs ({@code //java=}); empty: the build's
     * @param argLine the workers' JVM arguments
     * @param systemProperties the workers' system properties (with the promoted {@code -D} ones)
     * @param environment environment variables set for the tests, and (as {@code -name}) those removed
     * @param testSettings what selects and configures the tests beyond the POM (tags, engine filters, JUnit
     *     configuration parameters, provider)
     * @param distest distest's version and worker jar hash
     */
    public static GlobalInputs of(MavenProject project, List<Path> classpath, List<String> javas, List<String> argLine,
            Map<String, String> systemProperties, Map<String, String> environment, Map<String, String> testSettings,
            String distest) throws IOException {
        GlobalInputs.Builder inputs = AffectedTests.globalInputs().classpath(classpath)
                .text("JDK", System.getProperty("java.home") + " " + System.getProperty("java.version") + " "
                        + String.join(" ", javas))
                .text("argLine", String.join(" ", argLine))
                .text("system properties", new TreeMap<>(systemProperties).toString())
                .text("environment", new TreeMap<>(environment).toString())
                .text("test settings", new TreeMap<>(testSettings).toString())
                .text("distest", distest);
        for (MavenProject pom = project; pom != null; pom = pom.getParent()) {
            if (pom.getFile() != null) {
                inputs.file("pom " + pom.getGroupId() + ":" + pom.getArtifactId(), pom.getFile().toPath());
            } else {
                inputs.text("pom " + pom.getGroupId() + ":" + pom.getArtifactId(), pom.getVersion());
            }
        }
        return inputs.build();
    }
}
