package io.distest.maven.gateway.ssh;

import io.distest.maven.gateway.RemoteGateway;
import io.distest.maven.settings.SyncSettings;
import io.distest.maven.settings.WorkerSetup;
import io.distest.maven.tx.Transport;
import io.distest.maven.tx.TxSpec;
import org.apache.maven.plugin.logging.Log;

/** The gateway of an ssh tx spec: a {@link RemoteGateway} whose worker server is started over ssh. */
public final class SshGateway {
    private SshGateway() {}

    /** On the connection started early for this spec (see {@link EarlySshStarts}), else on its own. */
    public static RemoteGateway of(TxSpec spec, Transport.Ssh address, WorkerSetup setup, SyncSettings sync,
            SshOptions options, String runToken, Log log) {
        RemoteGateway.Endpoint endpoint = EarlySshStarts.claim(spec, options, setup.workerJar(), log)
                .orElseGet(() -> new SshEndpoint(spec, address, options, setup.workerJar(), log));
        return new RemoteGateway(spec, setup, sync, runToken, log, endpoint);
    }
}
