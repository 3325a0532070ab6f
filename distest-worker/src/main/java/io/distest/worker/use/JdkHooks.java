package io.distest.worker.use;

import io.distest.worker.boot.UseLog;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Logs what a unit reads outside project classes: every resource name looked up on a class path (the JDK's own
 * class loaders' class path lookups behind {@code getResource*} and {@code ServiceLoader}, and
 * {@link java.net.URLClassLoader}'s) and every file opened ({@code FileInputStream}, {@code RandomAccessFile}, file
 * channels, which {@code java.nio.file.Files} uses). These are JDK classes, rewritten in place (method bodies only:
 * the argument is handed to {@link UseLog} first), and {@code java.base} is made to read the boot class path's
 * unnamed module, where {@link UseLog} is.
 */
final class JdkHooks implements ClassFileTransformer {
    /**
     * One hook: in {@code owner}, the method {@code name} whose descriptor starts with {@code descriptorStart} hands its
     * local {@code slot} to {@code UseLog.target} (of descriptor {@code targetDescriptor}).
     */
    private record Hook(String owner, String name, String descriptorStart, int slot, String target,
            String targetDescriptor) {
        boolean matches(String method, String descriptor) {
            return name.equals(method) && descriptor.startsWith(descriptorStart);
        }
    }

    private static final String RESOURCE = "(Ljava/lang/String;)V";
    private static final List<Hook> HOOKS = List.of(
            new Hook("jdk/internal/loader/BuiltinClassLoader", "findResourceOnClassPath", "(Ljava/lang/String;)", 1,
                    "resource", RESOURCE),
            new Hook("jdk/internal/loader/BuiltinClassLoader", "findResourcesOnClassPath", "(Ljava/lang/String;)", 1,
                    "resource", RESOURCE),
            new Hook("java/net/URLClassLoader", "findResource", "(Ljava/lang/String;)", 1, "resource", RESOURCE),
            new Hook("java/net/URLClassLoader", "findResources", "(Ljava/lang/String;)", 1, "resource", RESOURCE),
            new Hook("java/io/FileInputStream", "<init>", "(Ljava/io/File;)", 1, "file", "(Ljava/io/File;)V"),
            new Hook("java/io/RandomAccessFile", "<init>", "(Ljava/io/File;Ljava/lang/String;)", 1, "file",
                    "(Ljava/io/File;)V"),
            // static: the path is its second argument; JDK 17 and 25 differ in the arguments after it
            new Hook("sun/nio/ch/FileChannelImpl", "open", "(Ljava/io/FileDescriptor;Ljava/lang/String;", 1, "file",
                    "(Ljava/lang/String;)V"));

    private final Map<String, List<Hook>> byOwner = HOOKS.stream().collect(Collectors.groupingBy(Hook::owner));
    private final AtomicInteger installed = new AtomicInteger();

    private JdkHooks() {}

    /** Whether every hook is in; when not, the records say every resource and every file counts. */
    static boolean install(Instrumentation instrumentation) {
        JdkHooks hooks = new JdkHooks();
        try {
            instrumentation.redefineModule(Object.class.getModule(), Set.of(UseLog.class.getModule()), Map.of(),
                    Map.of(), Set.of(), Map.of());
            instrumentation.addTransformer(hooks, true);
            Class<?>[] owners = new Class<?>[hooks.byOwner.size()];
            int i = 0;
            for (String owner : hooks.byOwner.keySet()) {
                owners[i++] = Class.forName(owner.replace('/', '.'), false, null);
            }
            instrumentation.retransformClasses(owners);
        } catch (Throwable t) {
            return false;
        } finally {
            instrumentation.removeTransformer(hooks);
        }
        return hooks.installed.get() == HOOKS.size();
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
            ProtectionDomain domain, byte[] bytes) {
        List<Hook> hooks = byOwner.get(name);
        if (hooks == null || redefined == null) {
            return null;
        }
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, method, descriptor, signature, exceptions);
                Hook hook = hooks.stream().filter(h -> h.matches(method, descriptor)).findFirst().orElse(null);
                if (hook == null) {
                    return next;
                }
                installed.incrementAndGet();
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        super.visitVarInsn(Opcodes.ALOAD, hook.slot());
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(UseLog.class), hook.target(),
                                hook.targetDescriptor(), false);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
