package io.distest.maven.run;

import io.distest.maven.schedule.TestUnit;
import io.distest.maven.settings.ProviderRun;
import io.distest.maven.settings.RunPolicy;
import io.distest.maven.settings.TestFilters;
import java.util.List;

/**
 * What the {@link RunLoop} reads: the units it starts from, its policy, and what it tells every worker.
 *
 * @param units the planned units; units the loop adds (re-runs, the rest of a lost unit) take ids after theirs
 * @param policy reuse, timeouts, re-runs, skipping after failures
 * @param filters tags, engines and configuration parameters each worker is configured with
 * @param provider the Surefire provider each worker runs the units through; {@code null}: the JUnit Platform
 */
record LoopSettings(List<TestUnit> units, RunPolicy policy, TestFilters filters, ProviderRun provider) {
    LoopSettings {
        units = List.copyOf(units);
    }

    /** The loop re-runs failures itself unless a Surefire provider runs the tests (it re-runs them, or not at all). */
    int ownReruns() {
        return provider == null ? policy.rerunFailingTestsCount() : 0;
    }
}
