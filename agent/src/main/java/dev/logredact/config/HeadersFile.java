package dev.logredact.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The file named by {@code logredact.collector.headers.file}: one {@code Name: value} or
 * {@code Name=value} per line, blank lines and {@code #} comments ignored. It keeps tokens out of
 * {@code JAVA_TOOL_OPTIONS}, which every JVM echoes to stderr.
 */
final class HeadersFile {
    final Path path;
    final Map<String, String> headers;

    private HeadersFile(Path path, Map<String, String> headers) {
        this.path = path;
        this.headers = headers;
    }

    static HeadersFile read(Path path) throws InvalidValueException {
        HeaderSet set = new HeaderSet();
        String[] lines = TextFile.read(path).split("\n");
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
        return new HeadersFile(path, set.toMap());
    }

    /** As {@code describe()} shows it: the path, never the headers. */
    @Override
    public String toString() {
        return path.toString();
    }
}
