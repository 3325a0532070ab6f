package io.distest.protocol;

/**
 * Every message spoken between the plugin and a worker. Dispatch on it with a pattern {@code switch}.
 *
 * <p>Worker to plugin: {@link Hello}, {@link TestStarted}, {@link TestOutput}, {@link TestFinished},
 * {@link UnitFinished}. Plugin to worker: {@link Refused}, {@link Configure}, {@link RunUnit}, {@link Shutdown}.
 * Work stealing: {@link Revoke} (plugin to worker), answered by {@link Revoked}. Surefire providers:
 * {@link UseProvider} (plugin to worker), {@link ReportFile} (worker to plugin).
 *
 * <p>Plugin and worker server ({@code distest-worker.jar serve}): {@link Challenge}, {@link Attach},
 * {@link Attached} on every connection; then on the control connection {@link SyncManifest}, {@link SyncRequest}, {@link FileData},
 * {@link SyncDone} and later {@link WorkerExited}; on a worker connection {@link SpawnWorker}, after which the
 * connection carries that worker's messages.
 */
public sealed interface Message
        permits Hello, Refused, Configure, RunUnit, Shutdown, TestStarted, TestOutput, TestFinished, UnitFinished,
                Attach, Attached, SyncManifest, SyncRequest, FileData, SyncDone, SpawnWorker, WorkerExited, TestTimedOut,
                Revoke, Revoked, UseProvider, ReportFile, Challenge, UnitUsed {}
