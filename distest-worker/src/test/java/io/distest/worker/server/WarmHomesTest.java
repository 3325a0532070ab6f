package io.distest.worker.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.protocol.SpawnWorker;
import io.distest.testing.Poll;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept home's standbys start one at a time, and only while the server runs nothing. */
class WarmHomesTest {
    @TempDir
    Path root;

    private final AtomicBoolean busy = new AtomicBoolean(true);
    private final WarmHomes homes = new WarmHomes(true, new PrintStream(new ByteArrayOutputStream()), busy::get);
    /** When each standby started, in nanoseconds, in order. */
    private final List<Long> starts = new ArrayList<>();

    @AfterEach
    void close() {
        homes.close();
    }

    @Test
    void standbysStartOneAtATimeOnceTheServerHasRunNothingForAWhile() throws Exception {
        WarmHomes.Home home = new WarmHomes.Home(Files.createDirectory(root.resolve("home")), Map.of());
        homes.keep("module", home, standbys("gw0", "gw1"));

        Thread.sleep(WarmHomes.QUIET.toMillis() + 500);
        assertEquals(List.of(), startTimes(), "nothing starts while the server runs a session's tests");

        long quiet = System.nanoTime();
        busy.set(false);
        Poll.until(Duration.ofSeconds(10), () -> home.standbys().size() == 2, () -> "both standbys: " + home.standbys());

        List<Long> times = startTimes();
        long sampling = Duration.ofMillis(100).toNanos(); // the server is looked at every 0.1 s
        assertTrue(times.get(0) - quiet >= WarmHomes.QUIET.toNanos() - sampling, "the first after the quiet time");
        assertTrue(times.get(1) - times.get(0) >= WarmHomes.PACE.toNanos(), "the second once the first had warmed");
    }

    @Test
    void aHomeTakenBeforeItsStandbysStartedGetsNoneAndTheyNeverStart() throws Exception {
        homes.keep("module", new WarmHomes.Home(Files.createDirectory(root.resolve("home")), Map.of()),
                standbys("gw0", "gw1"));

        WarmHomes.Home taken = homes.take("module");
        busy.set(false);
        Thread.sleep(WarmHomes.QUIET.toMillis() + WarmHomes.PACE.toMillis() + 500);

        assertNotNull(taken);
        assertEquals(Map.of(), taken.standbys());
        assertEquals(List.of(), startTimes(), "the next session starts its own workers");
    }

    private synchronized List<Long> startTimes() {
        return List.copyOf(starts);
    }

    private Map<String, WarmHomes.StandbyStart> standbys(String... ids) {
        Map<String, WarmHomes.StandbyStart> standbys = new LinkedHashMap<>();
        for (String id : ids) {
            standbys.put(id, () -> {
                synchronized (this) {
                    starts.add(System.nanoTime());
                }
                return new FarStandby(new SpawnWorker(id, "java", List.of(), List.of(), "project", Map.of(), "t"),
                        new TreeMap<>(), new ProcessBuilder("sleep", "60").start());
            });
        }
        return standbys;
    }
}
