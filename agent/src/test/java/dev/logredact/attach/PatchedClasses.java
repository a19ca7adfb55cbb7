package dev.logredact.attach;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;

/** Runs a patch over a test class's own bytes and defines the result in a loader of its own. */
final class PatchedClasses {
    private PatchedClasses() {
    }

    /** A new instance, made with the no-argument constructor, of {@code type} as {@code patch} rewrites it. */
    static Object instance(Class<?> type, ClassFileTransformer patch) throws Exception {
        return instance(type, patch, false);
    }

    /**
     * As {@link #instance(Class, ClassFileTransformer)}; {@code retransformed} has the patch see the class
     * as already loaded, when it may not add members.
     */
    static Object instance(Class<?> type, ClassFileTransformer patch, boolean retransformed) throws Exception {
        String name = type.getName();
        byte[] bytes = patch.transform(null, name.replace('.', '/'), retransformed ? type : null, null, classFile(type));
        if (bytes == null) {
            throw new AssertionError("the patch left " + name + " unchanged");
        }
        Class<?> patched = new ClassLoader(PatchedClasses.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(name, bytes, 0, bytes.length);
            }
        }.define();
        return patched.getConstructor().newInstance();
    }

    /** A JDK class's file as this JDK has it. */
    static byte[] jdkClassFile(String internalName) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in.readAllBytes();
        }
    }

    static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
