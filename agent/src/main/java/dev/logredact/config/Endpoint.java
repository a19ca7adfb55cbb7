package dev.logredact.config;

import java.net.URI;
import java.net.URISyntaxException;

/** The collector's base URL ({@code logredact.collector.endpoint}); events go to {@code {endpoint}/v1/logs}. */
final class Endpoint {
    private Endpoint() {
    }

    /** A base URL, to which {@link #logsUrl} appends the path. */
    static URI parse(String text) throws InvalidValueException {
        return checked(text, "events go to {endpoint}/v1/logs");
    }

    /** The whole URL events are POSTed to, used as is. */
    static URI parseLogsUrl(String text) throws InvalidValueException {
        return checked(text, "a query can carry a credential, and URLs end up in logs");
    }

    /** {@code {endpoint}/v1/logs}, whether or not the endpoint ends with a slash. */
    static URI logsUrl(URI endpoint) {
        String base = endpoint.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/v1/logs");
    }

    private static URI checked(String text, String whyNoQuery) throws InvalidValueException {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            // The reason only: the exception's message quotes the whole input.
            throw new InvalidValueException("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new InvalidValueException("not an http or https URL");
        }
        // Rejected rather than used: every JVM echoes JAVA_TOOL_OPTIONS, and URLs end up in logs.
        if (uri.getRawUserInfo() != null) {
            throw new InvalidValueException("must not carry credentials: put them in collector.headers or"
                    + " collector.headers.file");
        }
        if (uri.getHost() == null) {
            throw new InvalidValueException("has no valid host name");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidValueException("must not have a query or fragment: " + whyNoQuery);
        }
        return uri;
    }

    /**
     * The text with anything that may be a credential hidden: user info (up to the last {@code @}, since
     * a password may hold one) and everything from a query or fragment on.
     */
    static String withoutCredentials(String text) {
        String shown = text;
        int at = shown.lastIndexOf('@');
        if (at >= 0) {
            int scheme = shown.indexOf("://");
            String prefix = scheme >= 0 && scheme < at ? shown.substring(0, scheme + 3) : "";
            shown = prefix + "***@" + shown.substring(at + 1);
        }
        int query = firstOf(shown, '?', '#');
        return query >= 0 ? shown.substring(0, query + 1) + "***" : shown;
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
