package dev.logredact.rules;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a class file that carries bytes: its static initialiser stores them, as string constants of
 * one char per byte (ISO-8859-1), in a {@code String[]} static field of another class of the same
 * package, so that loading it with {@code Class.forName} hands them over. Loading bytes this way costs
 * about a millisecond: the JVM reads the class natively, where a resource on the boot class path costs
 * opening the jar a second time, in Java, while every class is still interpreted (tens of
 * milliseconds). A static method called by reflection would cost another millisecond on Java 18+,
 * whose first {@code Method.invoke} of a kind spins method handle classes.
 */
final class BytesClassFile {
    /** Input bytes per constant: even if every byte took two bytes of modified UTF-8, it stays under 65,535. */
    private static final int CHUNK = 30000;
    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_FINAL = 0x0010;
    private static final int ACC_SUPER = 0x0020;
    private static final int UTF8 = 1;
    private static final int CLASS = 7;
    private static final int STRING = 8;
    private static final int FIELDREF = 9;
    private static final int NAME_AND_TYPE = 12;
    /** The constants before the chunks' (see {@link #write}); a chunk takes two. */
    private static final int FIXED_CONSTANTS = 15;

    private BytesClassFile() {
    }

    /**
     * Loads and initialises a class this writes, so that its bytes are in the holder's field; false when
     * there is none (the build step did not run: in an IDE, say).
     */
    static boolean initialise(String className) {
        try {
            Class.forName(className, true, BytesClassFile.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return false;
        }
    }

    /** The bytes a holder's field was given, or null when it was given none. */
    static byte[] joined(String[] chunks) {
        if (chunks == null) {
            return null;
        }
        int length = 0;
        for (String c : chunks) {
            length += c.length();
        }
        byte[] binary = new byte[length];
        int at = 0;
        for (String c : chunks) {
            byte[] bytes = c.getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(bytes, 0, binary, at, bytes.length);
            at += bytes.length;
        }
        return binary;
    }

    /**
     * @param internalName the class's name as in class files ({@code a/b/C})
     * @param holder the internal name of the class whose static {@code String[]} field {@code field} the
     *     chunks are stored in; it must be of the same package and class loader, as the field need not be public
     */
    static byte[] write(String internalName, String holder, String field, byte[] data) throws IOException {
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < data.length; i += CHUNK) {
            chunks.add(new String(data, i, Math.min(CHUNK, data.length - i), StandardCharsets.ISO_8859_1));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length * 2 + 256);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(52); // Java 8
        // Constant pool: 1 to FIXED_CONSTANTS fixed, then a Utf8 and a String per chunk.
        out.writeShort(FIXED_CONSTANTS + 1 + 2 * chunks.size());
        utf8(out, internalName);          // 1
        classRef(out, 1);                 // 2
        utf8(out, "java/lang/Object");    // 3
        classRef(out, 3);                 // 4
        utf8(out, "<clinit>");            // 5
        utf8(out, "()V");                 // 6
        utf8(out, "Code");                // 7
        utf8(out, "java/lang/String");    // 8
        classRef(out, 8);                 // 9
        utf8(out, holder);                // 10
        classRef(out, 10);                // 11
        utf8(out, field);                 // 12
        utf8(out, "[Ljava/lang/String;"); // 13
        out.writeByte(NAME_AND_TYPE);     // 14
        out.writeShort(12);
        out.writeShort(13);
        out.writeByte(FIELDREF);          // 15
        out.writeShort(11);
        out.writeShort(14);
        for (int i = 0; i < chunks.size(); i++) {
            utf8(out, chunks.get(i));     // FIXED_CONSTANTS + 1 + 2i
            out.writeByte(STRING);        // FIXED_CONSTANTS + 2 + 2i
            out.writeShort(FIXED_CONSTANTS + 1 + 2 * i);
        }
        out.writeShort(ACC_PUBLIC | ACC_FINAL | ACC_SUPER);
        out.writeShort(2);
        out.writeShort(4);
        out.writeShort(0); // interfaces
        out.writeShort(0); // fields
        out.writeShort(1); // methods
        byte[] code = code(chunks.size());
        out.writeShort(ACC_STATIC);
        out.writeShort(5);
        out.writeShort(6);
        out.writeShort(1);
        out.writeShort(7);
        out.writeInt(2 + 2 + 4 + code.length + 2 + 2);
        out.writeShort(4); // max stack: array, array, index, value
        out.writeShort(0); // max locals
        out.writeInt(code.length);
        out.write(code);
        out.writeShort(0); // exception table
        out.writeShort(0); // code attributes
        out.writeShort(0); // class attributes
        out.flush();
        return bytes.toByteArray();
    }

    /** {@code holder.field = new String[] {…}; return;} with no branch, so no stack map frames. */
    private static byte[] code(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream code = new DataOutputStream(bytes);
        code.writeByte(0x11); // sipush
        code.writeShort(count);
        code.writeByte(0xbd); // anewarray
        code.writeShort(9);
        for (int i = 0; i < count; i++) {
            code.writeByte(0x59); // dup
            code.writeByte(0x11); // sipush
            code.writeShort(i);
            code.writeByte(0x13); // ldc_w
            code.writeShort(FIXED_CONSTANTS + 2 + 2 * i);
            code.writeByte(0x53); // aastore
        }
        code.writeByte(0xb3); // putstatic
        code.writeShort(15);
        code.writeByte(0xb1); // return
        code.flush();
        return bytes.toByteArray();
    }

    private static void utf8(DataOutputStream out, String s) throws IOException {
        out.writeByte(UTF8);
        out.writeUTF(s); // modified UTF-8 with its length: what class files hold
    }

    private static void classRef(DataOutputStream out, int nameIndex) throws IOException {
        out.writeByte(CLASS);
        out.writeShort(nameIndex);
    }
}
