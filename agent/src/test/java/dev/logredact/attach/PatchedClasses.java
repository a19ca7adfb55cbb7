package dev.logredact.attach;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * The class file without stack map frames, as HotSpot 17 hands a class it did not verify (a JDK class
     * loaded before the agent) to a retransformation.
     */
    static byte[] withoutFrames(byte[] classFile) {
        // A writer of its own, not the reader's: the reader would copy the methods, frames and all.
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(classFile).accept(writer, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    /**
     * Fails unless each method's max stack holds what its code pushes, as ASM's analysis of the whole
     * method (the one that computes frames) finds it; HotSpot aborts the JVM on a method that pushes more
     * when a collection computes the oop map of an interpreted frame.
     */
    static void assertMaxStackHolds(byte[] classFile) {
        ClassWriter recomputed = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        new ClassReader(classFile).accept(recomputed, ClassReader.SKIP_FRAMES);
        Map<String, Integer> needed = maxStacks(recomputed.toByteArray());
        Map<String, Integer> declared = maxStacks(classFile);
        assertEquals(needed.keySet(), declared.keySet());
        for (Map.Entry<String, Integer> m : needed.entrySet()) {
            assertTrue(declared.get(m.getKey()) >= m.getValue(),
                    m.getKey() + " declares a max stack of " + declared.get(m.getKey()) + " and needs " + m.getValue());
        }
    }

    /** Max stack per method with code, by name and descriptor. */
    private static Map<String, Integer> maxStacks(byte[] classFile) {
        Map<String, Integer> stacks = new TreeMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMaxs(int maxStack, int maxLocals) {
                        stacks.put(name + descriptor, maxStack);
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
        return stacks;
    }

    static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
