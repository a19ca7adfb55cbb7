package dev.logredact.config;

import dev.logredact.mask.MaskTemplate;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Parsers for the plain value types that several keys share. */
final class Values {
    private Values() {
    }

    static Boolean bool(String text) throws InvalidValueException {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new InvalidValueException("not true or false");
    }

    static long wholeNumber(String text, long min, long max) throws InvalidValueException {
        long n;
        try {
            n = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(isDigits(text) ? "out of range" : "not a whole number");
        }
        if (n < min) {
            throw new InvalidValueException(min == 0 ? "must not be negative" : "must be at least " + min);
        }
        if (n > max) {
            throw new InvalidValueException("must be at most " + max);
        }
        return n;
    }

    static Path path(String text) throws InvalidValueException {
        try {
            return Paths.get(text);
        } catch (InvalidPathException e) {
            throw new InvalidValueException("not a valid path: " + e.getReason());
        }
    }

    /** Checked here, with the engine's own rules, so that a bad mask falls back instead of failing later. */
    static String mask(String text) throws InvalidValueException {
        try {
            MaskTemplate.of(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(e.getMessage());
        }
        return text;
    }

    private static boolean isDigits(String text) {
        int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return text.length() > start;
    }
}
