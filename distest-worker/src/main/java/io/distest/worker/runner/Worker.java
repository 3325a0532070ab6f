package io.distest.worker.runner;

import io.distest.protocol.Configure;
import io.distest.protocol.Hello;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Protocol;
import io.distest.protocol.Refused;
import io.distest.protocol.Revoke;
import io.distest.protocol.Revoked;
import io.distest.protocol.RunUnit;
import io.distest.protocol.Shutdown;
import io.distest.protocol.UseProvider;
import io.distest.protocol.WorkerFacts;
import io.distest.shared.Threads;
import io.distest.shared.WorkerCommandLine;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One worker session: say hello, then run the units the plugin sends, one after another, until told to stop.
 * A reader thread takes messages off the wire so that a unit sent ahead waits in a queue, and so that a lost
 * plugin ends the worker even while a test hangs.
 */
public final class Worker {
    private final String workerId;
    private final String token;
    private final MessageChannel channel;
    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    private final PrintStream diagnostics = System.err;

    public Worker(String workerId, String token, InputStream in, OutputStream out, Closeable resource) {
        this.workerId = workerId;
        this.token = token;
        this.channel = new MessageChannel(in, out, resource);
    }

    /** Returns the process exit code. */
    public int run() throws IOException {
        OutputCapture capture = OutputCapture.install(channel);
        TimeoutWatchdog watchdog = new TimeoutWatchdog(channel);
        UnitRunner runner = new UnitRunner(channel, capture, watchdog);
        runner.prepare(); // before hello: a worker that says it is ready can run tests at once (no-op without JUnit)
        SurefireProviderRunner providerRunner = null;

        channel.send(new Hello(Protocol.VERSION, token, workerId, WorkerFacts.ofThisJvm()));
        Threads.start(this::readMessages, "distest-reader");
        Configure configure = new Configure(List.of(), List.of(), Map.of());
        while (true) {
            Message message;
            try {
                message = inbox.take();
            } catch (InterruptedException e) {
                return WorkerCommandLine.EXIT_CONNECTION_LOST;
            }
            if (message instanceof Configure c) {
                configure = c;
                watchdog.setTimeoutMillis(c.testTimeoutMillis());
            } else if (message instanceof UseProvider provider) {
                providerRunner = new SurefireProviderRunner(channel, capture, watchdog, provider, diagnostics);
            } else if (message instanceof RunUnit unit) {
                if (providerRunner != null) {
                    providerRunner.run(unit);
                } else {
                    runner.run(unit, configure);
                }
            } else if (message instanceof Shutdown) {
                runner.close();
                return 0;
            } else if (message instanceof Refused refused) {
                diagnostics.println("distest worker " + workerId + ": refused by the plugin: " + refused.reason());
                return WorkerCommandLine.EXIT_REFUSED;
            } else {
                diagnostics.println("distest worker " + workerId + ": unexpected message " + message);
            }
        }
    }

    private void readMessages() {
        try {
            while (true) {
                Message message = channel.receive();
                if (message instanceof Revoke revoke) {
                    giveBack(revoke);
                    continue;
                }
                inbox.put(message);
                if (message instanceof Shutdown) {
                    return; // the main loop exits cleanly; the plugin closes the connection after that
                }
            }
        } catch (EOFException e) {
            // The plugin went away (build ended, crashed or was killed): nothing may outlive it.
            diagnostics.println("distest worker " + workerId + ": the plugin closed the connection; exiting");
        } catch (IOException | InterruptedException e) {
            diagnostics.println("distest worker " + workerId + ": connection lost: " + e);
        }
        diagnostics.flush();
        Runtime.getRuntime().halt(WorkerCommandLine.EXIT_CONNECTION_LOST);
    }

    /**
     * Work stealing: a unit still waiting in the inbox is dropped and reported returned; one the main loop has
     * taken runs on. Answered here, on the reader thread, so that a long test does not delay the answer.
     */
    private void giveBack(Revoke revoke) throws IOException {
        boolean returned = inbox.removeIf(m -> m instanceof RunUnit unit && unit.unitId() == revoke.unitId());
        channel.send(new Revoked(revoke.unitId(), returned));
    }
}
