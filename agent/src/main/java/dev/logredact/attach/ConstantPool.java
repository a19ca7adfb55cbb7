package dev.logredact.attach;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A class file's constant pool, read where it stands and grown at its end: entries are only ever
 * added, so every index the class already uses stays valid.
 */
final class ConstantPool {
    private static final int UTF8 = 1;
    private static final int CLASS = 7;
    private static final int STRING = 8;
    private static final int FIELD = 9;
    private static final int METHOD = 10;
    private static final int NAME_AND_TYPE = 12;

    private final byte[] classFile;
    /** Where each existing entry starts (its tag), by index; 0 for the second slot of a long or double. */
    private final int[] offsets;
    /** The offset just past the last existing entry. */
    final int end;
    private final ByteArrayOutputStream addedBytes = new ByteArrayOutputStream();
    private final Map<String, Integer> addedIndexes = new HashMap<>();
    private int count;

    /** Reads the pool that starts at offset 8 of {@code classFile}. */
    ConstantPool(byte[] classFile) throws IOException {
        this.classFile = classFile;
        count = u2(classFile, 8);
        offsets = new int[count];
        int at = 10;
        for (int i = 1; i < count; i++) {
            offsets[i] = at;
            int tag = classFile[at] & 0xff;
            switch (tag) {
                case UTF8:
                    at += 3 + u2(classFile, at + 1);
                    break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                    at += 5;
                    break;
                case 5: case 6:
                    at += 9;
                    i++;
                    break;
                case 7: case 8: case 16: case 19: case 20:
                    at += 3;
                    break;
                case 15:
                    at += 4;
                    break;
                default:
                    throw new IOException("unknown constant pool tag " + tag + " at " + at);
            }
        }
        end = at;
    }

    static int u2(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    /** Where an existing Utf8 entry starts. */
    private int utf8Entry(int index) throws IOException {
        if (index <= 0 || index >= offsets.length || offsets[index] == 0 || classFile[offsets[index]] != UTF8) {
            throw new IOException("constant " + index + " is not a Utf8 entry");
        }
        return offsets[index];
    }

    /** The text of an existing Utf8 entry. */
    String utf8(int index) throws IOException {
        int at = utf8Entry(index);
        int length = u2(classFile, at + 1);
        for (int i = at + 3, end = at + 3 + length; i < end; i++) {
            if (classFile[i] <= 0) {
                // Beyond ASCII, or an encoded NUL: modified UTF-8 needs the full decoder.
                return new DataInputStream(new java.io.ByteArrayInputStream(classFile, at + 1, length + 2)).readUTF();
            }
        }
        // ASCII, as every name a patch looks for is: one byte per char.
        return new String(classFile, at + 3, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether an existing Utf8 entry is one of {@code texts}, all ASCII, compared in place: no text is
     * made for the entries that are none of them.
     */
    boolean utf8In(int index, List<String> texts) throws IOException {
        int at = utf8Entry(index);
        int length = u2(classFile, at + 1);
        for (String text : texts) {
            if (text.length() == length && sameAscii(text, at + 3)) {
                return true;
            }
        }
        return false;
    }

    private boolean sameAscii(String text, int at) {
        for (int i = 0; i < text.length(); i++) {
            if (classFile[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The number of entries plus one, as the class file's constant_pool_count says. */
    int count() {
        return count;
    }

    /** The entries added, in class file form, to go right after the existing ones. */
    byte[] addedEntries() {
        return addedBytes.toByteArray();
    }

    int utf8(String text) {
        Integer index = addedIndexes.get("U" + text);
        if (index != null) {
            return index;
        }
        byte[] encoded = modifiedUtf8(text);
        if (encoded.length > 0xffff) {
            // No patch could use it.
            throw new IllegalArgumentException("a constant of " + encoded.length + " bytes is too long for a class file");
        }
        addedBytes.write(UTF8);
        addedBytes.write(encoded.length >> 8);
        addedBytes.write(encoded.length);
        addedBytes.write(encoded, 0, encoded.length);
        return remember("U" + text);
    }

    /**
     * The text as class files hold it (what {@code DataOutputStream.writeUTF} writes). Not that method:
     * on Java 21 and later its first call sets up VarHandles, 1.5 ms of every JVM's start-up.
     */
    static byte[] modifiedUtf8(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x01 && c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xc0 | c >> 6);
                out.write(0x80 | c & 0x3f);
            } else {
                out.write(0xe0 | c >> 12);
                out.write(0x80 | c >> 6 & 0x3f);
                out.write(0x80 | c & 0x3f);
            }
        }
        return out.toByteArray();
    }

    /** @param internalName as in class files: {@code java/lang/String}, or an array descriptor */
    int classRef(String internalName) {
        return ref("C" + internalName, CLASS, utf8(internalName), -1);
    }

    int string(String text) {
        return ref("S" + text, STRING, utf8(text), -1);
    }

    int fieldRef(String owner, String name, String descriptor) {
        return member(FIELD, owner, name, descriptor);
    }

    int methodRef(String owner, String name, String descriptor) {
        return member(METHOD, owner, name, descriptor);
    }

    private int member(int tag, String owner, String name, String descriptor) {
        int type = ref("N" + name + " " + descriptor, NAME_AND_TYPE, utf8(name), utf8(descriptor));
        return ref(tag + owner + "." + name + " " + descriptor, tag, classRef(owner), type);
    }

    private int ref(String key, int tag, int first, int second) {
        Integer index = addedIndexes.get(key);
        if (index != null) {
            return index;
        }
        addedBytes.write(tag);
        addedBytes.write(first >> 8);
        addedBytes.write(first);
        if (second >= 0) {
            addedBytes.write(second >> 8);
            addedBytes.write(second);
        }
        return remember(key);
    }

    private int remember(String key) {
        if (count >= 0xffff) {
            throw new IllegalStateException("the constant pool is full");
        }
        addedIndexes.put(key, count);
        return count++;
    }
}
