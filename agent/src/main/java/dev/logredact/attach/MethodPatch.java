package dev.logredact.attach;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * A transformer that rewrites some methods of one class with ASM, and leaves the class as it was if
 * anything goes wrong: an unpatched class still works, and the agent reports what is then not masked.
 */
abstract class MethodPatch implements ClassFileTransformer {
    /** The patched class, named as in class files ({@code a/b/C}). */
    final String internalName;

    MethodPatch(String internalName) {
        this.internalName = internalName;
    }

    /** A visitor that patches the method, or {@code mv} itself to leave it alone. */
    abstract MethodVisitor patchMethod(MethodVisitor mv, int access, String name, String descriptor);

    /**
     * As {@link #patchMethod(MethodVisitor, int, String, String)}, for a patch that must read the whole
     * method (its size, say) before it rewrites it: the reader is the class being patched.
     */
    MethodVisitor patchMethod(MethodVisitor mv, int access, String name, String descriptor, ClassReader reader) {
        return patchMethod(mv, access, name, descriptor);
    }

    @Override
    public final byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                                  ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (!internalName.equals(className)) {
            return null;
        }
        try {
            return patch(classfileBuffer);
        } catch (Throwable t) {
            return null;
        }
    }

    final byte[] patch(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return patchMethod(super.visitMethod(access, name, descriptor, signature, exceptions), access, name,
                        descriptor, reader);
            }
        }, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }
}
