package io.distest.maven.failsafe;

import io.distest.maven.tx.Transport;
import io.distest.maven.tx.TxSpec;
import io.distest.maven.tx.TxSpecs;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where integration tests run. They usually talk to services that {@code pre-integration-test} started on the build
 * machine ({@code localhost:8080}); on a remote gateway {@code localhost} is another machine, and such a test would
 * fail for no visible reason. So remote tx specs (ssh, socket, exec) are replaced by as many local workers, and the
 * log says so, unless remote integration tests are asked for; then the log warns what {@code localhost} means there.
 *
 * @param specs the tx specs the integration tests run on
 * @param note what the log says about the choice, or {@code null} when every spec is local
 */
public record IntegrationTestGateways(List<TxSpec> specs, String note) {

    /**
     * @param specs the tx specs asked for
     * @param remote run on remote gateways as asked ({@code distest.remoteIntegrationTests})
     */
    public static IntegrationTestGateways of(List<TxSpec> specs, boolean remote) {
        List<TxSpec> remoteSpecs = specs.stream().filter(s -> !(s.transport() instanceof Transport.Popen)).toList();
        if (remoteSpecs.isEmpty()) {
            return new IntegrationTestGateways(specs, null);
        }
        String remoteText = remoteSpecs.stream().map(TxSpec::text).collect(Collectors.joining(", "));
        if (remote) {
            return new IntegrationTestGateways(specs, "integration tests run on " + remoteText + " as asked"
                    + " (distest.remoteIntegrationTests): there, localhost is that machine, not this one; a service"
                    + " started in pre-integration-test must be reached by this machine's address");
        }
        List<TxSpec> local = specs.stream()
                .map(s -> s.transport() instanceof Transport.Popen ? s : TxSpecs.parse(s.count() + "*popen"))
                .toList();
        return new IntegrationTestGateways(local, "integration tests run on this machine ("
                + local.stream().map(TxSpec::text).collect(Collectors.joining(", ")) + ") instead of " + remoteText
                + ": services started in pre-integration-test listen on this machine's localhost, which a remote"
                + " worker cannot reach; -Ddistest.remoteIntegrationTests=true runs them remotely");
    }
}
