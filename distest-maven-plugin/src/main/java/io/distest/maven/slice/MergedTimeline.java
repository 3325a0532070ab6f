package io.distest.maven.slice;

import io.distest.maven.timeline.RunModel;
import io.distest.maven.timeline.RunModel.Bar;
import io.distest.maven.timeline.RunModel.Lane;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * The runs of a pipeline's slices as one timeline: each slice's workers as a lane group of their own
 * ({@code slice 2/4 · …}), all from time 0 as the jobs ran side by side on their machines; the slowest slice (by test
 * time, what the plan balances) marked, and how far it is above the mean slice in the title.
 */
public final class MergedTimeline {
    /** Unit ids of slice k are offset by k times this, so that ids stay unique across slices. */
    static final int IDS_PER_SLICE = 1_000_000;

    private MergedTimeline() {}

    /**
     * @param title what ran (the module and execution)
     * @param count how many slices the plan has (a missing one counts as an empty slice)
     * @param runs by slice index, its run
     */
    public static RunModel of(String title, int count, SortedMap<Integer, RunModel> runs) {
        int slowest = -1;
        long slowestMillis = -1;
        long totalTest = 0;
        for (var run : runs.entrySet()) {
            long test = run.getValue().summary().testMillis();
            totalTest += test;
            if (test > slowestMillis) {
                slowest = run.getKey();
                slowestMillis = test;
            }
        }
        double mean = (double) totalTest / count;
        int imbalance = mean <= 0 ? 0 : (int) Math.round(100 * (slowestMillis - mean) / mean);
        List<Lane> lanes = new ArrayList<>();
        long wall = 0;
        int workers = 0;
        long longest = 0;
        long startup = 0;
        long firstTest = 0;
        for (var run : runs.entrySet()) {
            int index = run.getKey();
            RunModel model = run.getValue();
            RunModel.Summary s = model.summary();
            wall = Math.max(wall, s.wallMillis());
            workers += s.workers();
            startup = Math.max(startup, s.startupMillis());
            firstTest = Math.max(firstTest, s.firstTestMillis());
            String group = String.format(Locale.ROOT, "slice %d/%d · test %s · wall %s%s", index, count,
                    SliceShare.seconds(s.testMillis()), SliceShare.seconds(s.wallMillis()),
                    index == slowest ? " · slowest" : "");
            for (Lane lane : model.lanes()) {
                List<Bar> bars = new ArrayList<>();
                for (Bar bar : lane.bars()) {
                    longest = Math.max(longest, bar.kind() == RunModel.Kind.UNIT ? bar.millis() : 0);
                    bars.add(new Bar(bar.kind(), bar.startMillis(), bar.endMillis(), bar.label(), offset(bar.unitId(), index),
                            bar.tests(), bar.outcome(), bar.millis(), bar.expectedMillis(), offset(bar.restOf(), index),
                            bar.rerun(), bar.note(), bar.critical() && index == slowest));
                }
                lanes.add(new Lane(laneId(index, lane.id()), lane.spec(), group, lane.host(), lane.platform(),
                        lane.idleMillis(), lane.last() && index == slowest, bars));
            }
        }
        RunModel slowestRun = runs.get(slowest);
        long ideal = Math.max(workers == 0 ? 0 : totalTest / workers, longest) + startup;
        RunModel.Summary summary = new RunModel.Summary(wall, workers, totalTest, ideal,
                wall == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * ideal / wall)), startup, firstTest,
                slowestRun == null || slowestRun.summary().criticalWorker() == null ? null
                        : laneId(slowest, slowestRun.summary().criticalWorker()),
                slowestRun == null ? null : slowestRun.summary().criticalLabel(),
                slowestRun != null && slowestRun.summary().bounded());
        String header = String.format(Locale.ROOT, "%s · %d slices · slowest: slice %d/%d, %s of tests against %s"
                + " a slice on average (imbalance %+d %%)", title, count, slowest, count, SliceShare.seconds(slowestMillis),
                SliceShare.seconds(Math.round(mean)), imbalance);
        return RunModel.of(header, summary, lanes);
    }

    /** {@code s2·gw0}: the lane of worker {@code gw0} in slice 2. */
    static String laneId(int slice, String id) {
        return "s" + slice + "·" + id;
    }

    private static int offset(int unitId, int slice) {
        return unitId < 0 ? unitId : slice * IDS_PER_SLICE + unitId;
    }
}
