package io.distest.maven.failsafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.tx.TxSpec;
import io.distest.maven.tx.TxSpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrationTestGatewaysTest {

    private static List<String> texts(List<TxSpec> specs) {
        return specs.stream().map(TxSpec::text).toList();
    }

    @Test
    void localWorkersRunIntegrationTestsAsAskedWithoutANote() {
        IntegrationTestGateways gateways = IntegrationTestGateways.of(TxSpecs.parseAll(List.of("2*popen")), false);
        assertEquals(List.of("2*popen"), texts(gateways.specs()));
        assertNull(gateways.note());
    }

    @Test
    void remoteGatewaysAreReplacedByAsManyLocalWorkersAndTheLogSaysWhy() {
        IntegrationTestGateways gateways = IntegrationTestGateways.of(
                TxSpecs.parseAll(List.of("popen", "3*ssh=ci@build7", "socket=10.1.2.3:8888")), false);
        assertEquals(List.of("popen", "3*popen", "1*popen"), texts(gateways.specs()));
        assertTrue(gateways.note().contains("instead of 3*ssh=ci@build7, socket=10.1.2.3:8888"), gateways.note());
        assertTrue(gateways.note().contains("localhost"), gateways.note());
        assertTrue(gateways.note().contains("-Ddistest.remoteIntegrationTests=true"), gateways.note());
    }

    @Test
    void remoteIntegrationTestsWhenAskedWithAWordOnLocalhost() {
        IntegrationTestGateways gateways = IntegrationTestGateways.of(TxSpecs.parseAll(List.of("2*ssh=build7")), true);
        assertEquals(List.of("2*ssh=build7"), texts(gateways.specs()));
        assertTrue(gateways.note().contains("localhost is that machine, not this one"), gateways.note());
    }
}
