package io.distest.maven;

import io.distest.maven.failsafe.FailsafeDefaults;
import io.distest.maven.surefire.SurefireSettings;
import io.distest.maven.surefire.SurefireTakeover;
import io.distest.maven.surefire.TestPlugin;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.codehaus.plexus.component.configurator.ComponentConfigurationException;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Gives a test goal the configuration of the Surefire (or Failsafe) execution it stands in for, as
 * {@link SurefireSettings} reads it, applied to the mojo's parameters of the same names with Maven's own
 * configurator; what is configured on distest itself stays.
 */
final class SurefireInheritance {
    private final TestMojo mojo;

    SurefireInheritance(TestMojo mojo) {
        this.mojo = mojo;
    }

    /**
     * Takes the settings of the Surefire execution this one stands in for (same id; {@code default-test} for the
     * command-line goal) that distest itself does not configure, applying them to this mojo as Maven would have.
     */
    SurefireSettings apply() throws MojoExecutionException {
        PluginParameterExpressionEvaluator evaluator =
                new PluginParameterExpressionEvaluator(mojo.session, mojo.mojoExecution);
        String executionId = mojo.mojoExecution.getExecutionId();
        Xpp3Dom own = SurefireSettings.modelConfiguration(mojo.project.getPlugin(SurefireTakeover.DISTEST), executionId);
        Set<String> ownSettings = SurefireSettings.ownSettings(own,
                mojo.mojoExecution.getMojoDescriptor().getParameters(), evaluator);
        if (mojo.plugin() == TestPlugin.FAILSAFE) {
            FailsafeDefaults defaults = FailsafeDefaults.of(ownSettings, evaluator);
            configure(defaults.values(), evaluator, "Failsafe's defaults");
            defaults.unset().forEach(this::unset);
        }
        SurefireSettings settings = SurefireSettings.read(mojo.project, mojo.plugin(), executionId, own, ownSettings,
                evaluator);
        configure(settings.inherited(), evaluator, settings.source());
        if (mojo.plugin() == TestPlugin.FAILSAFE && !ownSettings.contains("classesDirectory")
                && !settings.inheritedNames().contains("classesDirectory")) {
            mojo.classesDirectory = FailsafeDefaults.mainClasses(mojo.project.getArtifact().getFile(),
                    mojo.classesDirectory);
        }
        return settings;
    }

    private void configure(Xpp3Dom configuration, PluginParameterExpressionEvaluator evaluator, String source)
            throws MojoExecutionException {
        if (configuration.getChildCount() == 0) {
            return;
        }
        try {
            mojo.configurator.configureComponent(mojo, new XmlPlexusConfiguration(configuration), evaluator,
                    mojo.mojoExecution.getMojoDescriptor().getPluginDescriptor().getClassRealm());
        } catch (ComponentConfigurationException e) {
            throw new MojoExecutionException("distest cannot take over " + source + ": " + e.getMessage(), e);
        }
    }

    /** Drops a value that Surefire's property gave a parameter Failsafe leaves unset (see {@link FailsafeDefaults}). */
    private void unset(String parameter) {
        switch (parameter) {
            case "test" -> mojo.test = null;
            case "includes" -> mojo.includes = null;
            case "excludes" -> mojo.excludes = null;
            case "includesFile" -> mojo.includesFile = null;
            case "excludesFile" -> mojo.excludesFile = null;
            case "systemPropertiesFile" -> mojo.systemPropertiesFile = null;
            case "suiteXmlFiles" -> mojo.suiteXmlFiles = null;
            case "excludedEnvironmentVariables" -> mojo.excludedEnvironmentVariables = null;
            case "includeJUnit5Engines" -> mojo.includeJUnit5Engines = null;
            case "excludeJUnit5Engines" -> mojo.excludeJUnit5Engines = null;
            default -> throw new IllegalArgumentException("no nullable parameter " + parameter);
        }
    }
}
