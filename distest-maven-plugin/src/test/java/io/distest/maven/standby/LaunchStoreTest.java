package io.distest.maven.standby;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchStoreTest {
    @TempDir
    Path temp;

    @Test
    void launchesComeBackAsTheyWereKeptLineBreaksTabsAndBackslashesIncluded() throws Exception {
        LaunchStore store = new LaunchStore(temp);
        Path module = temp.resolve("module");
        List<StandbyLaunch> launches = List.of(launch("gw0", "-Dgit.commit.message=first line\nsecond\tline \\n"),
                launch("gw1", "-Dplain=1"));

        store.write(module, launches);

        assertEquals(launches, store.read(module));
        assertEquals(List.of(), store.read(temp.resolve("another-module")));
    }

    @Test
    void keepingNoLaunchesForgetsTheModulesLaunches() throws Exception {
        LaunchStore store = new LaunchStore(temp);
        Path module = temp.resolve("module");
        store.write(module, List.of(launch("gw0", "-ea")));

        store.write(module, List.of());

        assertEquals(List.of(), store.read(module));
    }

    @Test
    void aLaunchFileOthersCouldHaveWrittenIsNotRun() throws Exception {
        LaunchStore store = new LaunchStore(temp);
        Path module = temp.resolve("module");
        store.write(module, List.of(launch("gw0", "-ea")));
        Path file;
        try (Stream<Path> files = Files.list(temp)) {
            file = files.filter(f -> f.toString().endsWith(".launches")).findFirst().orElseThrow();
        }

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        assertEquals(List.of(), store.read(module), "a command line someone else could have planted");
    }

    private StandbyLaunch launch(String workerId, String arg) {
        return new StandbyLaunch("/usr/bin/java", List.of("-Ddistest.worker=" + workerId, arg, "-XX:SharedArchiveFile=/c/a.jsa"),
                List.of("/w/target/test-classes", "/m2/a b.jar"), workerId, List.of("SECRET", "OTHER"),
                Map.of("A", "x=y", "B", "line\nbreak"), Path.of("/w"), Path.of("/w/target/distest/" + workerId + ".log"),
                Path.of("/w/target/distest/" + workerId + ".args"), List.of("/w/target/test-classes"),
                List.of("-XX:SharedArchiveFile=/c/a.jsa"));
    }
}
