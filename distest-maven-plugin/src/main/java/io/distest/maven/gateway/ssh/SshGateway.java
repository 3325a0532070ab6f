package io.distest.maven.gateway.ssh;

import io.distest.maven.gateway.RemoteGateway;
import io.distest.maven.settings.RunRequest;
import io.distest.maven.tx.Transport;
import io.distest.maven.tx.TxSpec;
import org.apache.maven.plugin.logging.Log;

/** The gateway of an ssh tx spec: a {@link RemoteGateway} whose worker server is started over ssh. */
public final class SshGateway {
    private SshGateway() {}

    /** On the connection started early for this spec (see {@link EarlySshStarts}), else on its own. */
    public static RemoteGateway of(TxSpec spec, Transport.Ssh address, RunRequest request, String runToken, Log log) {
        SshOptions options = request.remote().ssh();
        RemoteGateway.Endpoint endpoint = EarlySshStarts.claim(spec, options, request.workerJar(), log)
                .orElseGet(() -> new SshEndpoint(spec, address, options, request.workerJar(), log));
        return new RemoteGateway(spec, request, runToken, log, endpoint);
    }
}
