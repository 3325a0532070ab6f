package io.distest.maven.gateway;

import io.distest.protocol.MessageChannel;
import io.distest.protocol.WorkerExited;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A worker JVM on a far side; its server tells how it ended on the session's control connection. */
final class RemoteWorkerHandle implements WorkerHandle {
    private final String workerId;
    private final String host;
    private final MessageChannel channel;
    private final CompletableFuture<WorkerExited> exit;

    RemoteWorkerHandle(String workerId, String host, MessageChannel channel, CompletableFuture<WorkerExited> exit) {
        this.workerId = workerId;
        this.host = host;
        this.channel = channel;
        this.exit = exit;
    }

    @Override
    public String describeExit(long millis) {
        try {
            return exit.get(millis, TimeUnit.MILLISECONDS).exit();
        } catch (TimeoutException e) {
            return "still running";
        } catch (Exception e) {
            return "unknown exit";
        }
    }

    @Override
    public String tail(int lines) {
        WorkerExited exited = exit.getNow(null);
        if (exited == null) {
            return "(not known yet)";
        }
        String[] all = exited.outputTail().split("\n", -1);
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    @Override
    public String where() {
        return "on " + host + ", output in the session's .distest/" + workerId + ".log";
    }

    @Override
    public CompletableFuture<?> onExit() {
        return exit;
    }

    /** Closing the worker's connection ends it: the server kills a worker whose client is gone. */
    @Override
    public void destroy() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
