package io.distest.maven.gateway;

import io.distest.maven.settings.SyncSettings;
import io.distest.maven.settings.WorkerSetup;
import io.distest.maven.tx.Transport;
import io.distest.maven.tx.TxSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.maven.plugin.logging.Log;

/**
 * {@code [N*]exec=COMMAND}: one command carries all N workers of the spec, multiplexed over its pipe; with
 * {@code {i}} in the command, each worker gets its own command (its index, 0 to N-1, in place of {@code {i}}).
 * Each command is a {@link RemoteGateway} of its own (its own session and sync). A command that has ended takes
 * its workers with it (the run reschedules their tests); a replacement worker then gets a new command.
 */
public final class ExecGateway implements Gateway {
    private final TxSpec spec;
    private final WorkerSetup setup;
    private final SyncSettings sync;
    private final String runToken;
    private final Log log;
    private final Transport.Exec exec;
    private final List<Pipe> pipes = new ArrayList<>();
    private final Map<String, Integer> indexOfWorker = new HashMap<>();

    public ExecGateway(TxSpec spec, WorkerSetup setup, SyncSettings sync, String runToken, Log log) {
        this.spec = spec;
        this.setup = setup;
        this.sync = sync;
        this.runToken = runToken;
        this.log = log;
        this.exec = (Transport.Exec) spec.transport();
        int count = exec.perWorker() ? spec.count() : 1;
        for (int i = 0; i < count; i++) {
            pipes.add(new Pipe(i));
        }
    }

    /** Starts every command and syncs through each at once (which pipe a worker takes is known only at its spawn). */
    @Override
    public void open(List<WorkerLaunch> firstWorkers) throws IOException {
        List<CompletableFuture<Void>> opening = new ArrayList<>();
        for (Pipe pipe : pipes) {
            opening.add(CompletableFuture.runAsync(() -> {
                try {
                    pipe.connect();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        for (CompletableFuture<Void> future : opening) {
            try {
                future.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
                throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
            }
        }
    }

    @Override
    public SpawnedWorker spawn(WorkerLaunch launch) throws IOException {
        return pipeOf(launch.workerId()).spawn(launch);
    }

    /** A worker keeps its pipe (its {@code {i}}) across restarts. */
    private synchronized Pipe pipeOf(String workerId) {
        int index = indexOfWorker.computeIfAbsent(workerId, id -> indexOfWorker.size() % pipes.size());
        return pipes.get(index);
    }

    @Override
    public void close() {
        pipes.forEach(Pipe::close);
    }

    /** One command and the gateway speaking through it. */
    private final class Pipe {
        private final int index;
        private ExecEndpoint endpoint;
        private RemoteGateway gateway;

        Pipe(int index) {
            this.index = index;
        }

        synchronized void connect() throws IOException {
            endpoint = new ExecEndpoint(spec, exec.wordsFor(index), setup.workerJar(), log);
            gateway = new RemoteGateway(spec, setup, sync, runToken, log, endpoint);
            try {
                gateway.open(List.of());
            } catch (IOException | RuntimeException e) {
                gateway.close();
                throw e;
            }
        }

        synchronized SpawnedWorker spawn(WorkerLaunch launch) throws IOException {
            if (!endpoint.isAlive()) {
                log.warn("distest: " + endpoint.describe() + " (tx spec \"" + spec.text() + "\") has ended;"
                        + " starting it again for worker " + launch.workerId());
                gateway.close();
                connect();
            }
            return gateway.spawn(launch);
        }

        synchronized void close() {
            if (gateway != null) {
                gateway.close();
            }
        }
    }
}
