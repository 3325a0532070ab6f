package io.distest.maven.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.run.RunHarness;
import io.distest.maven.run.WorkerServerProcess;
import io.distest.maven.tx.Transport;
import io.distest.shared.Quietly;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session attached ahead of its run, against a real {@code serve}: taken when it is there, replaced when not. */
class ServerClientTest {
    private static final String TOKEN = "s3cret";

    @TempDir
    Path root;

    private WorkerServerProcess server;
    private ServerClient.Connector connector;

    @BeforeEach
    void serve() throws Exception {
        server = new WorkerServerProcess(RunHarness.workerJar(), root, TOKEN);
        connector = new SocketEndpoint(new Transport.Socket("127.0.0.1", server.port), TOKEN).start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aRunSyncsOnTheSessionAttachedAheadAndItsWorkerConnections() throws Exception {
        AttachedAhead ahead = AttachedAhead.attach(connector, TOKEN, "the server", 2);
        try (ServerClient client = new ServerClient(connector, TOKEN, ahead, "the server")) {
            ServerClient.SyncStats stats = client.attachAndSync(List.of(), List.of(), null, 2, List.of());

            assertTrue(stats.attachedAhead());
            assertNotNull(client.facts());
        }
    }

    @Test
    void aRunWhoseSessionAttachedAheadWasDroppedAttachesAFreshOne() throws Exception {
        AttachedAhead ahead = AttachedAhead.attach(connector, TOKEN, "the server", 1);
        Quietly.close(ahead.control().channel()); // as the far side does to a connection idle for 10 minutes
        try (ServerClient client = new ServerClient(connector, TOKEN, ahead, "the server")) {
            ServerClient.SyncStats stats = client.attachAndSync(List.of(), List.of(), null, 1, List.of());

            assertFalse(stats.attachedAhead());
            assertEquals(0, stats.manifestFiles());
            assertNotNull(client.facts());
        }
    }
}
