package io.distest.worker.use;

import io.distest.worker.boot.UseLog;
import java.util.LinkedHashSet;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites one project class so that using it is logged in {@link UseLog}: every method with code starts by
 * logging its class (overridable ones also the object's own class), and every read or write of another class's
 * static field, and every class literal, logs that class. Nothing else changes: no branch, field or method is
 * added, so the class's stack map frames, serial version and reflection stay as they were.
 */
final class ProjectClassRewriter {
    private static final String LOG = Type.getInternalName(UseLog.class);
    /** Classes never from a project directory: not worth a call. */
    private static final String[] PLATFORM = {"java/", "javax/", "jdk/", "sun/", "com/sun/"};

    private ProjectClassRewriter() {}

    /** The rewritten class, its supertypes and annotations registered with the log; throws when ASM cannot. */
    static byte[] rewrite(String name, byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        Links links = new Links();
        int id = UseLog.idOf(name);
        reader.accept(new Logging(writer, name, id, links), 0);
        byte[] rewritten = writer.toByteArray(); // may throw (a method grown past 64 KB): then nothing is registered
        UseLog.project(name, links.names.toArray(String[]::new), true);
        return rewritten;
    }

    static boolean platform(String internalName) {
        for (String prefix : PLATFORM) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Names a class's use brings along: a change to any of them can change what the class does. */
    private static final class Links {
        final Set<String> names = new LinkedHashSet<>();

        void add(String internalName) {
            if (internalName != null && !platform(internalName)) {
                names.add(internalName);
            }
        }

        /** An annotation the JVM keeps for reflection: reading it can change what the class does. */
        void addAnnotation(String descriptor, boolean visible) {
            Type type = Type.getType(descriptor);
            if (visible && type.getSort() == Type.OBJECT) {
                add(type.getInternalName());
            }
        }
    }

    private static final class Logging extends ClassVisitor {
        private final String owner;
        private final int id;
        private final Links links;
        private boolean finalClass;
        private boolean classLiterals;

        Logging(ClassVisitor next, String owner, int id, Links links) {
            super(Opcodes.ASM9, next);
            this.owner = owner;
            this.id = id;
            this.links = links;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            finalClass = (access & Opcodes.ACC_FINAL) != 0;
            classLiterals = (version & 0xFFFF) >= Opcodes.V1_5; // ldc of a class
            links.add(superName);
            if (interfaces != null) {
                for (String type : interfaces) {
                    links.add(type);
                }
            }
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            links.addAnnotation(descriptor, visible);
            return super.visitAnnotation(descriptor, visible);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            FieldVisitor next = super.visitField(access, name, descriptor, signature, value);
            return new FieldVisitor(Opcodes.ASM9, next) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    links.addAnnotation(annotation, visible);
                    return super.visitAnnotation(annotation, visible);
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            boolean hasCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
            boolean overridable = (access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) == 0
                    && !finalClass && !name.startsWith("<");
            return new MethodVisitor(Opcodes.ASM9, next) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    links.addAnnotation(annotation, visible);
                    return super.visitAnnotation(annotation, visible);
                }

                @Override
                public void visitCode() {
                    super.visitCode();
                    if (!hasCode) {
                        return;
                    }
                    super.visitLdcInsn(id);
                    if (overridable && classLiterals) {
                        super.visitVarInsn(Opcodes.ALOAD, 0);
                        super.visitLdcInsn(Type.getObjectType(owner));
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, LOG, "use",
                                "(ILjava/lang/Object;Ljava/lang/Class;)V", false);
                    } else {
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, LOG, "use", "(I)V", false);
                    }
                }

                @Override
                public void visitFieldInsn(int opcode, String fieldOwner, String field, String type) {
                    if ((opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC) && !fieldOwner.equals(owner)) {
                        logUseOf(fieldOwner);
                    }
                    super.visitFieldInsn(opcode, fieldOwner, field, type);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Type type && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)) {
                        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
                        if (element.getSort() == Type.OBJECT && !element.getInternalName().equals(owner)) {
                            logUseOf(element.getInternalName());
                        }
                    }
                    super.visitLdcInsn(value);
                }

                private void logUseOf(String other) {
                    if (!platform(other)) {
                        super.visitLdcInsn(UseLog.idOf(other));
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, LOG, "use", "(I)V", false);
                    }
                }
            };
        }
    }
}
