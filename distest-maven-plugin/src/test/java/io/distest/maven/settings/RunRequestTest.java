package io.distest.maven.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distest.maven.schedule.TestUnit;
import io.distest.maven.tx.TxSpec;
import io.distest.maven.tx.TxSpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRequestTest {
    private static RunRequest request(String... specs) {
        return Requests.run(TxSpecs.parseAll(List.of(specs)), List.of(TestUnit.wholeClass(0, "A")), List.of(), null,
                null, null, null, null, null, null, null);
    }

    private static List<String> shape(RunRequest request) {
        return request.specs().stream().map(spec -> spec.count() + "x " + spec.text()).toList();
    }

    @Test
    void fewerWorkersDropTheLastSpecsWorkersFirst() {
        RunRequest mixed = request("2*popen", "2*ssh=ci@build7");

        assertEquals(List.of("2x 2*popen", "1x 2*ssh=ci@build7"), shape(mixed.withWorkerCount(3)));
        assertEquals(List.of("2x 2*popen"), shape(mixed.withWorkerCount(2)), "a spec left with no worker is not opened");
        assertEquals(List.of("1x 2*popen"), shape(mixed.withWorkerCount(1)));
        assertEquals(1, mixed.withWorkerCount(1).workerCount());
    }

    @Test
    void keepsEverythingButTheSpecs() {
        RunRequest request = request("4*popen");
        RunRequest fewer = request.withWorkerCount(2);

        assertEquals(request.units(), fewer.units());
        assertSame(request.speed(), fewer.speed());
        assertEquals(request.dist(), fewer.dist());
        TxSpec spec = fewer.specs().get(0);
        assertEquals("4*popen", spec.text(), "the spec is still named as the user wrote it");
        assertEquals(request.specs().get(0).withCount(2), spec);
    }

    @Test
    void allWorkersIsTheSameRequest() {
        RunRequest request = request("popen", "2*popen");
        assertEquals(request, request.withWorkerCount(3));
    }

    @Test
    void refusesACountOutsideOneToTheRequestedWorkers() {
        RunRequest request = request("2*popen");
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> request.withWorkerCount(0));
        assertTrue(zero.getMessage().contains("1..2") && zero.getMessage().contains("got 0"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> request.withWorkerCount(3));
    }
}
