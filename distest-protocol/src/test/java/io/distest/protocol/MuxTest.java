package io.distest.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two muxes joined by in-memory pipes, as the plugin and a far side's {@code serve --stdio} are by a command. */
class MuxTest {
    private final BlockingQueue<Mux.Channel> accepted = new LinkedBlockingQueue<>();
    private Mux client;
    private Mux server;

    @BeforeEach
    void join() throws IOException {
        PipedInputStream toServer = new PipedInputStream(1 << 16);
        PipedInputStream toClient = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(toServer);
        PipedOutputStream serverOut = new PipedOutputStream(toClient);
        client = new Mux(toClient, clientOut, () -> clientOut.close(), "server", null, 4).start();
        server = new Mux(toServer, serverOut, () -> serverOut.close(), "client", accepted::add, 2).start();
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void carriesEachChannelsBytesToItsOwnPeerBothWays() throws Exception {
        Mux.Channel a = client.open();
        Mux.Channel b = client.open();
        Mux.Channel farA = accepted.poll(5, TimeUnit.SECONDS);
        Mux.Channel farB = accepted.poll(5, TimeUnit.SECONDS);

        byte[] big = new byte[3 * Mux.MAX_DATA + 17];
        new Random(1).nextBytes(big);
        b.out().write("to b".getBytes());
        a.out().write(big);
        farB.out().write("from b".getBytes());

        assertArrayEquals(big, farA.in().readNBytes(big.length), "split into frames and joined again");
        assertEquals("to b", new String(farB.in().readNBytes(4)));
        assertEquals("from b", new String(b.in().readNBytes(6)));
    }

    @Test
    void closingAChannelEndsItsPeersStreamAndLeavesTheOthersOpen() throws Exception {
        Mux.Channel a = client.open();
        Mux.Channel b = client.open();
        Mux.Channel farA = accepted.poll(5, TimeUnit.SECONDS);
        Mux.Channel farB = accepted.poll(5, TimeUnit.SECONDS);

        a.out().write(1);
        a.close();
        assertEquals(1, farA.in().read(), "what was sent before the close still arrives");
        assertEquals(-1, farA.in().read());
        assertThrows(IOException.class, () -> farA.out().write(2), "writing to a closed channel fails");

        farB.out().write(3);
        assertEquals(3, b.in().read());
    }

    @Test
    void refusesChannelsBeyondItsLimit() throws Exception {
        client.open();
        client.open();
        Mux.Channel third = client.open();
        assertEquals(-1, third.in().read(), "the far side closed the channel it has no room for");
        assertEquals(2, accepted.size());
    }

    @Test
    void endsEveryChannelWithTheCauseWhenThePipeEnds() throws Exception {
        Mux.Channel a = client.open();
        accepted.poll(5, TimeUnit.SECONDS);
        server.close();

        IOException e = assertThrows(IOException.class, () -> a.in().read());
        assertTrue(e.getMessage().contains("server closed the stream"), e.getMessage());
        assertTrue(client.ended().get(5, TimeUnit.SECONDS) != null);
        assertThrows(IOException.class, client::open);
    }

    @Test
    void treatsAnOversizedFrameAsAProtocolError() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream frames = new DataOutputStream(bytes);
        frames.writeInt(1);
        frames.writeInt(Mux.MAX_DATA + 1);
        Mux mux = new Mux(new ByteArrayInputStream(bytes.toByteArray()), new ByteArrayOutputStream(), () -> { },
                "peer", null, 1).start();

        IOException why = mux.ended().get(5, TimeUnit.SECONDS);
        assertTrue(why instanceof ProtocolException, String.valueOf(why));
        assertTrue(why.getMessage().contains("outside 0.." + Mux.MAX_DATA), why.getMessage());
    }
}
