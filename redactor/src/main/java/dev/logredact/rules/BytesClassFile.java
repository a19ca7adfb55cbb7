package dev.logredact.rules;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a class file that carries bytes: one public static method, {@code String[] chunks()}, returns
 * them as string constants, one char per byte (ISO-8859-1). Loading bytes this way costs about a
 * millisecond: the JVM reads the class natively, where a resource on the boot class path costs opening
 * the jar a second time, in Java, while every class is still interpreted (tens of milliseconds).
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

    private BytesClassFile() {
    }

    /** @param internalName the class's name as in class files ({@code a/b/C}) */
    static byte[] write(String internalName, byte[] data) throws IOException {
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < data.length; i += CHUNK) {
            chunks.add(new String(data, i, Math.min(CHUNK, data.length - i), StandardCharsets.ISO_8859_1));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length * 2 + 256);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(52); // Java 8
        // Constant pool: 1-9 fixed, then a Utf8 and a String per chunk.
        out.writeShort(10 + 2 * chunks.size());
        utf8(out, internalName);          // 1
        classRef(out, 1);                 // 2
        utf8(out, "java/lang/Object");    // 3
        classRef(out, 3);                 // 4
        utf8(out, "chunks");              // 5
        utf8(out, "()[Ljava/lang/String;"); // 6
        utf8(out, "Code");                // 7
        utf8(out, "java/lang/String");    // 8
        classRef(out, 8);                 // 9
        for (int i = 0; i < chunks.size(); i++) {
            utf8(out, chunks.get(i));     // 10 + 2i
            out.writeByte(STRING);        // 11 + 2i
            out.writeShort(10 + 2 * i);
        }
        out.writeShort(ACC_PUBLIC | ACC_FINAL | ACC_SUPER);
        out.writeShort(2);
        out.writeShort(4);
        out.writeShort(0); // interfaces
        out.writeShort(0); // fields
        out.writeShort(1); // methods
        byte[] code = code(chunks.size());
        out.writeShort(ACC_PUBLIC | ACC_STATIC);
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

    /** {@code return new String[] {#11, #13, …};} with no branch, so no stack map frames. */
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
            code.writeShort(11 + 2 * i);
            code.writeByte(0x53); // aastore
        }
        code.writeByte(0xb0); // areturn
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
