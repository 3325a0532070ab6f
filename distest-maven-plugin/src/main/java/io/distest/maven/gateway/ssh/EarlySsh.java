package io.distest.maven.gateway.ssh;

import io.distest.maven.parameter.EarlyStart;
import io.distest.maven.parameter.Parameters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What the take-over needs to start ssh gateways before the test phase (see
 * {@link EarlySshStarts}): whether this build will run tests at all, and the ssh options
 * the mojo will compute from the same configuration. A start whose options turn out different is simply not used.
 */
public final class EarlySsh {
    private EarlySsh() {}

    /** Whether this session's goals reach distest's tests, and nobody asked to skip them or to connect late. */
    public static boolean wanted(MavenSession session) {
        return wanted(session.getUserProperties(), session.getGoals());
    }

    static boolean wanted(Properties user, List<String> goals) {
        return EarlyStart.wanted(user, goals, Parameters.SSH_EARLY, Parameters.SSH_EARLY_DEFAULT);
    }

    /**
     * The ssh options {@code distest:test} will use: each setting from the plugin's configuration, else from its
     * property (user, then system, then project properties, as Maven resolves a parameter's property), else the
     * default; names, properties and defaults as {@link Parameters} declares them. Relative paths are resolved
     * against the module's directory, as Maven does for file parameters.
     */
    public static SshOptions options(MavenProject project, Xpp3Dom configuration, MavenSession session) {
        return options(project.getBasedir().toPath(), configuration,
                List.of(session.getUserProperties(), session.getSystemProperties(), project.getProperties()));
    }

    /** @param properties where a setting's property is looked up, in order */
    static SshOptions options(Path basedir, Xpp3Dom configuration, List<Properties> properties) {
        String config = setting(configuration, Parameters.SSH_CONFIG_PARAMETER, Parameters.SSH_CONFIG, properties);
        String knownHosts = setting(configuration, Parameters.SSH_KNOWN_HOSTS_PARAMETER, Parameters.SSH_KNOWN_HOSTS,
                properties);
        String accept = setting(configuration, Parameters.SSH_ACCEPT_NEW_HOST_KEYS_PARAMETER,
                Parameters.SSH_ACCEPT_NEW_HOST_KEYS, properties);
        String linger = setting(configuration, Parameters.SSH_LINGER_PARAMETER, Parameters.SSH_LINGER, properties);
        return SshOptions.of(config == null ? null : path(basedir, config),
                knownHosts == null ? null : path(basedir, knownHosts), identities(configuration, basedir, properties),
                Boolean.parseBoolean(accept == null ? Parameters.SSH_ACCEPT_NEW_HOST_KEYS_DEFAULT : accept.trim()),
                linger == null ? null : Duration.ofSeconds(Long.parseLong(linger.trim())));
    }

    private static List<Path> identities(Xpp3Dom configuration, Path basedir, List<Properties> properties) {
        Xpp3Dom configured = configuration == null ? null
                : configuration.getChild(Parameters.SSH_IDENTITIES_PARAMETER);
        if (configured != null && configured.getChildCount() > 0) {
            return Arrays.stream(configured.getChildren()).map(Xpp3Dom::getValue)
                    .filter(value -> value != null && !value.isBlank()).map(value -> path(basedir, value.trim())).toList();
        }
        String list = configured != null && configured.getValue() != null ? configured.getValue()
                : property(Parameters.SSH_IDENTITIES, properties);
        return list == null ? List.of() : Arrays.stream(list.split(",")).map(String::trim)
                .filter(value -> !value.isEmpty()).map(value -> path(basedir, value)).toList();
    }

    private static String setting(Xpp3Dom configuration, String parameter, String property,
            List<Properties> properties) {
        Xpp3Dom child = configuration == null ? null : configuration.getChild(parameter);
        if (child != null && child.getValue() != null && !child.getValue().isBlank()) {
            return child.getValue().trim();
        }
        return property(property, properties);
    }

    private static String property(String name, List<Properties> sources) {
        for (Properties source : sources) {
            String value = source.getProperty(name);
            if (value != null) {
                return value.trim();
            }
        }
        return null;
    }

    private static Path path(Path basedir, String value) {
        Path path = Path.of(value);
        return (path.isAbsolute() ? path : basedir.resolve(path)).toAbsolutePath().normalize();
    }
}
