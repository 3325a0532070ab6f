package io.distest.maven.report;

import io.distest.maven.schedule.DurationHistory.Measurement;
import io.distest.maven.schedule.FixtureBlocks;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.schedule.UnitPlanner.Plan;
import io.distest.maven.schedule.UnitPlanner;
import io.distest.protocol.TestFinished;
import io.distest.protocol.UnitFinished;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.maven.plugin.logging.Log;

/**
 * Measures a run for the next one and for the user: per-class and per-method durations (handed to
 * {@code afterRun}, which merges them into the history file) and the efficiency line printed at the end.
 */
public final class DurationObserver implements RunObserver {
    private final Log log;
    private final int workers;
    private final Set<String> startedWorkers = new HashSet<>();
    private final Plan plan;
    private final Consumer<List<Measurement>> afterRun;
    private final LongSupplier nanoClock;
    private final long startNanos;

    private final Map<String, Long> spawnNanos = new HashMap<>();
    private final Map<String, Long> readyMillis = new LinkedHashMap<>();
    private final Map<String, Long> firstTestMillis = new LinkedHashMap<>();
    private final Set<String> replaced = new HashSet<>();
    private final Map<Integer, TestUnit> planned = new HashMap<>();
    private final Set<String> wholeClasses;
    private final Map<Integer, Long> testMillisByUnit = new HashMap<>();
    private final Map<Integer, Long> elapsedByUnit = new HashMap<>();
    /** Per unit, the processor time its JVM used meanwhile; -1 when the worker could not tell. */
    private final Map<Integer, Long> cpuByUnit = new HashMap<>();
    /** Units that were the first on their JVM: they also paid for loading and warming up the JUnit launcher. */
    private final Set<Integer> firstOnTheirJvm = new HashSet<>();
    /**
     * Per unit, the share of its time its thread had a core when it was ready to run: the history keeps what a unit
     * costs, not what other JVMs on the same cores added to it (which would make the next run start workers to
     * share cores that were never free).
     */
    private final Map<Integer, Double> ownShareByUnit = new HashMap<>();
    private final Set<String> warmWorkers = new HashSet<>();
    /** The shared fixtures each worker JVM has up, and the classes that started or used one. */
    private final Map<String, Set<String>> fixturesUp = new HashMap<>();
    private final Map<String, String> fixtureByClass = new HashMap<>();
    private final Set<String> startedFixture = new HashSet<>();
    private final Set<String> startedFramework = new HashSet<>();
    private final Map<String, Map<String, Long>> methodMillis = new LinkedHashMap<>();
    private final List<Efficiency.UnitRun> runs = new ArrayList<>();
    private Efficiency efficiency;
    private final String timeline;

    /**
     * @param afterRun receives what was measured, once the run ended
     * @param nanoClock {@link System#nanoTime} but in tests
     * @param timeline the timeline page as shown to the user, named at the end of the efficiency line; or {@code null}
     */
    public DurationObserver(Log log, int workers, Plan plan, Consumer<List<Measurement>> afterRun, LongSupplier nanoClock,
            String timeline) {
        this.timeline = timeline;
        this.log = log;
        this.workers = workers;
        this.plan = plan;
        this.afterRun = afterRun;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.wholeClasses = Set.copyOf(plan.wholeClasses());
        plan.units().forEach(unit -> planned.put(unit.id(), unit));
    }

    @Override
    public void workerStarted(String workerId, String spec, String group) {
        startedWorkers.add(workerId);
    }

    @Override
    public void workerReady(String workerId, double secondsSinceStart) {
        long now = nanoClock.getAsLong();
        if (readyMillis.putIfAbsent(workerId, Math.round(secondsSinceStart * 1000)) != null) {
            replaced.add(workerId); // a replacement: start-up is measured on the first JVMs only
        }
        spawnNanos.put(workerId, now - Math.round(secondsSinceStart * 1e9));
        warmWorkers.remove(workerId); // a new JVM
        fixturesUp.remove(workerId);
    }

    @Override
    public void testFinished(String workerId, TestUnit unit, TestFinished finished) {
        long now = nanoClock.getAsLong();
        if (!replaced.contains(workerId) && spawnNanos.containsKey(workerId)) {
            firstTestMillis.putIfAbsent(workerId,
                    Math.max(0, (now - spawnNanos.get(workerId)) / 1_000_000 - finished.elapsedMillis()));
        }
        if (!planned.containsKey(unit.id())) {
            return; // a re-run or the rest of a lost unit: not what the class takes
        }
        testMillisByUnit.merge(unit.id(), finished.elapsedMillis(), Long::sum);
        String method = finished.test().methodName();
        if (method != null && unit.className().equals(finished.test().className())) {
            String name = UnitPlanner.javaMethodName(method).replaceAll("[\\t\\r\\n]", " ");
            if (!name.isEmpty()) {
                methodMillis.computeIfAbsent(unit.className(), c -> new LinkedHashMap<>())
                        .merge(name, finished.elapsedMillis(), Long::sum);
            }
        }
    }

    @Override
    public void unitFinished(String workerId, TestUnit unit, UnitFinished finished) {
        if (planned.containsKey(unit.id()) && finished.elapsedMillis() > 0) {
            ownShareByUnit.put(unit.id(), (double) finished.ownMillis() / finished.elapsedMillis());
        }
        if (!finished.fixture().isEmpty() && planned.containsKey(unit.id())) {
            fixtureByClass.put(unit.className(), finished.fixture());
            Set<String> up = fixturesUp.computeIfAbsent(workerId, w -> new HashSet<>());
            if (up.add(finished.fixture())) {
                startedFixture.add(unit.className());
            }
            if (up.add(FixtureBlocks.framework(finished.fixture()))) {
                startedFramework.add(unit.className());
            }
        }
        long elapsedMillis = finished.elapsedMillis();
        runs.add(new Efficiency.UnitRun(workerId, plan.label(unit), elapsedMillis,
                (nanoClock.getAsLong() - startNanos) / 1_000_000));
        if (planned.containsKey(unit.id())) {
            elapsedByUnit.put(unit.id(), elapsedMillis);
            cpuByUnit.put(unit.id(), finished.cpuMillis());
        }
        if (warmWorkers.add(workerId)) {
            firstOnTheirJvm.add(unit.id());
        }
    }

    @Override
    public void runFinished(long wallNanos) {
        long quickestStart = readyMillis.values().stream().mapToLong(Long::longValue).min().orElse(0);
        // workers held back that never started (WorkerRamp) are not in the ideal
        int started = startedWorkers.isEmpty() ? workers : Math.min(workers, startedWorkers.size());
        efficiency = Efficiency.of(wallNanos / 1_000_000, started, runs, quickestStart,
                median(firstTestMillis.isEmpty() ? readyMillis.values() : firstTestMillis.values()));
        log.info(timeline == null ? efficiency.line() : efficiency.line() + "; timeline: " + timeline);
        afterRun.accept(measurements());
    }

    /** The efficiency of the run, once it finished. */
    public Efficiency efficiency() {
        return efficiency;
    }

    /**
     * Per class: the whole (its tests plus one set-up, as if run in one piece) and its methods. A unit that ran first
     * on its JVM is counted with the typical set-up of the others: the JVM's warm-up is not its class's doing.
     */
    List<Measurement> measurements() {
        List<Long> warmOverheads = new ArrayList<>();
        elapsedByUnit.forEach((id, elapsed) -> {
            if (!firstOnTheirJvm.contains(id)) {
                warmOverheads.add(Math.round(Math.max(0, elapsed - testMillisByUnit.getOrDefault(id, 0L))
                        * ownShareByUnit.getOrDefault(id, 1.0)));
            }
        });
        Long typicalOverhead = warmOverheads.isEmpty() ? null : median(warmOverheads);
        Map<String, List<TestUnit>> unitsByClass = new LinkedHashMap<>();
        plan.units().forEach(unit -> unitsByClass.computeIfAbsent(unit.className(), c -> new ArrayList<>()).add(unit));
        List<Measurement> measurements = new ArrayList<>();
        unitsByClass.forEach((className, units) -> {
            List<TestUnit> ran = units.stream().filter(unit -> elapsedByUnit.containsKey(unit.id())).toList();
            if (ran.isEmpty()) {
                return;
            }
            long tests = 0;
            long overhead = 0;
            long elapsed = 0;
            long own = 0;
            long cpu = 0;
            for (TestUnit unit : ran) {
                long unitCpu = cpuByUnit.getOrDefault(unit.id(), -1L);
                cpu = cpu < 0 || unitCpu < 0 ? -1 : cpu + unitCpu;
                double ownShare = ownShareByUnit.getOrDefault(unit.id(), 1.0);
                long unitTests = Math.round(testMillisByUnit.getOrDefault(unit.id(), 0L) * ownShare);
                long unitElapsed = Math.round(elapsedByUnit.get(unit.id()) * ownShare);
                elapsed += elapsedByUnit.get(unit.id());
                own += unitElapsed;
                tests += unitTests;
                long unitOverhead = Math.max(0, unitElapsed - unitTests);
                // a class with a shared fixture keeps its whole set-up: the history tells the fixture's start and
                // its framework's warm-up (which the first class in a JVM pays) from the class's own time
                overhead += firstOnTheirJvm.contains(unit.id()) && typicalOverhead != null
                        && !fixtureByClass.containsKey(className) ? Math.min(unitOverhead, typicalOverhead) : unitOverhead;
            }
            boolean complete = ran.size() == units.size() && wholeClasses.contains(className);
            double classOwnShare = elapsed == 0 ? 1.0 : (double) own / elapsed;
            Map<String, Long> methods = new LinkedHashMap<>();
            methodMillis.getOrDefault(className, Map.of())
                    .forEach((method, millis) -> methods.put(method, Math.round(millis * classOwnShare)));
            measurements.add(new Measurement(className, tests + overhead / ran.size(), methods, complete,
                    fixtureByClass.getOrDefault(className, ""), startedFixture.contains(className),
                    startedFramework.contains(className), cpu));
        });
        return measurements;
    }

    private static long median(java.util.Collection<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
