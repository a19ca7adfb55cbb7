package dev.logredact.attach;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LogbackAppenderPatchTest {
    /** An appender class file with the given {@code ([B)V} methods, bodies empty. */
    private static byte[] appender(String... methods) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC, LogbackAppenderPatch.APPENDER, null, "java/lang/Object", null);
        for (String name : methods) {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PROTECTED, name, "([B)V", null, null);
            mv.visitCode();
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void since139TheInnerWriteIsPatchedAloneSoEventsAreMaskedOnce() {
        assertEquals("writeByteArrayToOutputStreamWithPossibleFlush", LogbackAppenderPatch.chooseMethod(
                appender("writeBytes", "writeByteArrayToOutputStreamWithPossibleFlush")));
    }

    @Test
    void before139WriteBytesIsPatched() {
        assertEquals("writeBytes", LogbackAppenderPatch.chooseMethod(appender("writeBytes")));
    }

    @Test
    void before12NothingIsPatched() {
        assertNull(LogbackAppenderPatch.chooseMethod(appender()));
        assertNull(new LogbackAppenderPatch("x.Hooks").patch(appender(), true));
    }
}
