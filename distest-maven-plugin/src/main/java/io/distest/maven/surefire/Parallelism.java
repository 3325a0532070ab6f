package io.distest.maven.surefire;

/**
 * Surefire's in-JVM parallel settings, as configured ({@code null}: not set). TestNG takes {@code parallel} and
 * {@code threadCount}; Surefire's JUnit 4.7 provider takes them all; on the JUnit Platform they mean nothing (the
 * workers are the parallelism).
 *
 * @param parallel {@code methods}, {@code classes}, {@code suites}, {@code both}, … or {@code none}
 * @param threadCount threads in all ({@code threadCount})
 * @param perCoreThreadCount whether thread counts are per CPU core ({@code perCoreThreadCount}, default true)
 * @param useUnlimitedThreads {@code useUnlimitedThreads}
 * @param threadCountSuites {@code threadCountSuites}
 * @param threadCountClasses {@code threadCountClasses}
 * @param threadCountMethods {@code threadCountMethods}
 * @param timeoutSeconds {@code parallelTestsTimeoutInSeconds}
 * @param forcedTimeoutSeconds {@code parallelTestsTimeoutForcedInSeconds}
 * @param optimized {@code parallelOptimized} (default true)
 */
public record Parallelism(String parallel, Integer threadCount, boolean perCoreThreadCount,
        boolean useUnlimitedThreads, int threadCountSuites, int threadCountClasses, int threadCountMethods,
        double timeoutSeconds, double forcedTimeoutSeconds, boolean optimized) {

    /** Only {@code parallel} and {@code threadCount}; everything else at Surefire's defaults. */
    public static Parallelism of(String parallel, Integer threadCount) {
        return new Parallelism(parallel, threadCount, true, false, 0, 0, 0, 0, 0, true);
    }

    /** Whether {@code parallel} is set (Surefire: not blank); {@code none} counts, as in Surefire. */
    public boolean selected() {
        return parallel != null && !parallel.trim().isEmpty();
    }

    /** Whether {@code parallel} asks for parallel runs: set, and not {@code none}. */
    boolean runsInParallel() {
        return selected() && !"none".equals(parallel.trim());
    }

    /** Whether anything beyond Surefire's defaults is set: worth a line when it cannot be honoured. */
    boolean tuned() {
        return useUnlimitedThreads || threadCountSuites != 0 || threadCountClasses != 0 || threadCountMethods != 0
                || timeoutSeconds != 0 || forcedTimeoutSeconds != 0;
    }
}
