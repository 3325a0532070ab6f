package io.distest.maven.run;

import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in build for {@link FaultsTest}: runs slow fixtures on two workers until it is killed. The second
 * argument, if any, is the tx spec (default {@code 2*popen}).
 */
public final class KilledBuildMain {
    private KilledBuildMain() {}

    public static void main(String[] args) throws Exception {
        RunHarness harness = new RunHarness(Path.of(args[0]));
        harness.run(List.of(args.length > 1 ? args[1] : "2*popen"), "SleepsLongFixture", "SleepsLong2Fixture");
    }
}
