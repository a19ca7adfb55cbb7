package dev.logredact.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A small UTF-8 file of names and values that a key names: the properties file of
 * {@code logredact.config.file} or the headers of {@code logredact.collector.headers.file}.
 */
final class PairsFile {
    final Path path;
    final Map<String, String> pairs;

    private PairsFile(Path path, Map<String, String> pairs) {
        this.path = path;
        this.pairs = pairs;
    }

    /** Read as UTF-8, like every other file the agent reads, not as {@code Properties}' Latin-1. */
    static PairsFile properties(Path path) throws InvalidValueException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text(path)));
        } catch (IOException | IllegalArgumentException e) {
            // A StringReader cannot fail; Properties throws IllegalArgumentException on a malformed escape.
            throw new InvalidValueException("not a properties file: " + e.getMessage());
        }
        // Sorted, so that warnings about its keys come in the same order every run.
        Map<String, String> pairs = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            pairs.put(name, properties.getProperty(name));
        }
        return new PairsFile(path, pairs);
    }

    /**
     * One {@code Name: value} or {@code Name=value} per line, blank lines and {@code #} comments ignored.
     * It keeps tokens out of {@code JAVA_TOOL_OPTIONS}, which every JVM echoes to stderr.
     */
    static PairsFile headers(Path path) throws InvalidValueException {
        HeaderSet set = new HeaderSet();
        String[] lines = text(path).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String place = "line " + (i + 1);
            // Neither separator can occur in a header name, so the first one ends it.
            int colon = line.indexOf(':');
            int eq = line.indexOf('=');
            int sep = colon < 0 ? eq : eq < 0 ? colon : Math.min(colon, eq);
            if (sep < 0) {
                throw new InvalidValueException(place + " has no ':' or '=' between name and value");
            }
            set.add(line.substring(0, sep), line.substring(sep + 1), place);
        }
        return new PairsFile(path, set.toMap());
    }

    /** As {@code describe()} shows it: the path, never the contents. */
    @Override
    public String toString() {
        return path.toString();
    }

    private static String text(Path file) throws InvalidValueException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidValueException("cannot read: no such file");
        } catch (AccessDeniedException e) {
            throw new InvalidValueException("cannot read: permission denied");
        } catch (FileSystemException e) {
            throw new InvalidValueException("cannot read: " + (e.getReason() != null ? e.getReason() : e.getMessage()));
        } catch (IOException e) {
            throw new InvalidValueException("cannot read: " + e.getMessage());
        }
        String text;
        try {
            // Strict: a silently replaced byte could corrupt a token or a mask.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidValueException("not UTF-8 text");
        }
        // Editors on Windows write a byte order mark, which would otherwise start the first name.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
