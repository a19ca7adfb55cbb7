package dev.logredact.secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code logredact.secrets.file}: UTF-8, either one secret per line or, when the first non-blank
 * character is {@code [}, a JSON array of strings (the only way to give a multi-line secret, or one that
 * starts with {@code #}).
 */
final class SecretFile {
    private SecretFile() {
    }

    /** @return name ({@code secrets.txt:3} or {@code secrets.json[0]}) to raw value, in file order */
    static Map<String, String> read(Path file) throws IOException {
        String text = decode(Files.readAllBytes(file), file);
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String trimmed = SecretText.trim(text);
        Map<String, String> values = new LinkedHashMap<>();
        if (trimmed.startsWith("[")) {
            List<String> array = JsonStringArray.parse(text, file.toString());
            for (int i = 0; i < array.size(); i++) {
                values.put(fileName + "[" + i + "]", array.get(i));
            }
            return values;
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = SecretText.trim(lines[i]);
            if (!line.isEmpty() && !line.startsWith("#")) {
                values.put(fileName + ":" + (i + 1), line);
            }
        }
        return values;
    }

    /**
     * Strict UTF-8: a mis-decoded secret would never match the bytes the build prints, so a file in
     * another encoding is an error, not a silent miss. A leading byte order mark is dropped.
     */
    private static String decode(byte[] bytes, Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new IOException(file + ": byte " + in.position() + " (counting from 0) is not valid UTF-8");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
