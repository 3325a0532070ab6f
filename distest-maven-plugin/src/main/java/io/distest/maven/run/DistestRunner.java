package io.distest.maven.run;

import io.distest.maven.schedule.LoadScheduling;
import io.distest.maven.tx.Transport;
import io.distest.maven.tx.TxSpec;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.surefire.api.suite.RunResult;

/** Runs one {@link RunRequest}: the plain entry point the mojo hands its settings to. */
public final class DistestRunner {
    /** Units a worker holds beyond the one it runs: enough to hide a round trip, few enough to strand little. */
    private static final int UNITS_AHEAD = 1;

    private final Log log;

    public DistestRunner(Log log) {
        this.log = log;
    }

    public RunSummary run(RunRequest request) throws DistestException {
        String token = newToken();
        Map<TxSpec, Gateway> gateways = new LinkedHashMap<>();
        for (TxSpec spec : request.specs()) {
            gateways.put(spec, gatewayFor(spec, request, token, log));
        }
        log.info(String.format("distest: %d test classes on %d workers (%s), dist=load", request.units().size(),
                request.workerCount(), request.specs().stream().map(TxSpec::text).collect(Collectors.joining(", "))));

        SurefireReporting reporting = new SurefireReporting(request.reports(), log, request.units());
        RunLoop loop = new RunLoop(request, log, reporting,
                new LoadScheduling(request.units(), request.workers().reuseForks() ? UNITS_AHEAD : 0), gateways,
                RunObserver.NONE);
        loop.run(token);
        RunResult result = reporting.finish();
        return new RunSummary(result.getCompletedCount(), result.getFailures(), result.getErrors(),
                result.getSkipped(), result.getFlakes(), loop.notRunReason());
    }

    private static Gateway gatewayFor(TxSpec spec, RunRequest request, String token, Log log) throws DistestException {
        if (spec.transport() instanceof Transport.Popen) {
            return new PopenGateway(request, token);
        }
        if (spec.transport() instanceof Transport.Socket socket) {
            String serverToken = request.remote().serverToken();
            if (serverToken == null || serverToken.isBlank()) {
                throw new DistestException("tx spec \"" + spec.text() + "\" needs the worker server's token: pass"
                        + " -Ddistest.token=… or set $DISTEST_TOKEN (`serve` prints it and keeps it in its server.token file)");
            }
            if (spec.chdir().isPresent()) {
                log.warn("distest: //chdir= is ignored for " + spec.text() + ": the server's --root decides where files go");
            }
            return new RemoteGateway(spec, request, token, log, new SocketEndpoint(socket, serverToken));
        }
        if (spec.transport() instanceof Transport.Ssh ssh) {
            return new RemoteGateway(spec, request, token, log,
                    new SshEndpoint(spec, ssh, request.remote().ssh(), request.workerJar(), log));
        }
        throw new IllegalStateException("no gateway for " + spec.transport());
    }

    /** A fresh secret per run: only our own workers can connect to the run's port. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
