package io.distest.maven.run;

import io.distest.maven.remote.Duplex;
import io.distest.protocol.Mux;
import java.io.IOException;

/**
 * A far side's {@code serve --stdio} behind one command: each {@link #open()} is a new connection to that server,
 * carried as a {@link Mux} channel over the command's standard input and output.
 */
final class StdioLink implements ServerClient.Connector, AutoCloseable {
    private final FarCommand command;
    private final Mux mux;

    StdioLink(FarCommand command, Mux mux) {
        this.command = command;
        this.mux = mux;
    }

    @Override
    public Duplex open() throws IOException {
        Mux.Channel channel = mux.open();
        return new Duplex(channel.in(), channel.out(), channel);
    }

    /** Whether the command still runs and frames still flow. */
    boolean isAlive() {
        return mux.isOpen() && command.isAlive();
    }

    @Override
    public void close() {
        command.close();
        mux.close();
    }
}
