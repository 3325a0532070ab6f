package io.distest.maven.run;

import java.io.Closeable;
import java.io.IOException;

/** Somewhere workers can be started: this machine, an ssh account, a socket server. One per tx spec. */
interface Gateway extends Closeable {

    /** Starts a worker JVM that connects back as {@code launch} says. */
    WorkerProcess spawn(WorkerLaunch launch) throws IOException;

    @Override
    void close();
}
