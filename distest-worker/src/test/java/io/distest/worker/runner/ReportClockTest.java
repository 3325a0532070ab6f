package io.distest.worker.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReportClockTest {
    @Test
    void aSpanAcrossAMillisecondTickCountsOneMillisecondAsAMillisecondClockWould() {
        assertEquals(1, ReportClock.millisBetween(4_999_900L, 5_000_200L), "0.3 ms across the 5 ms tick");
        assertEquals(0, ReportClock.millisBetween(5_000_100L, 5_000_400L), "0.3 ms between two ticks");
    }

    @Test
    void subMillisecondSpansAverageToTheirTrueLengthInsteadOfZero() {
        long total = 0;
        for (long start = 0; start < 1_000_000L; start += 1_000L) { // 1,000 spans of 0.3 ms, starting evenly
            total += ReportClock.millisBetween(start, start + 300_000L);
        }
        assertEquals(300, total, "1,000 x 0.3 ms");
    }

    @Test
    void negativeNanoTimeReadingsAreCountedLikePositiveOnes() {
        assertEquals(1, ReportClock.millisBetween(-100L, 200L), "across the tick at zero");
        assertEquals(2, ReportClock.millisBetween(-1_500_000L, 500_000L));
        assertEquals(0, ReportClock.millisBetween(-900_000L, -100_000L));
    }

    @Test
    void longSpansKeepTheirWholeMilliseconds() {
        assertEquals(1234, ReportClock.millisBetween(10_000_000L, 1_244_000_000L));
    }
}
