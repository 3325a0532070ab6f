package io.distest.maven.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WorkerRampTest {
    private static final double MIN_SECONDS = 3;

    /** bench/work/trivial (4,800 tests, 120 classes) on one cold worker without a history: each class's time. */
    private static final long[] TRIVIAL_CLASSES = {398, 129, 182, 136, 95, 96, 46, 53, 62, 67, 38, 37, 55, 58, 55, 54,
        77, 43, 30, 32, 36, 57, 46, 35, 47, 51, 55, 51, 50, 41, 42, 60, 54, 41, 52, 58, 42, 40, 41, 35, 42, 32, 35, 44,
        34, 33, 32, 31, 36, 34, 32, 35, 27, 24, 31, 28, 26, 27, 27, 27, 29, 26, 25, 34, 24, 23, 28, 24, 25, 25, 26, 25,
        27, 24, 27, 25, 46, 25, 28, 27, 26, 25, 23, 24, 25, 32, 27, 36, 25, 27, 25, 20, 26, 23, 49, 62, 77, 62, 55, 47,
        41, 34, 40, 40, 21, 25, 25, 27, 31, 29, 22, 25, 24, 27, 29, 12, 16, 13, 16, 13};

    @Test
    void aShortSuiteOfTrivialClassesKeepsItsSecondWorkerWaitingToTheEnd() {
        WorkerRamp ramp = new WorkerRamp(1, MIN_SECONDS);
        long since = 600; // the first test came some time after the worker was ready
        for (int done = 0; done < TRIVIAL_CLASSES.length; done++) {
            long millis = TRIVIAL_CLASSES[done];
            assertEquals(0, ramp.release(1, TRIVIAL_CLASSES.length - 1 - done, 10, since),
                    "class " + done + ", " + since + " ms in: 5.1 s of tests in all");
            ramp.unitFinished(millis, millis * 5 / 4); // a cold JVM compiles beside its test thread
            since += millis + 5;
        }
        assertEquals(1, ramp.held());
    }

    @Test
    void aLongSuiteOfBusyClassesStartsEveryHeldWorkerOnceAFewClassesTellItsSize() {
        WorkerRamp ramp = new WorkerRamp(3, MIN_SECONDS);
        ramp.unitFinished(1_400, 1_900);
        ramp.unitFinished(500, 520);
        ramp.unitFinished(450, 470);
        assertEquals(0, ramp.release(1, 197, 100, 2_350), "three classes, 2.4 s in: not judged yet");
        ramp.unitFinished(480, 500);

        assertEquals(3, ramp.release(1, 196, 100, 2_830), "196 classes of about 0.5 s wait: 97 s even if cold");
        assertEquals(0, ramp.held());
        assertEquals(0, ramp.release(4, 190, 100, 5_000), "none left to start");
    }

    @Test
    void aSuiteOfWaitingClassesStartsItsWorkersAfterAFewClassesAsTheyRunNoSlowerCold() {
        WorkerRamp ramp = new WorkerRamp(3, MIN_SECONDS);
        for (int i = 0; i < 4; i++) {
            ramp.unitFinished(i == 0 ? 1_000 : 560, 40); // Thread.sleep: the JVM is idle
        }

        assertEquals(3, ramp.release(1, 28, 100, 2_700), "28 classes of 0.56 s: 18 s of tests");
    }

    @Test
    void busyClassesWhoseTimeHoldsAsTheJvmWarmsStartTheNextWorkerOnceTheColdAllowanceFades() {
        WorkerRamp ramp = new WorkerRamp(1, MIN_SECONDS);
        for (int i = 0; i < 4; i++) {
            ramp.unitFinished(120, 150);
        }
        assertEquals(0, ramp.release(1, 96, 20, 500), "11.5 s if these were warm, but a cold JVM's may be 4 x slower");
        for (int i = 4; i < 40; i++) {
            ramp.unitFinished(120, 150);
        }

        assertEquals(1, ramp.release(1, 60, 20, 9_000), "still 120 ms a class 9 s in: about 9 s of tests");
    }

    @Test
    void aLongClassRunningAloneStartsAWorkerForTheClassWaitingBehindIt() {
        WorkerRamp ramp = new WorkerRamp(1, MIN_SECONDS);
        assertEquals(0, ramp.release(1, 1, 2_000, 2_000), "before the minimum nothing is judged");
        assertEquals(0, ramp.release(1, 1, 3_000, 3_000), "3 s running, the one waiting may be a cold JVM's slowness");

        assertEquals(1, ramp.release(1, 1, 4_500, 4_500), "4.5 s running and one class of its kind waiting");
    }

    @Test
    void aLongClassAfterManyShortOnesStartsTheNextWorkerOnceItsOwnTimeTellsSo() {
        WorkerRamp ramp = new WorkerRamp(1, MIN_SECONDS);
        for (int i = 0; i < 100; i++) {
            ramp.unitFinished(10, 12);
        }
        assertEquals(0, ramp.release(1, 1, 3_000, 4_000), "1 s finished, 3 s running, one short class waiting");

        assertEquals(1, ramp.release(1, 1, 5_000, 6_000), "the running class alone now holds two workers' minimum");
    }

    @Test
    void nothingStartsWhenNoUnitWaitsOrNoneIsHeld() {
        WorkerRamp none = new WorkerRamp(0, MIN_SECONDS);
        assertEquals(0, none.release(1, 500, 60_000, 60_000));
        WorkerRamp ramp = new WorkerRamp(2, MIN_SECONDS);
        assertEquals(0, ramp.release(1, 0, 60_000, 60_000), "the last class runs: a new JVM would get nothing");
    }

    @Test
    void whenNoStartedWorkerIsLeftEveryHeldOneStarts() {
        WorkerRamp ramp = new WorkerRamp(2, MIN_SECONDS);

        assertEquals(2, ramp.releaseAll());
        assertEquals(0, ramp.held());
    }

    @Test
    void aRampNeedsAPositiveMinimum() {
        assertThrows(IllegalArgumentException.class, () -> new WorkerRamp(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new WorkerRamp(-1, 3));
    }
}
