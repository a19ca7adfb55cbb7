package dev.logredact.collector.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body, gzip-decoded when so marked, never holding more than the limit: the limit applies
 * to the bytes on the wire and again to the decoded bytes, so a small gzip bomb is refused as well.
 */
final class RequestBody {
    private RequestBody() {
    }

    /** The body is larger than allowed: answered with 413. */
    static final class TooLargeException extends Exception {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    /** The Content-Encoding is neither absent, identity nor gzip: answered with 415. */
    static final class UnsupportedEncodingException extends Exception {
        private static final long serialVersionUID = 1L;

        UnsupportedEncodingException(String message) {
            super(message);
        }
    }

    static byte[] read(InputStream in, String contentEncoding, long contentLength, int limit)
            throws IOException, TooLargeException, UnsupportedEncodingException, MalformedRequestException {
        boolean gzip = gzip(contentEncoding);
        if (contentLength > limit) {
            throw new TooLargeException("body of " + contentLength + " bytes is larger than the limit of " + limit + " bytes");
        }
        byte[] wire = readAtMost(in, limit, "body is larger than the limit of " + limit + " bytes");
        if (!gzip) {
            return wire;
        }
        try (InputStream unzipped = new GZIPInputStream(new java.io.ByteArrayInputStream(wire))) {
            return readAtMost(unzipped, limit, "gzip body decompresses to more than the limit of " + limit + " bytes");
        } catch (ZipException | java.io.EOFException e) {
            throw new MalformedRequestException("body is marked Content-Encoding: gzip but is not valid gzip");
        }
    }

    private static boolean gzip(String contentEncoding) throws UnsupportedEncodingException {
        if (contentEncoding == null) {
            return false;
        }
        String encoding = contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity")) {
            return false;
        }
        if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
            return true;
        }
        throw new UnsupportedEncodingException("Content-Encoding must be gzip or none");
    }

    private static byte[] readAtMost(InputStream in, int limit, String tooLarge) throws IOException, TooLargeException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 64 * 1024));
        byte[] buffer = new byte[16 * 1024];
        int total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) {
                throw new TooLargeException(tooLarge);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
