package io.distest.maven.run;

import io.distest.maven.gateway.ExecGateway;
import io.distest.maven.gateway.Gateway;
import io.distest.maven.gateway.PopenGateway;
import io.distest.maven.gateway.RemoteGateway;
import io.distest.maven.gateway.SocketEndpoint;
import io.distest.maven.gateway.ssh.SshGateway;
import io.distest.maven.parameter.Parameters;
import io.distest.maven.report.AboveStatusLineLog;
import io.distest.maven.report.DurationObserver;
import io.distest.maven.report.PlatformSummary;
import io.distest.maven.report.ProgressObserver;
import io.distest.maven.report.RunObserver;
import io.distest.maven.report.RunObservers;
import io.distest.maven.report.RunObservers.OnFailure;
import io.distest.maven.report.StatusLine;
import io.distest.maven.report.SurefireReporting;
import io.distest.maven.schedule.DurationHistory;
import io.distest.maven.schedule.EachScheduling;
import io.distest.maven.schedule.LoadScheduling;
import io.distest.maven.schedule.SchedulingPolicy;
import io.distest.maven.schedule.SplitSafety;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.schedule.UnitPlanner.Plan;
import io.distest.maven.schedule.UnitPlanner;
import io.distest.maven.schedule.WorkerBudget;
import io.distest.maven.schedule.WorkerRamp;
import io.distest.maven.settings.Dist;
import io.distest.maven.settings.RemoteSettings;
import io.distest.maven.settings.RunRequest;
import io.distest.maven.settings.SpeedOptions;
import io.distest.maven.settings.WorkerSetup;
import io.distest.maven.standby.RunLaunches;
import io.distest.maven.timeline.TimelineObserver;
import io.distest.maven.tx.Transport;
import io.distest.maven.tx.TxSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.surefire.api.suite.RunResult;

/** Runs one {@link RunRequest}: the plain entry point the mojo hands its settings to. */
public final class DistestRunner {
    /** Units a worker holds beyond the one it runs: enough to hide a round trip, few enough to strand little. */
    private static final int UNITS_AHEAD = 1;

    private final Log log;
    private final StatusLine statusLine;

    /** A runner with no status line: every line goes to {@code log} as it is. */
    public DistestRunner(Log log) {
        this(log, new StatusLine(System.out, false, 0, System::nanoTime));
    }

    /**
     * @param statusLine where the run's progress is shown (see {@link StatusLine#forThisTerminal}); when it is on,
     *     every other line of the run is printed above it
     */
    public DistestRunner(Log log, StatusLine statusLine) {
        this.log = AboveStatusLineLog.of(log, statusLine);
        this.statusLine = statusLine;
    }

    /** A runner for the build's own terminal: the progress line only where a person watches it. */
    public static DistestRunner forTerminal(Log log, boolean mavenInteractive) {
        return new DistestRunner(log, StatusLine.forThisTerminal(mavenInteractive));
    }

    public RunSummary run(RunRequest request) throws DistestException {
        return run(request, List.of());
    }

    /** @param more observers of the run besides reporting, durations, progress and the timeline */
    public RunSummary run(RunRequest request, List<RunObserver> more) throws DistestException {
        try {
            return runShowingProgress(request, more);
        } finally {
            statusLine.close(); // a failed run leaves no half line behind
        }
    }

    private RunSummary runShowingProgress(RunRequest asked, List<RunObserver> more) throws DistestException {
        DurationHistory history = readHistory(asked.speed());
        WorkerBudget.Decision budget = workerBudget(asked, history);
        RunRequest request = budget.trimmed() ? asked.withWorkerCount(budget.started()) : asked;
        String token = newToken();
        WorkerSetup setup = request.workerSetup();
        Map<TxSpec, Gateway> gateways = new LinkedHashMap<>();
        RunLaunches launches = new RunLaunches(setup.moduleBasedir());
        for (TxSpec spec : request.specs()) {
            gateways.put(spec, gatewayFor(spec, setup, request.remote(), token, launches, log));
        }
        log.info(String.format("distest: %d test classes on %d worker%s (%s), dist=%s", request.units().size(),
                request.workerCount(), request.workerCount() == 1 ? "" : "s", request.specs().stream().map(TxSpec::text).collect(Collectors.joining(", ")),
                request.dist().name().toLowerCase(java.util.Locale.ROOT)));
        if (budget.trimmed()) {
            log.info(String.format("distest: %d of %d workers started: %s", budget.started(), budget.requested(),
                    budget.reason()));
        }
        int held = heldBack(request, history);
        if (held > 0) {
            log.info(String.format("distest: no durations history yet: %d of %d workers start%s now, the other%s once"
                    + " this run's classes show at least %s s of tests for each (distest.minTestSecondsPerWorker)",
                    request.workerCount() - held, request.workerCount(), request.workerCount() - held == 1 ? "s" : "",
                    held == 1 ? "" : "s", request.speed().minTestSecondsPerWorker()));
        }
        Plan plan = plan(request, history);
        Map<String, List<TestUnit>> unitsByGroup = byGroup(request, plan.units());
        RunRequest planned = request.withUnits(unitsByGroup.values().stream().flatMap(List::stream).toList());
        SurefireReporting reporting = new SurefireReporting(request.reports(), log, planned.units(),
                request.provider() == null ? null : request.provider().testSetName(), request.provider() != null,
                number -> forkProperties(request, number), request.policy().rerunFailingTestsCount());
        PlatformSummary platforms = new PlatformSummary(List.copyOf(unitsByGroup.keySet()));
        boolean byTags = !request.filters().includeTags().isEmpty() || !request.filters().excludeTags().isEmpty();
        Path timeline = request.reports().timeline();
        DurationObserver durations = new DurationObserver(log, request.workerCount(), byTags ? plan.withoutWholeClasses() : plan,
                measured -> updateHistory(request.speed(), measured), System::nanoTime,
                timeline == null ? null : shown(timeline));
        reporting.printAbove(statusLine);
        // what a throwing observer costs is decided by RunObservers: reporting fails the build, the rest only warn
        RunObservers observers = new RunObservers(log)
                .add("the progress line", OnFailure.WARN,
                        new ProgressObserver(planned.units(), plan::expectedMillis, statusLine, System::nanoTime))
                .add("Surefire reporting", OnFailure.FAIL_THE_BUILD, reporting)
                .add("the durations history and efficiency line", OnFailure.WARN, durations);
        if (timeline != null) { // it hears the end of the run after the duration observer: it draws that one's figures
            observers.add("the timeline", OnFailure.WARN, new TimelineObserver(log, timeline, timelineTitle(request),
                    plan, durations::efficiency, workersByGroup(request), System::nanoTime));
        }
        if (request.dist() == Dist.EACH) {
            observers.add("the per-platform summary", OnFailure.FAIL_THE_BUILD, platforms);
        }
        ClassesWithoutTests withoutTests = new ClassesWithoutTests();
        observers.add("the classes without tests", OnFailure.FAIL_THE_BUILD, withoutTests);
        // distest.affected's recorder: one that stops hearing passes no class it did not hear out (see UseRecorder)
        more.forEach(observer -> observers.add(observer.getClass().getSimpleName(), OnFailure.WARN, observer));
        // the one split of the request: each layer gets only what it reads
        WorkerPool pool = new WorkerPool(new PoolSettings(planned.specs(), planned.dist(), planned.workDirectory(), setup,
                planned.workers(), held), log, gateways, observers, System::nanoTime);
        RunLoop loop = new RunLoop(new LoopSettings(planned.units(), planned.policy(), planned.filters(),
                planned.provider()), log, policy(planned, plan, unitsByGroup), pool, observers, System::nanoTime,
                held == 0 ? null : new WorkerRamp(held, request.speed().minTestSecondsPerWorker()));
        try {
            loop.run(token);
        } finally {
            launches.finish(log);
        }
        if (launches.takenOver() > 0) {
            log.info(String.format("distest: %d of the run's workers had started beside the build's earlier phases, on"
                    + " the last build's command line (-D%s=false: in the test phase)", launches.takenOver(),
                    Parameters.POPEN_EARLY));
        }
        Optional<RunObservers.Failure> failed = observers.failure();
        if (failed.isPresent()) {
            throw new DistestException(failed.get().message(), failed.get().cause());
        }
        RunResult result = reporting.finish();
        if (request.dist() == Dist.EACH) {
            platforms.print(log::info);
        }
        return new RunSummary(result.getCompletedCount(), result.getFailures(), result.getErrors(),
                result.getSkipped(), result.getFlakes(), loop.notRunReason(), withoutTests.classes());
    }

    /** The system properties worker {@code number} got, its fork number in them as Surefire puts it. */
    private static Map<String, String> forkProperties(RunRequest request, int number) {
        Map<String, String> properties = new LinkedHashMap<>();
        request.jvm().systemProperties().forEach((name, value) ->
                properties.put(name, io.distest.maven.gateway.ForkNumber.replaceIn(value, number + 1)));
        return properties;
    }

    private static Map<String, Integer> workersByGroup(RunRequest request) {
        Map<String, Integer> workers = new LinkedHashMap<>();
        request.specs().forEach(spec -> workers.merge(request.groupOf(spec), spec.count(), Integer::sum));
        return workers;
    }

    /** The page's title: the module directory and the tx specs. */
    private static String timelineTitle(RunRequest request) {
        Path module = request.jvm().workingDirectory();
        return (module.getFileName() == null ? "" : module.getFileName() + " · ")
                + request.specs().stream().map(TxSpec::text).collect(Collectors.joining(", "))
                + (request.dist() == Dist.EACH ? " · dist=each" : "");
    }

    /** The scheduling policy of the run: dist=load hands units out longest expected first; each does so per gateway. */
    private static SchedulingPolicy policy(RunRequest request, Plan plan, Map<String, List<TestUnit>> unitsByGroup) {
        int ahead = request.policy().reuseForks() ? UNITS_AHEAD : 0;
        if (request.dist() == Dist.EACH) {
            return new EachScheduling(unitsByGroup, units -> new LoadScheduling(units, ahead, plan::expectedMillis,
                    plan::block, plan::startMillis));
        }
        return new LoadScheduling(request.units(), ahead, plan::expectedMillis, plan::block, plan::startMillis);
    }

    /** dist=load: all units in one group; dist=each: a copy of every unit for every gateway, each with its own id. */
    private static Map<String, List<TestUnit>> byGroup(RunRequest request, List<TestUnit> units) {
        if (request.dist() == Dist.LOAD) {
            return Map.of("", units);
        }
        Map<String, List<TestUnit>> byGroup = new LinkedHashMap<>();
        int nextId = units.stream().mapToInt(TestUnit::id).max().orElse(0) + 1;
        for (TxSpec spec : request.specs()) {
            List<TestUnit> copies = new java.util.ArrayList<>();
            for (TestUnit unit : units) {
                copies.add(unit.forGroup(nextId++, request.groupOf(spec)));
            }
            byGroup.put(request.groupOf(spec), copies);
        }
        return byGroup;
    }

    /**
     * How many workers are worth starting ({@link WorkerBudget}): never more than units; a dist=load run with reused
     * forks is thinned further by the history; with dist=each every gateway runs everything, and with
     * reuseForks=false every unit pays a JVM start anyway.
     */
    private static WorkerBudget.Decision workerBudget(RunRequest request, DurationHistory history) {
        if (request.dist() != Dist.LOAD) {
            return new WorkerBudget.Decision(request.workerCount(), request.workerCount(), -1, "");
        }
        if (!request.policy().reuseForks()) {
            return WorkerBudget.atMostOnePerUnit(request.units(), request.workerCount());
        }
        return new WorkerBudget(request.speed().minTestSecondsPerWorker())
                .decide(history, request.units(), request.workerCount());
    }

    /**
     * How many workers wait for the run's own classes to show there is work for them ({@link WorkerRamp}): without a
     * durations history, every local worker but the first, when all of them would share the build machine's cores
     * (popen only: a far host's cores are its own) and the worker budget is on. With a history, the budget has decided.
     */
    private static int heldBack(RunRequest request, DurationHistory history) {
        boolean allLocal = request.specs().stream().allMatch(spec -> spec.transport() instanceof Transport.Popen);
        if (!history.isEmpty() || !allLocal || request.dist() != Dist.LOAD || !request.policy().reuseForks()
                || request.speed().minTestSecondsPerWorker() == 0) {
            return 0;
        }
        return request.workerCount() - 1;
    }

    /** Orders the units by the history and splits the classes that would hold up the end of the run. */
    private Plan plan(RunRequest request, DurationHistory history) {
        SpeedOptions speed = request.speed();
        if (speed.history() == SpeedOptions.History.OFF) {
            return Plan.unchanged(request.units());
        }
        if (history.isEmpty()) {
            log.info("distest: no test durations in " + shown(speed.historyFile()) + " yet; this run writes them"
                    + (speed.history() == SpeedOptions.History.USE ? "" : " (it does not: distest.history=read)"));
            return Plan.unchanged(request.units());
        }
        SplitSafety[] safety = new SplitSafety[1]; // made on first use: most runs split nothing
        try {
            Plan plan = new UnitPlanner(history, request.workerCount(), speed.splitClasses(), className -> {
                if (speed.optedOut(className)) {
                    return Optional.of("listed in distest.noSplit");
                }
                if (safety[0] == null) {
                    safety[0] = new SplitSafety(request.testClasspath(), request.filters().configurationParameters());
                }
                return safety[0].reasonNotToSplit(className);
            }).plan(request.units());
            log.info(String.format("distest: durations of %d of %d classes from %s: longest first", plan.knownClasses(),
                    request.units().size(), shown(speed.historyFile())));
            plan.notes().forEach(note -> log.info("distest: " + note));
            return plan;
        } finally {
            if (safety[0] != null) {
                safety[0].close();
            }
        }
    }

    private DurationHistory readHistory(SpeedOptions speed) {
        if (speed.history() == SpeedOptions.History.OFF) {
            return DurationHistory.empty();
        }
        try {
            return DurationHistory.read(speed.historyFile());
        } catch (IOException | UncheckedIOException e) {
            log.warn("distest: cannot read " + speed.historyFile() + " (" + e.getMessage() + "); planning without it");
            return DurationHistory.empty();
        }
    }

    /**
     * Merges the run's durations into the file as it is now (another build may have written it meanwhile). A slice
     * leaves the result below {@code target} for the merge goal instead: the module's file stays as every job of the
     * pipeline restored it, so that a later execution of the same job (Failsafe's) plans as its siblings do.
     */
    private void updateHistory(SpeedOptions speed, List<DurationHistory.Measurement> measured) {
        boolean slice = speed.sliceDurationsFile() != null && speed.history() != SpeedOptions.History.OFF;
        boolean module = speed.sliceDurationsFile() == null && speed.history() == SpeedOptions.History.USE;
        if (!(slice || module) || measured.isEmpty()) {
            return;
        }
        Path classes = speed.testClassesDirectory();
        Predicate<String> stillExists = classes == null ? className -> true
                : className -> Files.exists(classes.resolve(className.replace('.', '/') + ".class"));
        try {
            DurationHistory current;
            try {
                current = DurationHistory.read(speed.historyFile());
            } catch (IOException | UncheckedIOException e) {
                current = DurationHistory.empty(); // unreadable: replaced by what this run measured
            }
            DurationHistory merged = current.merge(measured, stillExists);
            if (slice) {
                merged.write(speed.sliceDurationsFile());
            }
            if (module) {
                merged.write(speed.historyFile());
                log.debug("distest: test durations written to " + speed.historyFile());
            }
        } catch (IOException e) {
            log.warn("distest: cannot write test durations to " + speed.historyFile() + ": " + e.getMessage());
        }
    }

    /** The path as a user recognises it: relative to the current directory when below it. */
    private static String shown(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }

    private static Gateway gatewayFor(TxSpec spec, WorkerSetup setup, RemoteSettings remote, String token,
            RunLaunches launches, Log log) throws DistestException {
        if (spec.transport() instanceof Transport.Popen) {
            return new PopenGateway(setup, token, launches);
        }
        if (spec.transport() instanceof Transport.Socket socket) {
            String serverToken = remote.serverToken();
            if (serverToken == null || serverToken.isBlank()) {
                throw new DistestException("tx spec \"" + spec.text() + "\" needs the worker server's token: pass"
                        + " -Ddistest.token=… or set $DISTEST_TOKEN (`serve` prints it and keeps it in its server.token file)");
            }
            if (spec.chdir().isPresent()) {
                log.warn("distest: //chdir= is ignored for " + spec.text() + ": the server's --root decides where files go");
            }
            return new RemoteGateway(spec, setup, remote.sync(), token, log, new SocketEndpoint(socket, serverToken));
        }
        if (spec.transport() instanceof Transport.Ssh ssh) {
            return SshGateway.of(spec, ssh, setup, remote.sync(), remote.ssh(), token, log);
        }
        if (spec.transport() instanceof Transport.Exec) {
            return new ExecGateway(spec, setup, remote.sync(), token, log);
        }
        throw new IllegalStateException("no gateway for " + spec.transport());
    }

    /** A fresh secret per run: only our own workers can connect to the run's port. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
