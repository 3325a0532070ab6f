package io.distest.maven.run;

import io.distest.maven.tx.TxSpec;
import java.nio.file.Path;

/**
 * One worker to start.
 *
 * @param workerId shown in output and reports, e.g. {@code gw1}
 * @param number the worker's index in the pool, from 0: usable for per-worker ports or schemas
 * @param spec the tx spec it comes from
 * @param connectTo {@code host:port} the worker connects back to
 * @param logFile where the worker JVM's own stdout/stderr go, kept for diagnosis
 */
record WorkerLaunch(String workerId, int number, TxSpec spec, String connectTo, Path logFile) {}
