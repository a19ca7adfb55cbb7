package dev.logredact.stdio;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * Patches {@code java.lang.System.setOut} and {@code setErr} so that every stream an application,
 * Surefire, Gradle or Jansi installs is masked. At method entry it inserts, in JDK types only:
 *
 * <pre>
 * try {
 *     out = (PrintStream) ClassLoader.getSystemClassLoader()
 *             .loadClass("dev.logredact.stdio.SystemStreamHooks")
 *             .getMethod("setOut", PrintStream.class).invoke(null, out);
 * } catch (Throwable ignored) {
 * }
 * </pre>
 *
 * Reflection through the system class loader needs no class injected into the bootstrap loader, so it
 * costs no warning and opens no JDK package; {@code setOut} is called a handful of times per JVM, so
 * the reflective call's cost does not matter. Written with plain ASM because a Byte Buddy agent
 * builder costs hundreds of milliseconds at start-up and this runs in every JVM of a build.
 */
public final class SystemSetStreamPatch implements ClassFileTransformer {
    private static final String SYSTEM = "java/lang/System";
    private static final String PRINT_STREAM = "java/io/PrintStream";
    private static final String HOOKS = SystemStreamHooks.class.getName();

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (!SYSTEM.equals(className)) {
            return null;
        }
        try {
            return patch(classfileBuffer);
        } catch (Throwable t) {
            // An unpatched System still works; the streams wrapped at start-up stay masked.
            return null;
        }
    }

    static byte[] patch(byte[] systemClass) {
        ClassReader reader = new ClassReader(systemClass);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                boolean target = (name.equals("setOut") || name.equals("setErr"))
                        && descriptor.equals("(L" + PRINT_STREAM + ";)V") && (access & Opcodes.ACC_STATIC) != 0;
                return target ? new EntryHook(mv, name) : mv;
            }
        }, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /** Inserts the hook call before the method's own code. */
    private static final class EntryHook extends MethodVisitor {
        private final String hookMethod;

        EntryHook(MethodVisitor mv, String hookMethod) {
            super(Opcodes.ASM9, mv);
            this.hookMethod = hookMethod;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            Label after = new Label();
            visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
            visitLabel(start);
            visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/ClassLoader", "getSystemClassLoader",
                    "()Ljava/lang/ClassLoader;", false);
            visitLdcInsn(HOOKS);
            visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/ClassLoader", "loadClass",
                    "(Ljava/lang/String;)Ljava/lang/Class;", false);
            visitLdcInsn(hookMethod);
            visitInsn(Opcodes.ICONST_1);
            visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Class");
            visitInsn(Opcodes.DUP);
            visitInsn(Opcodes.ICONST_0);
            visitLdcInsn(Type.getObjectType(PRINT_STREAM));
            visitInsn(Opcodes.AASTORE);
            visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Class", "getMethod",
                    "(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;", false);
            visitInsn(Opcodes.ACONST_NULL);
            visitInsn(Opcodes.ICONST_1);
            visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
            visitInsn(Opcodes.DUP);
            visitInsn(Opcodes.ICONST_0);
            visitVarInsn(Opcodes.ALOAD, 0);
            visitInsn(Opcodes.AASTORE);
            visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/reflect/Method", "invoke",
                    "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", false);
            visitTypeInsn(Opcodes.CHECKCAST, PRINT_STREAM);
            visitVarInsn(Opcodes.ASTORE, 0);
            visitLabel(end);
            visitJumpInsn(Opcodes.GOTO, after);
            visitLabel(handler);
            visitFrame(Opcodes.F_NEW, 1, new Object[] {PRINT_STREAM}, 1, new Object[] {"java/lang/Throwable"});
            visitInsn(Opcodes.POP);
            visitLabel(after);
            visitFrame(Opcodes.F_NEW, 1, new Object[] {PRINT_STREAM}, 0, new Object[0]);
        }
    }
}
