package io.distest.worker.use;

import io.distest.worker.boot.UseLog;
import java.lang.instrument.ClassFileTransformer;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;

/**
 * Hands each class loaded from a directory of the class path (the project's compiled classes, its own and its
 * reactor's, never a jar's: jars count as a whole) to {@link ProjectClassRewriter}. A class it cannot rewrite is
 * still registered, as used by every unit from its loading on, so that a record never misses it.
 */
final class ProjectClasses implements ClassFileTransformer {
    @Override
    public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
            ProtectionDomain domain, byte[] bytes) {
        if (name == null || redefined != null || loader == null || !fromDirectory(domain)
                || name.startsWith("io/distest/worker/")) {
            return null;
        }
        try {
            if (module != null && module.isNamed()) {
                throw new IllegalStateException("a named module does not read the use log");
            }
            return ProjectClassRewriter.rewrite(name, bytes);
        } catch (Throwable t) { // never fail a class load: count the class as used by every unit instead
            UseLog.project(name, new String[0], false);
            return null;
        }
    }

    private static boolean fromDirectory(ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location != null && "file".equals(location.getProtocol()) && location.getPath().endsWith("/");
    }
}
