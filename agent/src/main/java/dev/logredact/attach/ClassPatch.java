package dev.logredact.attach;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * A transformer for one class, named as in class files, that leaves the class as it was if anything
 * goes wrong: an unpatched class still works, and the agent reports what is then not masked.
 */
abstract class ClassPatch implements ClassFileTransformer {
    /** The patched class, named as in class files ({@code a/b/C}). */
    final String internalName;

    ClassPatch(String internalName) {
        this.internalName = internalName;
    }

    /**
     * The patched class file, or null to leave it.
     *
     * @param loading the class is being loaded rather than retransformed, so it may gain the members
     *     that make hook calls cheap ({@link HookAccessors})
     */
    abstract byte[] patch(byte[] classFile, boolean loading);

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
}
