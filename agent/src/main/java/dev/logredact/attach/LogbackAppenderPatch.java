package dev.logredact.attach;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.Collections;

/**
 * Patches Logback's {@code OutputStreamAppender}, through which every encoder's bytes pass (console,
 * file, rolling, prudent mode), to hand them to {@code LogbackHooks.maskBytes} first.
 *
 * <p>Exactly one method is patched, chosen from the class file: since 1.3.9/1.4.9 {@code writeBytes}
 * calls {@code writeByteArrayToOutputStreamWithPossibleFlush}, and prudent mode calls the latter
 * alone, so it is the one when present; before, {@code writeBytes} is. Patching both would mask and
 * count every event twice.
 */
final class LogbackAppenderPatch extends ClassPatch {
    static final String APPENDER = "ch/qos/logback/core/OutputStreamAppender";
    static final String WRITE_WITH_FLUSH = "writeByteArrayToOutputStreamWithPossibleFlush";
    static final String WRITE_BYTES = "writeBytes";
    static final String BYTES_DESCRIPTOR = "([B)V";

    private final String hookClass;

    LogbackAppenderPatch(String hookClass) {
        super(APPENDER);
        this.hookClass = hookClass;
    }

    /** The class patched, or {@code null} when it has neither method (Logback before 1.2). */
    @Override
    byte[] patch(byte[] classFile, boolean loading) {
        String method = chooseMethod(classFile);
        if (method == null) {
            PatchLog.skipped(APPENDER, "Logback before 1.2 has neither " + WRITE_WITH_FLUSH + " nor " + WRITE_BYTES
                    + "; what its appenders write is masked only where it reaches System.out/err");
            return null;
        }
        return new LibraryEntryHookPatch(APPENDER, hookClass, Collections.singletonList(
                EntryHookPatch.Target.replacingArgumentSeeingReceiver(method, BYTES_DESCRIPTOR, "maskBytes", 0))).patch(classFile, loading);
    }

    static String chooseMethod(byte[] classFile) {
        boolean[] found = new boolean[2];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if (BYTES_DESCRIPTOR.equals(descriptor)) {
                    if (WRITE_WITH_FLUSH.equals(name)) {
                        found[0] = true;
                    } else if (WRITE_BYTES.equals(name)) {
                        found[1] = true;
                    }
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0] ? WRITE_WITH_FLUSH : found[1] ? WRITE_BYTES : null;
    }
}
