package dev.logredact.attach;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;


/** A patch that rewrites some methods of one class with ASM. */
abstract class MethodPatch extends ClassPatch {
    MethodPatch(String internalName) {
        super(internalName);
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
