package dev.logredact.export;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * URLs from CI variables made fit to send: never with user info (a clone URL may carry a token as its
 * user or password), and for a repository the address a browser opens.
 */
final class Urls {
    private Urls() {
    }

    /**
     * An http or https URL without user info, path, query and fragment kept; null when {@code raw} is no
     * such URL.
     */
    static String web(String raw) {
        URI uri = parse(raw);
        if (uri == null || !isHttp(uri.getScheme()) || uri.getHost() == null) {
            return null;
        }
        StringBuilder sb = origin(uri.getScheme(), uri).append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            sb.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            sb.append('#').append(uri.getRawFragment());
        }
        return sb.toString();
    }

    /**
     * A repository's browser URL ({@code vcs.repository.url.full}): scheme, host and path without user
     * info, query, fragment, trailing slash or {@code .git}. SSH clone URLs ({@code git@host:org/repo.git},
     * {@code ssh://git@host/org/repo}) become https on the same host; null for anything else.
     */
    static String repository(String raw) {
        String s = raw.trim();
        if (!s.contains("://")) {
            // scp-like syntax: [user@]host:path; not a local path, nor one with a drive letter.
            int colon = s.indexOf(':');
            if (colon <= 1 || s.indexOf('/') >= 0 && s.indexOf('/') < colon) {
                return null;
            }
            s = "ssh://" + s.substring(0, colon) + "/" + stripLeadingSlashes(s.substring(colon + 1));
        }
        URI uri = parse(s);
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        StringBuilder sb;
        if (isHttp(scheme)) {
            sb = origin(scheme, uri);
        } else if (scheme.equals("ssh") || scheme.equals("git")) {
            // The SSH port says nothing about where the web server listens.
            sb = new StringBuilder("https://").append(uri.getHost());
        } else {
            return null;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        path = trimTrailingSlashes(path);
        if (path.endsWith(".git")) {
            path = trimTrailingSlashes(path.substring(0, path.length() - 4));
        }
        return sb.append(path).toString();
    }

    /** Scheme, host and port: everything before the path but the user info. */
    private static StringBuilder origin(String scheme, URI uri) {
        StringBuilder sb = new StringBuilder(scheme.toLowerCase(Locale.ROOT)).append("://").append(uri.getHost());
        return uri.getPort() >= 0 ? sb.append(':').append(uri.getPort()) : sb;
    }

    private static boolean isHttp(String scheme) {
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }

    private static URI parse(String raw) {
        try {
            return new URI(raw.trim());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String stripLeadingSlashes(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '/') {
            i++;
        }
        return s.substring(i);
    }

    private static String trimTrailingSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }
}
