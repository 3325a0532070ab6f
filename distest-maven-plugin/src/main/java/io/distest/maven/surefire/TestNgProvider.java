package io.distest.maven.surefire;

import io.distest.maven.schedule.TestUnit;
import io.distest.maven.settings.ProviderRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A run through Surefire's own TestNG provider: the provider properties Surefire's mojo would hand it (its
 * {@code properties}, then groups, parallel, thread count, test classes directory and the configurator for the
 * project's TestNG version, as Surefire's {@code convertTestNGParameters} sets them), and its suite files.
 *
 * <p>Without suite files each test class is one unit, run by the provider alone in a worker, as Surefire runs each
 * class when it has several forks. With suite files ({@code suiteXmlFiles}, no {@code -Dtest}) the suites are one
 * unit, run whole in one TestNG run on one worker, as Surefire runs them: everything a suite says holds.
 */
public record TestNgProvider(ProviderRun run, String testNgVersion, String parallelNote) {
    /** The one test set Surefire's TestNG provider reports into with one fork: {@code TEST-TestSuite.xml}. */
    static final String TEST_SET = "TestSuite";

    public static TestNgProvider of(ProviderChoice choice, Properties properties, String groups, String excludedGroups,
            String parallel, Integer threadCount, Path testClassesDirectory, List<Path> suiteXmlFiles,
            Path workingDirectory) {
        Map<String, String> providerProperties = new LinkedHashMap<>();
        if (properties != null) {
            properties.stringPropertyNames().stream().sorted()
                    .forEach(name -> providerProperties.put(name, properties.getProperty(name)));
        }
        String parallelNote = null;
        if (parallel != null && !parallel.isBlank()) {
            providerProperties.put("parallel", parallel.trim());
            parallelNote = "parallel=" + parallel.trim();
        }
        if (excludedGroups != null) {
            providerProperties.put("excludegroups", excludedGroups);
        }
        if (groups != null) {
            providerProperties.put("groups", groups);
        }
        if (threadCount != null && threadCount > 0) {
            providerProperties.put("threadcount", String.valueOf(threadCount));
            parallelNote = (parallelNote == null ? "" : parallelNote + ", ") + "threadCount=" + threadCount;
        }
        providerProperties.put("testng.test.classpath", testClassesDirectory.toAbsolutePath().toString());
        providerProperties.put("testng.configurator", choice.testNgConfigurator());
        for (Path suite : suiteXmlFiles) {
            if (!Files.isRegularFile(suite)) {
                throw new IllegalArgumentException("suiteXmlFiles names " + suite + ", which is not a file: fix the"
                        + " path in <suiteXmlFiles> (relative paths are resolved against the module's directory)");
            }
        }
        // relative to the test JVM's working directory when below it: the same path on a remote gateway's copy
        Path base = workingDirectory.toAbsolutePath().normalize();
        List<String> suites = new ArrayList<>(suiteXmlFiles.stream().map(f -> f.toAbsolutePath().normalize())
                .map(f -> f.startsWith(base) ? base.relativize(f).toString().replace('\\', '/') : f.toString()).toList());
        return new TestNgProvider(new ProviderRun(ProviderChoice.TESTNG_PROVIDER, providerProperties, suites, TEST_SET, 0),
                choice.testNgVersion(), parallelNote);
    }

    /**
     * The run for these units: all in {@code TEST-TestSuite.xml}, except a single test class, which Surefire's TestNG
     * provider reports under its own name ({@code TEST-<class>.xml}).
     */
    public ProviderRun runOf(List<TestUnit> units) {
        if (runsSuites() || units.size() != 1) {
            return run;
        }
        return new ProviderRun(run.providerClass(), run.properties(), run.suiteXmlFiles(), units.get(0).className(),
                run.rerunFailingTestsCount());
    }

    public boolean runsSuites() {
        return !run.suiteXmlFiles().isEmpty();
    }

    /** The one unit of a suite run, named as Surefire's report of it. */
    public static TestUnit suitesUnit() {
        return TestUnit.wholeClass(0, TEST_SET);
    }

    /** What the inheritance line says about the provider. */
    public String note() {
        StringBuilder note = new StringBuilder("TestNG ").append(testNgVersion).append(" runs on Surefire's TestNG")
                .append(" provider ").append(ProviderResolver.surefireVersion()).append(" in the workers, ")
                .append(runsSuites() ? "the suiteXmlFiles whole, in one TestNG run on one worker"
                        : "each test class in a TestNG run of its own (as Surefire with forkCount > 1)");
        if (parallelNote != null) {
            note.append("; ").append(parallelNote).append(" in effect inside each TestNG run");
        }
        return note.toString();
    }
}
