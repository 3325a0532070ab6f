package io.distest.maven.timeline;

import io.distest.maven.report.Efficiency;
import io.distest.maven.schedule.TestUnit;
import io.distest.maven.schedule.UnitPlanner.Plan;
import io.distest.protocol.UnitFinished;
import io.distest.protocol.WorkerFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** The observer fed by hand: which files a run leaves, and the figures they carry. */
class TimelineObserverTest {
    @TempDir
    Path temp;

    private long nanos;

    @Test
    void namesTheModelAfterThePage() {
        assertEquals(Path.of("t", "run.json"), TimelineObserver.jsonBeside(Path.of("t", "timeline.html")));
        assertEquals(Path.of("t", "run-it.json"), TimelineObserver.jsonBeside(Path.of("t", "timeline-it.html")));
        assertEquals(Path.of("t", "timeline-tx_1.html"), TimelineObserver.pageOfGroup(Path.of("t", "timeline.html"), "tx/1"));
    }

    @Test
    void writesOnePagePerPlatformForDistEachWithThatPlatformsOwnFigures() throws Exception {
        TestUnit onJdk17 = new TestUnit(0, "a.T", List.of(), List.of(), List.of(), List.of(), "tx1");
        TestUnit onJdk25 = new TestUnit(1, "a.T", List.of(), List.of(), List.of(), List.of(), "tx2");
        Efficiency run = Efficiency.of(3000, 2, List.of(new Efficiency.UnitRun("gw0", "a.T", 1000, 1500),
                new Efficiency.UnitRun("gw1", "a.T", 2000, 2500)), 400, 500);
        Map<String, Integer> groups = new LinkedHashMap<>();
        groups.put("tx1", 1);
        groups.put("tx2", 1);
        Path page = temp.resolve("timeline.html");
        TimelineObserver observer = new TimelineObserver(new SystemStreamLog(), page, "m", Plan.unchanged(List.of(onJdk17,
                onJdk25)), () -> run, groups, () -> nanos);

        observer.workerStarted("gw0", "popen//java=/jdk17/bin/java", "tx1");
        observer.workerStarted("gw1", "popen//java=/jdk25/bin/java", "tx2");
        nanos = 400_000_000L;
        observer.workerConnected("gw0", "tx1", 0, "popen", new WorkerFacts("17", "x", "Linux", "amd64", "h", 2, 1));
        observer.workerReady("gw0", 0.4);
        observer.workerReady("gw1", 0.4);
        observer.unitStarted("gw0", onJdk17);
        observer.unitStarted("gw1", onJdk25);
        nanos = 1_500_000_000L;
        observer.unitFinished("gw0", onJdk17, new UnitFinished(onJdk17.id(), 1000, null));
        nanos = 2_500_000_000L;
        observer.unitFinished("gw1", onJdk25, new UnitFinished(onJdk25.id(), 2000, null));
        observer.runFinished(3_000_000_000L);

        String json = Files.readString(temp.resolve("run.json"));
        assertTrue(json.contains("\"wallMillis\":3000,\"workers\":2,\"testMillis\":3000"), json);
        assertTrue(Files.readString(page).contains("[\"timeline-tx1.html\",\"timeline-tx2.html\"]"));
        String tx2 = Files.readString(temp.resolve("timeline-tx2.html"));
        assertTrue(tx2.contains("\"wallMillis\":2500,\"workers\":1,\"testMillis\":2000"), "its own figures:\n" + tx2);
        assertTrue(tx2.contains("\"id\":\"gw1\"") && !tx2.contains("\"id\":\"gw0\""), "its own lanes only");
        assertTrue(tx2.contains("[\"timeline.html\"]"), "links back to the whole run");
    }
}
