package io.distest.maven.timeline;

import io.distest.maven.report.DurationObserver;
import io.distest.maven.report.Efficiency;
import io.distest.maven.report.RunObserver;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.schedule.UnitPlanner.Plan;
import io.distest.maven.timeline.RunModel.Bar;
import io.distest.maven.timeline.RunModel.Kind;
import io.distest.maven.timeline.RunModel.Lane;
import io.distest.protocol.TestFinished;
import io.distest.protocol.UnitFinished;
import io.distest.protocol.WorkerFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;

/**
 * Records the run for its timeline page and writes the page (and {@code run.json}) when the run ends, with the
 * figures of the efficiency line. With {@code dist=each} each platform also gets a page of its own.
 */
public final class TimelineObserver implements RunObserver {
    private final Log log;
    private final TimelineRecorder recorder;
    private final Path page;
    private final String title;
    private final Supplier<Efficiency> efficiency;
    private final Map<String, Integer> workersByGroup;
    private final LongSupplier nanoClock;
    /** Time spent recording, for the cost line of bench/timeline.sh. */
    private long recordNanos;

    /**
     * @param page where the page goes; {@code run.json} (or {@code run-<name>.json} for {@code timeline-<name>.html})
     *     is written beside it
     * @param efficiency the run's efficiency, known once {@link DurationObserver} heard the end of the run
     * @param workersByGroup how many workers each gateway group asked for
     */
    public TimelineObserver(Log log, Path page, String title, Plan plan, Supplier<Efficiency> efficiency,
            Map<String, Integer> workersByGroup, LongSupplier nanoClock) {
        this.log = log;
        this.page = page;
        this.title = title;
        this.efficiency = efficiency;
        this.workersByGroup = workersByGroup;
        this.nanoClock = nanoClock;
        this.recorder = new TimelineRecorder(nanoClock, plan::label, plan::expectedMillis,
                plan.units().stream().map(TestUnit::id).collect(Collectors.toSet()));
    }

    /** {@code timeline.html} → {@code run.json}; {@code timeline-it.html} → {@code run-it.json}. */
    public static Path jsonBeside(Path page) {
        String name = page.getFileName().toString().replaceFirst("\\.html?$", "");
        return page.resolveSibling((name.startsWith("timeline") ? "run" + name.substring("timeline".length()) : name + "-run")
                + ".json");
    }

    /** The page of one platform: {@code timeline.html} → {@code timeline-tx1.html}. */
    static Path pageOfGroup(Path page, String group) {
        String name = page.getFileName().toString().replaceFirst("\\.html?$", "");
        return page.resolveSibling(name + "-" + group.replaceAll("[^A-Za-z0-9._-]", "_") + ".html");
    }

    private void timed(Runnable recording) {
        long start = nanoClock.getAsLong();
        recording.run();
        recordNanos += nanoClock.getAsLong() - start;
    }

    @Override
    public void gatewayOpened(String spec, long startNanos, long endNanos, long syncMillis) {
        timed(() -> recorder.gatewayOpened(spec, startNanos, endNanos, syncMillis));
    }

    @Override
    public void workerStarted(String workerId, String spec, String group) {
        timed(() -> recorder.workerStarted(workerId, spec, group));
    }

    @Override
    public void workerConnected(String workerId, String group, int number, String spec, WorkerFacts facts) {
        timed(() -> recorder.workerConnected(workerId, facts));
    }

    @Override
    public void workerReady(String workerId, double secondsSinceStart) {
        timed(() -> recorder.workerReady(workerId));
    }

    @Override
    public void unitStarted(String workerId, TestUnit unit) {
        timed(() -> recorder.unitStarted(workerId, unit));
    }

    @Override
    public void testFinished(String workerId, TestUnit unit, TestFinished finished) {
        timed(() -> recorder.testFinished(workerId, finished));
    }

    @Override
    public void unitFinished(String workerId, TestUnit unit, UnitFinished finished) {
        timed(() -> {
            if (finished.error() != null) { // the unit could not run as a whole (class not found, discovery failed)
                recorder.unitError(workerId, unit, finished.error().type() + ": " + finished.error().message());
            }
            recorder.unitFinished(workerId, unit, finished.elapsedMillis());
        });
    }

    @Override
    public void unitLost(String workerId, TestUnit unit, TestUnit rest, String cause) {
        timed(() -> recorder.unitLost(workerId, unit, rest, cause));
    }

    @Override
    public void unitRevoked(String workerId, TestUnit unit) {
        timed(() -> recorder.unitRevoked(workerId, unit));
    }

    @Override
    public void runFinished(long wallNanos) {
        long startNanos = nanoClock.getAsLong();
        Efficiency run = efficiency.get();
        RunModel model = recorder.model(title, summary(run));
        try {
            List<String> platformPages = new ArrayList<>();
            if (workersByGroup.size() > 1) {
                for (String group : model.groups()) {
                    Path groupPage = pageOfGroup(page, group);
                    RunModel ofGroup = model.forGroup(group, summary(ofGroup(model, group, run)));
                    TimelinePage.write(ofGroup, groupPage, null, List.of(page.getFileName().toString()));
                    platformPages.add(groupPage.getFileName().toString());
                }
            }
            TimelinePage.write(model, page, jsonBeside(page), platformPages);
            // what writing it costs, for bench/timeline.sh (run with -X)
            log.debug(String.format(Locale.ROOT, "distest: timeline written in %.1f ms: %s, %d bytes; recording took %.1f ms",
                    (nanoClock.getAsLong() - startNanos) / 1e6, page, Files.size(page), recordNanos / 1e6));
        } catch (IOException | RuntimeException e) {
            log.warn("distest: cannot write the timeline " + page + ": " + e);
        }
    }

    /** One platform's efficiency, from its lanes' units by the same rule as the run's. */
    private Efficiency ofGroup(RunModel model, String group, Efficiency run) {
        List<Efficiency.UnitRun> units = new ArrayList<>();
        long wall = 0;
        for (Lane lane : model.lanes()) {
            if (!lane.group().equals(group)) {
                continue;
            }
            for (Bar bar : lane.bars()) {
                if (bar.kind() == Kind.UNIT) {
                    units.add(new Efficiency.UnitRun(lane.id(), bar.label(), bar.millis(), bar.endMillis()));
                    wall = Math.max(wall, bar.endMillis());
                }
            }
        }
        return Efficiency.of(wall, workersByGroup.getOrDefault(group, 1), units, run.startupMillis(),
                run.firstTestMillis());
    }

    private static RunModel.Summary summary(Efficiency e) {
        boolean critical = e.lastWorkersLongest() != null;
        return new RunModel.Summary(e.wallMillis(), e.workers(), e.testMillis(), e.idealMillis(), e.percent(),
                e.startupMillis(), e.firstTestMillis(), critical ? e.last().workerId() : null,
                critical ? e.lastWorkersLongest().label() : null, critical && e.bounds());
    }
}
