package io.distest.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ThreadsTest {

    @Test
    void startsANamedDaemonThread() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        Thread thread = Threads.start(ran::countDown, "distest-test");
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        assertEquals("distest-test", thread.getName());
        assertTrue(thread.isDaemon());
    }

    @Test
    void anUnstartedThreadAndAnExecutorsThreadsAreNamedDaemonsToo() {
        Thread hook = Threads.unstarted(() -> { }, "distest-hook");
        Thread pooled = Threads.named("distest-timer").newThread(() -> { });
        for (Thread thread : List.of(hook, pooled)) {
            assertTrue(thread.isDaemon(), thread.getName());
            assertFalse(thread.isAlive(), thread.getName());
        }
        assertEquals(List.of("distest-hook", "distest-timer"), List.of(hook.getName(), pooled.getName()));
    }

    @Test
    void noOtherMainFileOfAnyModuleMakesAThread() throws IOException {
        List<String> found = new ArrayList<>();
        int read = 0;
        try (Stream<Path> files = Files.walk(Path.of(".."), 20)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                    .filter(f -> !f.toString().contains("/target/") && !f.endsWith("shared/Threads.java")).toList()) {
                String code = Files.readString(file);
                read++;
                if (code.contains("new Thread(") || code.contains("Thread.ofPlatform(") || code.contains("Thread.ofVirtual(")) {
                    found.add(file.toString());
                }
            }
        }
        assertTrue(read > 200, "the modules' main files were not found from " + Path.of("..").toAbsolutePath());
        assertEquals(List.of(), found, "start threads with " + Threads.class.getName());
    }
}
