package io.distest.maven;

import io.distest.maven.surefire.TestSettings;
import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test goals' parameters once Surefire's (or Failsafe's) configuration was inherited: the one immutable value
 * the mojo hands to {@link TestGoal}, grouped by what each part is for. Values are as Maven configured them
 * ({@code null}: not set); the parameters' meanings are documented where the mojo declares them.
 *
 * @param surefire the Surefire-named settings the translation reads (and the run's {@code rerunFailingTestsCount})
 */
record GoalSettings(Distribution distribution, Remote remote, Jvm jvm, Reports reports, Speed speed,
        Classpath classpath, TestSettings surefire) {

    /** Where the tests run and how the run treats its workers. */
    record Distribution(List<String> tx, String n, String dist, String slice, Integer maxWorkerRestart,
            int startTimeout, boolean fallbackToLocal, boolean reuseForks, int timeout,
            int forkedProcessTimeoutInSeconds, int skipAfterFailureCount) {
        Distribution {
            tx = frozen(tx);
        }
    }

    /** What ssh, socket and exec gateways need. */
    record Remote(List<String> rsyncDirs, List<String> rsyncIgnores, String token, File sshConfig, File knownHosts,
            List<File> sshIdentities, boolean acceptNewHostKeys, int sshLinger) {
        Remote {
            rsyncDirs = frozen(rsyncDirs);
            rsyncIgnores = frozen(rsyncIgnores);
            sshIdentities = frozen(sshIdentities);
        }

        @Override
        public String toString() { // never print the token
            return "Remote[rsyncDirs=" + rsyncDirs + ", sshConfig=" + sshConfig + "]";
        }
    }

    /** What the test JVMs get besides the translated argLine and system properties. */
    record Jvm(Map<String, String> environmentVariables, File workingDirectory,
            List<String> excludedEnvironmentVariables, List<String> includeJUnit5Engines,
            List<String> excludeJUnit5Engines) {
        Jvm {
            environmentVariables = environmentVariables == null ? null
                    : Collections.unmodifiableMap(new LinkedHashMap<>(environmentVariables));
            excludedEnvironmentVariables = frozen(excludedEnvironmentVariables);
            includeJUnit5Engines = frozen(includeJUnit5Engines);
            excludeJUnit5Engines = frozen(excludeJUnit5Engines);
        }
    }

    /** Where and how results are written. */
    record Reports(File reportsDirectory, boolean trimStackTrace, boolean redirectTestOutputToFile,
            String reportNameSuffix, boolean timeline) {}

    /** The durations history, class splitting and the affected-tests selection. */
    record Speed(String history, File historyFile, String splitClasses, double minTestSecondsPerWorker,
            List<String> noSplit, boolean affected, int affectedFullRunEvery) {
        Speed {
            noSplit = frozen(noSplit);
        }
    }

    /** What the test class path is made of, as Surefire's settings say. */
    record Classpath(File testClassesDirectory, File classesDirectory, String classpathDependencyScopeExclude,
            List<String> classpathDependencyExcludes, List<String> additionalClasspathElements) {
        Classpath {
            classpathDependencyExcludes = frozen(classpathDependencyExcludes);
            additionalClasspathElements = frozen(additionalClasspathElements);
        }
    }

    /** An unmodifiable copy; {@code null} (not set) and {@code null} entries stay, as Surefire reads them. */
    private static <T> List<T> frozen(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
