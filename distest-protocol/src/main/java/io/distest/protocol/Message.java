package io.distest.protocol;

/**
 * Every message spoken between the plugin and a worker. Dispatch on it with a pattern {@code switch}.
 *
 * <p>Worker to plugin: {@link Hello}, {@link TestStarted}, {@link TestOutput}, {@link TestFinished},
 * {@link UnitFinished}. Plugin to worker: {@link Refused}, {@link Configure}, {@link RunUnit}, {@link Shutdown}.
 */
public sealed interface Message
        permits Hello, Refused, Configure, RunUnit, Shutdown, TestStarted, TestOutput, TestFinished, UnitFinished {}
