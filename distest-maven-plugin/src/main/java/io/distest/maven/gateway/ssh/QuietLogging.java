package io.distest.maven.gateway.ssh;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import net.schmizz.sshj.common.LoggerFactory;
import org.slf4j.Logger;

/**
 * Sends everything sshj logs to DEBUG (visible with {@code mvn -X}). sshj logs routine events at INFO ("Client
 * identity string: ...", "Server identity string: ...", "Will request `sftp` subsystem", "Disconnected -
 * BY_APPLICATION"), which Maven shows: four lines per connection. And it logs at WARN and ERROR, with stack traces
 * and MD5 fingerprints, what it also throws: a refused host key gives three ERROR entries before the exception
 * that {@link SshSession} turns into one clear message. Everything sshj logs as a problem reaches distest as an
 * exception, so nothing is lost at the default level. sshj logs no secrets at any level we know of, but nothing
 * here relies on that: distest's own messages never include one.
 *
 * <p>A dynamic proxy rather than a hand-written {@link Logger}, so that it works against both the slf4j 1.7 API
 * that Maven 3.8/3.9 exports to plugins and the slf4j 2 API sshj is compiled against (which adds default methods
 * such as {@code atInfo()}; those become {@code atDebug()}).
 *
 * <p>A few sshj classes log through slf4j directly instead of through the configured factory ({@code SecurityUtils}
 * at start-up, {@code KnownHostMatchers} for an undecodable hashed host); those are left as they are.
 */
final class QuietLogging {

    static final LoggerFactory FACTORY = wrapping(LoggerFactory.DEFAULT);

    /** {@code factory}'s loggers with INFO, WARN and ERROR turned into DEBUG. */
    static LoggerFactory wrapping(LoggerFactory factory) {
        return new LoggerFactory() {
            @Override
            public Logger getLogger(String name) {
                return quiet(factory.getLogger(name));
            }

            @Override
            public Logger getLogger(Class<?> clazz) {
                return quiet(factory.getLogger(clazz));
            }
        };
    }

    /** Each INFO, WARN and ERROR method of {@link Logger} mapped to its DEBUG twin with the same parameters. */
    private static final Map<Method, Method> DEMOTED = new HashMap<>();

    static {
        for (Method m : Logger.class.getMethods()) {
            String name = m.getName();
            String twin = switch (name) {
                case "info", "warn", "error" -> "debug";
                case "isInfoEnabled", "isWarnEnabled", "isErrorEnabled" -> "isDebugEnabled";
                case "atInfo", "atWarn", "atError" -> "atDebug";
                default -> null;
            };
            if (twin != null) {
                try {
                    DEMOTED.put(m, Logger.class.getMethod(twin, m.getParameterTypes()));
                } catch (NoSuchMethodException e) {
                    // no twin: the call goes through unchanged
                }
            }
        }
    }

    private QuietLogging() {
    }

    static Logger quiet(Logger delegate) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "quiet " + delegate;
                };
            }
            try {
                return DEMOTED.getOrDefault(method, method).invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Logger) Proxy.newProxyInstance(QuietLogging.class.getClassLoader(), new Class<?>[] {Logger.class},
                handler);
    }
}
