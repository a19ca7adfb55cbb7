package dev.logredact.attach;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.List;

/**
 * A patch that rewrites some methods of one library class with ASM, loaded only once a logging
 * framework appears; its hook calls are cached in the class where it may gain members
 * ({@link HookAccessors}).
 */
abstract class MethodPatch<T> extends ClassPatch {
    /** The agent's class the hooks are static methods of, named because the patched class finds it by name. */
    final String hookClass;
    /** The methods to patch, each named by its {@code toString}. */
    final List<T> targets;

    MethodPatch(String internalName, String hookClass, List<T> targets) {
        super(internalName);
        this.hookClass = hookClass;
        this.targets = new ArrayList<>(targets);
    }

    /**
     * A visitor that patches the method, or {@code mv} itself to leave it alone. The reader is the class
     * being patched, for a patch that must read the whole method (its size, say) before it rewrites it;
     * hook calls are emitted through {@code hooks}.
     */
    abstract MethodVisitor patchMethod(MethodVisitor mv, int access, String name, String descriptor, ClassReader reader,
                                       HookAccessors hooks);

    /**
     * @return the patched class, or null when it has none of the methods to patch (another version of
     *     the library), which is left as it is
     */
    @Override
    final byte[] patch(byte[] classFile, boolean loading) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        HookAccessors hooks = new HookAccessors(internalName, reader.readUnsignedShort(6), loading);
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
            PatchLog.skipped(internalName, "this version has no method to hook (" + targetNames() + ")");
            return null;
        }
        return writer.toByteArray();
    }

    /** The methods this patch hooks, for the line that says none was found. */
    private String targetNames() {
        StringBuilder names = new StringBuilder();
        for (T t : targets) {
            names.append(names.length() == 0 ? "" : ", ").append(t);
        }
        return names.toString();
    }
}
