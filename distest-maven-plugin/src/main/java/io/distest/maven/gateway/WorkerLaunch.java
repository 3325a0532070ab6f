package io.distest.maven.gateway;

import io.distest.maven.settings.JvmSettings;
import io.distest.maven.tx.TxSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One worker to start.
 *
 * @param workerId shown in output and reports, e.g. {@code gw1}
 * @param number the worker's index in the pool, from 0: usable for per-worker ports or schemas
 * @param spec the tx spec it comes from
 * @param connectTo {@code host:port} the worker connects back to
 * @param logFile where the worker JVM's own stdout/stderr go, kept for diagnosis
 */
public record WorkerLaunch(String workerId, int number, TxSpec spec, String connectTo, Path logFile) {
    /** Surefire's fork number for this worker: 1..N across the whole pool, the same for its replacements. */
    int forkNumber() {
        return number + 1;
    }

    /** The run's working directory with this worker's fork number in it (where the setting names one). */
    Path workingDirectory(JvmSettings jvm) {
        return ForkNumber.replaceIn(jvm.workingDirectory(), forkNumber());
    }

    /** The environment variables the run adds, their values with this worker's fork number, as Surefire does. */
    Map<String, String> environment(JvmSettings jvm) {
        Map<String, String> environment = new LinkedHashMap<>();
        jvm.environment().forEach((name, value) -> environment.put(name, ForkNumber.replaceIn(value, forkNumber())));
        return environment;
    }
}
