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

    /**
     * A visitor that patches the method, or {@code mv} itself to leave it alone. The reader is the class
     * being patched, for a patch that must read the whole method (its size, say) before it rewrites it;
     * hook calls are emitted through {@code hooks}.
     */
    abstract MethodVisitor patchMethod(MethodVisitor mv, int access, String name, String descriptor, ClassReader reader,
                                       HookInvocation hooks);

    @Override
    public final byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                                  ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (!internalName.equals(className)) {
            return null;
        }
        try {
            return patch(classfileBuffer, classBeingRedefined == null);
        } catch (Throwable t) {
            PatchLog.skipped(internalName, "could not be patched (" + t + ")");
            return null;
        }
    }

    /**
     * @param loading the class is being loaded rather than retransformed, so it may gain the members
     *     that make hook calls cheap ({@link HookInvocation})
     * @return the patched class, or null when it has none of the methods to patch (another version of
     *     the library), which is left as it is
     */
    final byte[] patch(byte[] classFile, boolean loading) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        HookInvocation hooks = new HookInvocation(internalName, reader.readUnsignedShort(6), loading);
        boolean[] patched = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                MethodVisitor patching = patchMethod(mv, access, name, descriptor, reader, hooks);
                patched[0] |= patching != mv;
                return patching;
            }

            @Override
            public void visitEnd() {
                hooks.addMembers(cv);
                super.visitEnd();
            }
        }, ClassReader.EXPAND_FRAMES);
        if (!patched[0]) {
            PatchLog.skipped(internalName, "this version has no method to hook (" + targets() + ")");
            return null;
        }
        return writer.toByteArray();
    }

    /** The methods this patch hooks, for the line that says none was found. */
    abstract String targets();
}
