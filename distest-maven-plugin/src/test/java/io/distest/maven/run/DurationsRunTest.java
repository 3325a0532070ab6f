package io.distest.maven.run;


import io.distest.maven.gateway.ssh.SshOptions;
import io.distest.maven.schedule.DurationHistory;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.settings.Dist;
import io.distest.maven.settings.JvmSettings;
import io.distest.maven.settings.RemoteSettings;
import io.distest.maven.settings.ReportOptions;
import io.distest.maven.settings.Requests;
import io.distest.maven.settings.RunRequest;
import io.distest.maven.settings.SpeedOptions;
import io.distest.maven.settings.SyncSettings;
import io.distest.maven.settings.TestFilters;
import io.distest.maven.settings.WorkerPolicy;
import io.distest.maven.tx.TxSpecs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Durations history, class splitting and the efficiency line, on real worker JVMs. */
class DurationsRunTest {
    private static final String FIXTURES = "io.distest.maven.run.fixtures.";

    @TempDir
    Path temp;

    private Map<String, String> systemProperties = Map.of();
    private SpeedOptions speed;
    private double minTestSecondsPerWorker;
    private Dist dist = Dist.LOAD;
    private boolean reuseForks = true;
    private final RunHarness.RecordingLog log = new RunHarness.RecordingLog();

    @Test
    void splitsAClassTheHistoryCallsDominantAndReportsItAsOneClass() throws Exception {
        Path history = temp.resolve(".distest/durations.tsv");
        Files.createDirectories(history.getParent());
        Files.writeString(history, String.join("\n", FIXTURES + "SplittableFixture\t\t8000",
                FIXTURES + "SplittableFixture\tfirst\t2000", FIXTURES + "SplittableFixture\tsecond\t2000",
                FIXTURES + "SplittableFixture\tthird\t2000", FIXTURES + "SplittableFixture\tfourth\t2000",
                FIXTURES + "PassingFixture\t\t40", FIXTURES + "Gone\t\t300") + "\n");

        RunSummary summary = run(history, "PassingFixture", "SplittableFixture");

        assertEquals(7, summary.tests());
        assertTrue(text().contains("distest: split " + FIXTURES + "SplittableFixture (8.0 s expected, its fair share is 4.0 s)"
                + " into 2 parts by method"), text());
        String report = Files.readString(temp.resolve("reports/TEST-" + FIXTURES + "SplittableFixture.xml"));
        assertTrue(report.contains("tests=\"4\""), "the parts make one report:\n" + report);
        for (String method : List.of("first", "second", "third", "fourth")) {
            assertEquals(1, count(report, "<testcase name=\"" + method + "\""), method + " once:\n" + report);
            assertTrue(report.contains(method + " ran on gw"), report);
        }
        try (var reports = Files.list(temp.resolve("reports"))) {
            assertEquals(2, reports.filter(p -> p.getFileName().toString().startsWith("TEST-")).count());
        }

        DurationHistory updated = DurationHistory.read(history);
        long measured = updated.classMillis(FIXTURES + "SplittableFixture").orElseThrow();
        assertNotEquals(8000L, measured, "merged with what this run measured: " + measured);
        assertEquals(4, updated.durations(FIXTURES + "SplittableFixture").methodMillis().size());
        assertTrue(updated.classMillis(FIXTURES + "Gone").isEmpty(), "a class without a class file is forgotten");
        assertTrue(efficiencyLine().matches("distest: .* wall, .* of tests on 2 workers: efficiency \\d+ % of the ideal .*"),
                efficiencyLine());
    }

    @Test
    void keepsAClassWithOrderedMethodsWholeAndSaysWhy() throws Exception {
        Path history = temp.resolve("durations.tsv");
        Files.writeString(history, String.join("\n", FIXTURES + "OrderedFixture\t\t6000",
                FIXTURES + "OrderedFixture\tone\t2000", FIXTURES + "OrderedFixture\ttwo\t2000",
                FIXTURES + "OrderedFixture\tthree\t2000", FIXTURES + "PassingFixture\t\t40") + "\n");

        RunSummary summary = run(history, "PassingFixture", "OrderedFixture");

        assertEquals(0, summary.failures() + summary.errors(), text());
        assertTrue(text().contains("distest: not split: " + FIXTURES + "OrderedFixture (6.0 s expected, its fair share is"
                + " 3.0 s): @TestMethodOrder orders its methods"), text());
    }

    @Test
    void writesAHistoryOnAFirstRunAndPlansTheNextWithIt() throws Exception {
        Path history = temp.resolve("new/durations.tsv");
        run(history, "PassingFixture", "Slow1Fixture");
        assertTrue(text().contains("no test durations in"), text());
        assertEquals(2, DurationHistory.read(history).size());

        log.clear();
        run(history, "PassingFixture", "Slow1Fixture");
        assertTrue(text().contains("distest: durations of 2 of 2 classes from"), text());
        assertTrue(text().contains("longest first"), text());
    }

    @Test
    void startsOnlyTheWorkersTheHistorySaysTheTestsCanPayFor() throws Exception {
        Path history = temp.resolve("durations.tsv");
        Files.writeString(history, FIXTURES + "PassingFixture\t\t40\n" + FIXTURES + "Slow1Fixture\t\t900\n");
        minTestSecondsPerWorker = 2;

        RunSummary summary = run(history, "PassingFixture", "Slow1Fixture");

        assertEquals(0, summary.failures() + summary.errors(), text());
        assertTrue(text().contains("distest: 1 of 2 workers started: the durations history puts this run's tests at"
                + " 0.9 s: 2 workers would get less than 2.0 s each (distest.minTestSecondsPerWorker); set it to 0 to"
                + " start every worker"), text());
        assertTrue(text().contains("distest: 2 test classes on 1 worker (2*popen)"), text());
        assertTrue(efficiencyLine().contains(" of tests on 1 worker: "), efficiencyLine());
        try (var reports = Files.list(temp.resolve("reports"))) {
            assertEquals(2, reports.filter(p -> p.getFileName().toString().startsWith("TEST-")).count());
        }
    }

    @Test
    void startsEveryWorkerWhenTheHistoryLacksASelectedClass() throws Exception {
        Path history = temp.resolve("durations.tsv");
        Files.writeString(history, FIXTURES + "PassingFixture\t\t40\n");
        minTestSecondsPerWorker = 2;

        run(history, "PassingFixture", "Slow1Fixture");

        assertTrue(!text().contains("workers started:") && text().contains("on 2 workers (2*popen)"), text());
    }

    @Test
    void distEachRunsEverythingOnEveryRequestedWorkerWhateverTheHistory() throws Exception {
        Path history = temp.resolve("durations.tsv");
        Files.writeString(history, FIXTURES + "PassingFixture\t\t40\n");
        minTestSecondsPerWorker = 2;
        dist = Dist.EACH;

        RunSummary summary = run(history, "PassingFixture");

        assertEquals(0, summary.failures() + summary.errors(), text());
        assertTrue(!text().contains("workers started:") && text().contains("on 2 workers (2*popen), dist=each"), text());
    }

    @Test
    void startsEveryWorkerWhenEveryClassGetsAFreshJvmAnyway() throws Exception {
        Path history = temp.resolve("durations.tsv");
        Files.writeString(history, FIXTURES + "PassingFixture\t\t40\n" + FIXTURES + "Slow1Fixture\t\t900\n");
        minTestSecondsPerWorker = 2;
        reuseForks = false;

        RunSummary summary = run(history, "PassingFixture", "Slow1Fixture");

        assertEquals(0, summary.failures() + summary.errors(), text());
        assertTrue(!text().contains("workers started:") && text().contains("on 2 workers (2*popen)"), text());
    }

    @Test
    void anIdleWorkerStealsTheUnitWaitingBehindALongOne() throws Exception {
        systemProperties = Map.of("steal.dir", temp.toString());
        speed = SpeedOptions.NONE; // no history: name order, the unit ahead is simply the next one

        RunSummary summary = run(null, "WaitsForStealFixture", "StolenFixture", "PassingFixture");

        assertEquals(0, summary.failures() + summary.errors(), text());
        String waiting = Files.readString(temp.resolve("reports/TEST-" + FIXTURES + "WaitsForStealFixture.xml"));
        String stolen = Files.readString(temp.resolve("reports/TEST-" + FIXTURES + "StolenFixture.xml"));
        String waiter = waiting.replaceAll("(?s).*waiting on (gw\\d).*", "$1");
        String thief = stolen.replaceAll("(?s).*stolen by (gw\\d).*", "$1");
        assertTrue(waiter.matches("gw\\d") && thief.matches("gw\\d") && !waiter.equals(thief),
                "StolenFixture was handed to " + waiter + " behind WaitsForStealFixture and ran on " + thief);
    }

    @Test
    void aSliceLeavesItsDurationsForTheMergeAndTheModulesHistoryAsEveryJobRestoredIt() throws Exception {
        Path history = temp.resolve(".distest/durations.tsv");
        Files.createDirectories(history.getParent());
        String restored = String.join("\n", FIXTURES + "PassingFixture\t\t999999", FIXTURES + "OtherSliceFixture\t\t900") + "\n";
        Files.writeString(history, restored);
        Path copy = temp.resolve("distest/durations-default-test.tsv");
        speed = new SpeedOptions(history, SpeedOptions.History.USE, true, List.of(), null, 0).withSliceDurationsFile(copy);

        run(history, "PassingFixture");

        assertEquals(restored, Files.readString(history), "the module's file is the merge goal's to write");
        DurationHistory left = DurationHistory.read(copy);
        assertEquals(900L, left.classMillis(FIXTURES + "OtherSliceFixture").orElseThrow());
        assertTrue(left.classMillis(FIXTURES + "PassingFixture").orElseThrow() < 999999, "measured: " + left);
    }

    private RunSummary run(Path history, String... fixtures) throws Exception {
        List<TestUnit> units = new ArrayList<>();
        for (String fixture : fixtures) {
            units.add(TestUnit.wholeClass(units.size(), FIXTURES + fixture));
        }
        Path moduleBasedir = Path.of("").toAbsolutePath();
        RunRequest request = Requests.run(TxSpecs.parseAll(List.of("2*popen")), units, classpath(), workerJar(),
                Requests.jvm(List.of(), systemProperties, Map.of(), moduleBasedir),
                Requests.filters(List.of(), List.of(), Map.of()),
                Requests.reports(temp.resolve("reports"), false, false), temp.resolve("distest"),
                Requests.workers(2, Duration.ofSeconds(60)), Requests.policy(reuseForks),
                new RemoteSettings(new SyncSettings(Path.of(System.getProperty("user.home"), ".m2", "repository"),
                        moduleBasedir, moduleBasedir, List.of(), List.of()), null, SshOptions.defaults()),
                speed != null ? speed
                        : new SpeedOptions(history, SpeedOptions.History.USE, true, List.of(), Path.of("target/test-classes"),
                                minTestSecondsPerWorker), dist);
        return new DistestRunner(log).run(request);
    }

    private String text() {
        return log.text();
    }

    private String efficiencyLine() {
        return text().lines().filter(l -> l.contains("efficiency")).findFirst().orElse("(none)\n" + text());
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static List<Path> classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(p -> !p.toString().contains("surefire")).toList();
    }

    private static Path workerJar() {
        Path jar = Path.of("target", "classes", "META-INF", "distest", "distest-worker.jar");
        assertTrue(Files.exists(jar), "build the module first: " + jar.toAbsolutePath());
        return jar;
    }
}
