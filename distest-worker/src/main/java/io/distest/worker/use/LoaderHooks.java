package io.distest.worker.use;

import io.distest.worker.boot.UseLog;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.net.URLClassLoader;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Logs every resource name looked up on a class path: the JDK's own class loaders' class path lookups (behind
 * {@code getResource*}, {@code ServiceLoader}) and {@link URLClassLoader}'s. These are JDK classes, rewritten in
 * place (method bodies only), and {@code java.base} is made to read the boot class path's unnamed module, where
 * {@link UseLog} is.
 */
final class LoaderHooks implements ClassFileTransformer {
    private static final String BUILTIN = "jdk/internal/loader/BuiltinClassLoader";
    private static final String URL_LOADER = "java/net/URLClassLoader";
    /** Per class, the lookups whose first argument is a resource name. */
    private static final Map<String, Set<String>> HOOKED = Map.of(
            BUILTIN, Set.of("findResourceOnClassPath(Ljava/lang/String;)Ljava/net/URL;",
                    "findResourcesOnClassPath(Ljava/lang/String;)Ljava/util/Enumeration;"),
            URL_LOADER, Set.of("findResource(Ljava/lang/String;)Ljava/net/URL;",
                    "findResources(Ljava/lang/String;)Ljava/util/Enumeration;"));

    private volatile int hooked;

    private LoaderHooks() {}

    /** Whether every lookup is hooked; when not, the records say every resource counts. */
    static boolean install(Instrumentation instrumentation) {
        LoaderHooks hooks = new LoaderHooks();
        try {
            Class<?> builtin = Class.forName(BUILTIN.replace('/', '.'));
            instrumentation.redefineModule(Object.class.getModule(), Set.of(UseLog.class.getModule()), Map.of(),
                    Map.of(), Set.of(), Map.of());
            instrumentation.addTransformer(hooks, true);
            instrumentation.retransformClasses(builtin, URLClassLoader.class);
        } catch (Throwable t) {
            return false;
        } finally {
            instrumentation.removeTransformer(hooks);
        }
        return hooks.hooked == HOOKED.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
            ProtectionDomain domain, byte[] bytes) {
        Set<String> methods = HOOKED.get(name);
        if (methods == null || redefined == null) {
            return null;
        }
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, method, descriptor, signature, exceptions);
                if (!methods.contains(method + descriptor)) {
                    return next;
                }
                hooked++;
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        super.visitVarInsn(Opcodes.ALOAD, 1);
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(UseLog.class), "resource",
                                "(Ljava/lang/String;)V", false);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
