package dev.logredact.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a small UTF-8 configuration file, turning every failure into a problem a person can act on. */
final class TextFile {
    private TextFile() {
    }

    static String read(Path file) throws InvalidValueException {
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
