package io.distest.maven.surefire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.distest.maven.tx.TxSpec;
import io.distest.maven.tx.TxSpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TxActivationTest {

    private static List<String> texts(List<TxSpec> specs) {
        return specs.stream().map(TxSpec::text).toList();
    }

    @Test
    void nothingConfiguredMeansNoGateways() {
        assertEquals(List.of(), TxActivation.specs(List.of(), null, null));
    }

    @Test
    void commandLineSpecsAddToConfiguredOnes() {
        assertEquals(List.of("2*popen", "popen//id=extra", "popen//java=/opt/jdk/bin/java"),
                texts(TxActivation.specs(List.of("2*popen", "popen//id=extra"), "popen//java=/opt/jdk/bin/java", null)));
    }

    @Test
    void workerCountAddsLocalWorkers() {
        assertEquals(List.of("popen", "3*popen"), texts(TxActivation.specs(List.of(), "popen", "3")));
    }

    @Test
    void aConfiguredEntryMayHoldSeveralSpecs() {
        assertEquals(List.of("2*popen", "popen//id=b"), texts(TxActivation.specs(List.of("2*popen,popen//id=b"), null, null)));
    }

    @Test
    void aMalformedCommandLineSpecFailsWithTheParsersMessage() {
        TxSpecException e = assertThrows(TxSpecException.class, () -> TxActivation.specs(List.of(), "3*popn", null));
        assertEquals(true, e.getMessage().contains("Invalid tx spec \"3*popn\""), e.getMessage());
    }

    @Test
    void aSliceAloneAsksForOneLocalWorkerPerCore() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(List.of(cores + "*popen"), texts(TxActivation.specs(List.of(), null, null, "2/4")));
    }

    @Test
    void aSliceRunsOnTheGatewaysAskedFor() {
        assertEquals(List.of("ssh=ci@build7"), texts(TxActivation.specs(List.of(), "ssh=ci@build7", null, "auto")));
    }

    @Test
    void sliceNoneAsksForNoWorkers() {
        assertEquals(List.of(), TxActivation.specs(List.of(), null, null, "none"));
    }
}
