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

    /** The patched class file, or null to leave it. */
    abstract byte[] patch(byte[] classFile);

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
}
