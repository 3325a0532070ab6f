package io.distest.maven.parameter;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Every user-facing setting of distest's own, declared once: its property, its default and its range. The mojos'
 * {@code @Parameter} annotations (constants, so that the plugin descriptor and {@code distest:help} show them), the
 * early ssh start, the take-over, the classes that apply a default and every message read them from here, as
 * pytest-xdist declares each option once in {@code pytest_addoption}. The parameter itself (its name, type and
 * Javadoc) is the mojo's field. {@code SettingsDeclaredOnceTest} fails when a {@code distest.*} property literal or
 * one of these defaults is written in another main file, or a message names a property not declared here.
 * Surefire's and Failsafe's own settings ({@code argLine}, {@code surefire.timeout}, …) are declared as those
 * plugins declare them, in the mojo.
 */
public final class Parameters {
    /** Every property of distest's own starts so; none of them reaches the tests' system properties. */
    public static final String PREFIX = "distest.";

    // Gateways and how tests are spread over them

    /** Tx specs; on the command line a comma-separated list that adds to the POM's {@code <tx>}. */
    public static final String TX = "distest.tx";
    /** {@code N*popen} in short: a number, or {@code auto}. */
    public static final String N = "distest.n";
    public static final String DIST = "distest.dist";
    public static final String DIST_DEFAULT = "load";
    public static final String FALLBACK_TO_LOCAL = "distest.fallbackToLocal";
    public static final String FALLBACK_TO_LOCAL_DEFAULT = "false";
    public static final String REMOTE_INTEGRATION_TESTS = "distest.remoteIntegrationTests";
    public static final String REMOTE_INTEGRATION_TESTS_DEFAULT = "false";

    // Workers

    public static final String MAX_WORKER_RESTART = "distest.maxWorkerRestart";
    /** Without {@link #MAX_WORKER_RESTART}: this many replacements per requested worker. */
    public static final int MAX_WORKER_RESTART_PER_WORKER = 4;
    /** Seconds a test may run; 0: no limit. */
    public static final String TIMEOUT = "distest.timeout";
    public static final String TIMEOUT_DEFAULT = "0";
    public static final String START_TIMEOUT = "distest.startTimeout";
    public static final String START_TIMEOUT_DEFAULT = "60";
    public static final String WORKING_DIRECTORY = "distest.workingDirectory";
    public static final String WORKING_DIRECTORY_DEFAULT = "${basedir}";

    // Remote gateways

    public static final String RSYNC_DIRS = "distest.rsyncDirs";
    public static final String RSYNC_IGNORES = "distest.rsyncIgnores";
    /** The socket servers' token; else {@code $DISTEST_TOKEN}. A secret: never logged. */
    public static final String TOKEN = "distest.token";
    public static final String SSH_CONFIG = "distest.ssh.config";
    public static final String SSH_CONFIG_DEFAULT = "${user.home}/.ssh/config";
    public static final String SSH_KNOWN_HOSTS = "distest.ssh.knownHosts";
    public static final String SSH_KNOWN_HOSTS_DEFAULT = "${user.home}/.ssh/known_hosts";
    /** Private keys tried after the config's; without any, the usual {@code ~/.ssh/id_*} ({@code SshOptions}). */
    public static final String SSH_IDENTITIES = "distest.ssh.identities";
    public static final String SSH_ACCEPT_NEW_HOST_KEYS = "distest.ssh.acceptNewHostKeys";
    public static final String SSH_ACCEPT_NEW_HOST_KEYS_DEFAULT = "false";
    /** Seconds, from 0 to {@link #SSH_LINGER_MAX_SECONDS}. */
    public static final String SSH_LINGER = "distest.ssh.linger";
    public static final String SSH_LINGER_DEFAULT = "300";
    public static final long SSH_LINGER_MAX_SECONDS = 86_400;
    /** Command line only: {@code false} connects ssh gateways in the test phase, not beside the earlier ones. */
    public static final String SSH_EARLY = "distest.ssh.early";
    public static final String SSH_EARLY_DEFAULT = "true";
    /** Command line only: start local workers beside the module's earlier phases on the last build's launches. */
    public static final String POPEN_EARLY = "distest.popen.early";
    public static final String POPEN_EARLY_DEFAULT = "true";

    /**
     * The test goal's parameters the early ssh start reads from the POM before any mojo exists, by the names the
     * mojo's fields have ({@code SettingsDeclaredOnceTest} checks each against the plugin descriptor).
     */
    public static final String SSH_CONFIG_PARAMETER = "sshConfig";
    public static final String SSH_KNOWN_HOSTS_PARAMETER = "knownHosts";
    public static final String SSH_IDENTITIES_PARAMETER = "sshIdentities";
    public static final String SSH_ACCEPT_NEW_HOST_KEYS_PARAMETER = "acceptNewHostKeys";
    public static final String SSH_LINGER_PARAMETER = "sshLinger";

    // Reports

    public static final String REPORTS_DIRECTORY = "distest.reportsDirectory";
    public static final String REPORTS_DIRECTORY_DEFAULT = "${project.build.directory}/surefire-reports";
    public static final String TEST_CLASSES_DIRECTORY = "distest.testClassesDirectory";
    public static final String TEST_CLASSES_DIRECTORY_DEFAULT = "${project.build.testOutputDirectory}";
    public static final String TIMELINE = "distest.timeline";
    public static final String TIMELINE_DEFAULT = "true";

    // Speed

    /** {@code true}, {@code read} or {@code false}. */
    public static final String HISTORY = "distest.history";
    public static final String HISTORY_DEFAULT = "true";
    public static final String HISTORY_FILE = "distest.historyFile";
    public static final String HISTORY_FILE_DEFAULT = "${project.basedir}/.distest/durations.tsv";
    /** {@code auto} or {@code never}. */
    public static final String SPLIT_CLASSES = "distest.splitClasses";
    public static final String SPLIT_CLASSES_DEFAULT = "auto";
    public static final String NO_SPLIT = "distest.noSplit";
    /** Seconds, {@code >= 0}; 0 starts every worker. */
    public static final String MIN_TEST_SECONDS_PER_WORKER = "distest.minTestSecondsPerWorker";
    public static final String MIN_TEST_SECONDS_PER_WORKER_DEFAULT = "3";

    // Affected-test selection

    /** {@code true} runs only the test classes a change can affect. */
    public static final String AFFECTED = "distest.affected";
    public static final String AFFECTED_DEFAULT = "false";
    /** Builds, {@code >= 0}; 0: never run everything because of the count. */
    public static final String AFFECTED_FULL_RUN_EVERY = "distest.affected.fullRunEvery";
    public static final String AFFECTED_FULL_RUN_EVERY_DEFAULT = "0";

    // CI

    /** {@code K/N}, {@code auto} or {@code none}. */
    public static final String SLICE = "distest.slice";
    /** The merge goal's slice directories. */
    public static final String MERGE = "distest.merge";

    // Not settings: what distest tells the tests and writes into their reports

    /** A worker JVM's system property: its id ({@code gw0}); also a report property. */
    public static final String WORKER = "distest.worker";
    /** A worker JVM's system property: its number in the pool, from 0. */
    public static final String WORKER_NUMBER = "distest.worker.number";
    /** A report property: the host a worker ran on. */
    public static final String HOST = "distest.host";

    private Parameters() {}

    /** {@link #SSH_LINGER_DEFAULT} as a time. */
    public static Duration sshLingerDefault() {
        return Duration.ofSeconds(Long.parseLong(SSH_LINGER_DEFAULT));
    }

    /** {@link #MIN_TEST_SECONDS_PER_WORKER_DEFAULT} as a number. */
    public static double minTestSecondsPerWorkerDefault() {
        return Double.parseDouble(MIN_TEST_SECONDS_PER_WORKER_DEFAULT);
    }

    /** A default of the form {@code ${user.home}/…} as a path of this JVM's user, as Maven evaluates it. */
    public static Path inUserHome(String defaultValue) {
        String home = "${user.home}/";
        if (!defaultValue.startsWith(home)) {
            throw new IllegalArgumentException("not a default in the user's home: " + defaultValue);
        }
        return Path.of(System.getProperty("user.home"), defaultValue.substring(home.length()).split("/"));
    }
}
