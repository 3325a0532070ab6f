package io.distest.maven.gateway;

import io.distest.protocol.Mux;
import java.io.FilterInputStream;
import java.io.IOException;
import java.util.List;

/**
 * A far side's {@code serve --stdio} behind one command: each {@link #open()} is a new connection to that server,
 * carried as a {@link Mux} channel over the command's standard input and output.
 */
public final class StdioLink implements ServerClient.Connector, AutoCloseable {
    private final FarCommand command;
    private final Mux mux;

    StdioLink(FarCommand command, Mux mux) {
        this.command = command;
        this.mux = mux;
    }

    @Override
    public Duplex open() throws IOException {
        Mux.Channel channel = mux.open();
        return new Duplex(new FilterInputStream(channel.in()) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw ended(e);
                }
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                try {
                    return super.read(bytes, offset, length);
                } catch (IOException e) {
                    throw ended(e);
                }
            }
        }, channel.out(), channel);
    }

    /** When the pipe broke because the command ended, says how it ended and what it last said on standard error. */
    private IOException ended(IOException e) {
        if (mux.isOpen()) {
            return e; // only this channel ended
        }
        String exit = command.describeExit(2_000);
        List<String> stderr = command.stderrTail(1_000).strip().lines().toList();
        String last = stderr.isEmpty() ? "" : "; its standard error ends with:\n"
                + String.join("\n", stderr.subList(Math.max(0, stderr.size() - 5), stderr.size()));
        return new IOException("the command " + command.describe()
                + (exit.equals("still running") ? " closed its output" : " ended (" + exit + ")") + last, e);
    }

    /** Whether the command still runs and frames still flow. */
    public boolean isAlive() {
        return mux.isOpen() && command.isAlive();
    }

    @Override
    public void close() {
        command.close();
        mux.close();
    }
}
