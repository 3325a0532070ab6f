package io.distest.worker.runner;

import io.distest.protocol.MessageChannel;
import io.distest.protocol.ReportFile;
import io.distest.protocol.RunUnit;
import io.distest.protocol.ThrowableInfo;
import io.distest.protocol.UnitFinished;
import io.distest.protocol.UseProvider;
import java.io.File;
import io.distest.worker.use.UnitUse;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.surefire.api.booter.BaseProviderFactory;
import org.apache.maven.surefire.api.provider.SurefireProvider;
import org.apache.maven.surefire.api.report.ReporterConfiguration;
import org.apache.maven.surefire.api.report.ReporterFactory;
import org.apache.maven.surefire.api.report.TestOutputReportEntry;
import org.apache.maven.surefire.api.report.TestReportListener;
import org.apache.maven.surefire.api.suite.RunResult;
import org.apache.maven.surefire.api.testset.RunOrderParameters;
import org.apache.maven.surefire.api.testset.TestListResolver;
import org.apache.maven.surefire.api.testset.TestRequest;
import org.apache.maven.surefire.api.util.DefaultScanResult;

/**
 * Runs a unit through one of Surefire's own providers (on the worker's class path, as in a Surefire fork), driven
 * through surefire-api's provider SPI: the provider runs and names the tests exactly as under Surefire, and its
 * report entries become protocol events. One provider run per unit: a test class, as Surefire runs each class
 * when it has several forks, or the whole of the TestNG suite files.
 */
final class SurefireProviderRunner {
    /** Larger report files are left on the worker (a frame holds at most 16 MiB). */
    private static final long MAX_REPORT_FILE_BYTES = 8L * 1024 * 1024;
    private static final String TESTNG_PROVIDER = "org.apache.maven.surefire.testng.TestNGProvider";

    private final MessageChannel channel;
    private final OutputCapture capture;
    private final TimeoutWatchdog watchdog;
    private final UseProvider provider;
    private final PrintStream log;
    private final SharedFixtures fixtures = new SharedFixtures(ClassLoader.getSystemClassLoader());
    private Path reportsBase;

    SurefireProviderRunner(MessageChannel channel, OutputCapture capture, TimeoutWatchdog watchdog,
            UseProvider provider, PrintStream log) {
        this.channel = channel;
        this.capture = capture;
        this.watchdog = watchdog;
        this.provider = provider;
        this.log = log;
    }

    void run(RunUnit unit) throws IOException {
        long start = System.nanoTime();
        long waited = CoreWait.nanos();
        long cpu = ProcessCpu.nanos();
        ThrowableInfo error = null;
        Path reports = reportsBase().resolve("unit-" + unit.unitId());
        PrintStream out = System.out;
        PrintStream err = System.err;
        capture.attributeTo(unit.unitId());
        UnitUse.start();
        try {
            deleteTree(reports);
            ProviderEvents events = new ProviderEvents(channel, unit.unitId(), watchdog, log);
            SurefireProvider surefireProvider = newProvider(unit, events, reports.toFile());
            // a suite run ignores what it is handed; a TestNG class runs alone, as in one of Surefire's forks per class;
            // a JUnit class is the provider's scan result, so its own test checker leaves out a class without tests
            surefireProvider.invoke(provider.suiteXmlFiles().isEmpty() && isTestNg()
                    ? Class.forName(unit.className(), false, ClassLoader.getSystemClassLoader()) : null);
        } catch (Throwable t) { // a provider failure is the unit's error, not the worker's end
            error = ThrowableInfo.of(t instanceof java.lang.reflect.InvocationTargetException i && i.getCause() != null
                    ? i.getCause() : t);
        } finally {
            // the provider captured System.out/err for its own reporter: output between units is the worker's again
            System.setOut(out);
            System.setErr(err);
            capture.attributeTo(-1);
        }
        UnitUse.send(channel, unit.unitId());
        sendReports(unit.unitId(), reports);
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        channel.send(new UnitFinished(unit.unitId(), elapsed, elapsed, error, fixtures.after(unit.className()),
                CoreWait.millisBetween(waited, CoreWait.nanos()), ProcessCpu.millisBetween(cpu, ProcessCpu.nanos())));
    }

    /** The directory the provider's own reports go to before they are sent: the one asked for, or a temporary one. */
    private Path reportsBase() throws IOException {
        if (reportsBase == null) {
            reportsBase = provider.reportsDirectory().isBlank() ? Files.createTempDirectory("distest-provider-reports")
                    : Path.of(provider.reportsDirectory()).toAbsolutePath();
            reportsBase.toFile().deleteOnExit();
        }
        return reportsBase;
    }

    private SurefireProvider newProvider(RunUnit unit, ProviderEvents events, File reports) throws Exception {
        BaseProviderFactory parameters = new BaseProviderFactory(true);
        parameters.setReporterFactory(new ReporterFactory() {
            @Override
            public TestReportListener<TestOutputReportEntry> createTestReportListener() {
                return events;
            }

            @Override
            public RunResult close() {
                return RunResult.noTestsRun();
            }
        });
        // a fresh, mutable copy per run: the TestNG provider adds "suitename" and takes "listener" out
        Map<String, String> properties = new HashMap<>(provider.providerProperties());
        if (!isTestNg()) {
            // as Surefire's single fork: the provider scans this class and runs it only if its checker finds tests
            // (a helper named Test* without tests is left out, not an initializationError)
            new DefaultScanResult(List.of(unit.className())).writeTo(properties);
        }
        parameters.setProviderProperties(properties);
        parameters.setReporterConfiguration(new ReporterConfiguration(reports, false));
        parameters.setClassLoaders(ClassLoader.getSystemClassLoader());
        // the plugin decides the order of units; within a unit the provider keeps its own order
        parameters.setRunOrderParameters(new RunOrderParameters("filesystem", null));
        List<File> suites = provider.suiteXmlFiles().stream().map(f -> Path.of(f).toAbsolutePath().toFile()).toList();
        parameters.setTestRequest(new TestRequest(suites, new File("src/test/java"), methodFilter(unit),
                provider.rerunFailingTestsCount()));
        Class<?> type = Class.forName(provider.providerClass(), true, ClassLoader.getSystemClassLoader());
        return (SurefireProvider) type.getConstructor(org.apache.maven.surefire.api.provider.ProviderParameters.class)
                .newInstance(parameters);
    }

    private boolean isTestNg() {
        return TESTNG_PROVIDER.equals(provider.providerClass());
    }

    /** A unit narrowed to some methods, in Surefire's {@code -Dtest=Class#method} terms. */
    private static TestListResolver methodFilter(RunUnit unit) {
        if (unit.includeMethods().isEmpty() && unit.excludeMethods().isEmpty()) {
            return TestListResolver.getEmptyTestListResolver();
        }
        List<String> included = new ArrayList<>();
        unit.includeMethods().forEach(m -> included.add(unit.className() + "#" + m));
        if (included.isEmpty()) {
            included.add(unit.className());
        }
        List<String> excluded = unit.excludeMethods().stream().map(m -> unit.className() + "#" + m).toList();
        return new TestListResolver(included, excluded);
    }

    /** The provider's own reports (TestNG's testng-results.xml, junitreports/…) go to the plugin, then are removed. */
    private void sendReports(int unitId, Path reports) throws IOException {
        if (!Files.isDirectory(reports)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(reports)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String path = reports.relativize(file).toString().replace(File.separatorChar, '/');
            if (Files.size(file) > MAX_REPORT_FILE_BYTES) {
                log.println("distest worker: report file " + file + " is larger than " + MAX_REPORT_FILE_BYTES
                        + " bytes; it stays on the worker");
                continue;
            }
            channel.send(new ReportFile(unitId, path, Files.readAllBytes(file)));
        }
        deleteTree(reports);
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
