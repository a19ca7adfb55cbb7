package dev.logredact.stream;

import dev.logredact.mask.Redactor;
import dev.logredact.match.PatternScanner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Copies a byte stream line by line, masking secrets. Lines end at {@code \n}, {@code \r\n} or a lone
 * {@code \r} (progress output); terminators and every unmasked byte are copied unchanged. A line in
 * which no rule keyword occurs is copied without being decoded, which is most lines of a build log.
 * Private key blocks are held from BEGIN to END and masked whole.
 */
public final class LineRedactor {
    /** Longer lines are cut into pieces of this size, each masked on its own. */
    static final int MAX_LINE = 1 << 20;

    private final Redactor redactor;
    private final PatternScanner scanner;
    private final LineText lineText;
    private final String blockMask;

    public LineRedactor(Redactor redactor, Charset charset) {
        this.redactor = redactor;
        this.scanner = redactor.scanner();
        this.lineText = new LineText(charset);
        this.blockMask = redactor.mask().render("private-key", null);
    }

    /** Copies {@code in} to {@code out} until end of input, masking; does not close either. */
    public void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[64 * 1024];
        int filled = 0;
        int start = 0;
        PrivateKeyBlock block = null;
        boolean eof = false;
        while (true) {
            int lineEnd = -1;
            int next = -1;
            for (int i = start; i < filled; i++) {
                byte b = buf[i];
                if (b == '\n') {
                    lineEnd = i;
                    next = i + 1;
                    break;
                }
                if (b == '\r') {
                    if (i + 1 < filled || eof) {
                        lineEnd = i;
                        next = i + 1 < filled && buf[i + 1] == '\n' ? i + 2 : i + 1;
                    }
                    // A \r at the end of the buffer may be the first half of \r\n: read more first.
                    break;
                }
            }
            if (lineEnd < 0 && (eof || filled - start >= MAX_LINE) && filled > start) {
                lineEnd = Math.min(filled, start + MAX_LINE);
                next = lineEnd;
            }
            if (lineEnd >= 0) {
                block = line(buf, start, lineEnd, next, block, out);
                start = next;
                continue;
            }
            if (eof) {
                break;
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, filled - start);
                filled -= start;
                start = 0;
            }
            if (filled == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_LINE + 2));
            }
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                eof = true;
            } else {
                filled += n;
            }
        }
        if (block != null) {
            out.write(lineText.encode(block.maskedLineByLine(blockMask)));
        }
        out.flush();
    }

    /** Handles one line; returns the private key block still open after it, if any. */
    private PrivateKeyBlock line(byte[] buf, int start, int end, int next, PrivateKeyBlock block, OutputStream out)
            throws IOException {
        if (block == null && !scanner.mayContainSecrets(buf, start, end - start)) {
            out.write(buf, start, next - start);
            return null;
        }
        LineText.Decoded decoded = lineText.decode(buf, start, next - start);
        String text = decoded.text;
        String content = text.substring(0, text.length() - (next - end));
        if (block != null) {
            block.add(text);
            if (PrivateKeyBlock.closes(content)) {
                out.write(decoded.encode(redactor.redact(block.text())));
                return null;
            }
            if (block.full()) {
                out.write(decoded.encode(block.maskedLineByLine(blockMask)));
                return null;
            }
            return block;
        }
        if (PrivateKeyBlock.opens(content)) {
            PrivateKeyBlock opened = new PrivateKeyBlock();
            opened.add(text);
            return opened;
        }
        String masked = redactor.redactLine(content);
        if (masked == content) {
            out.write(buf, start, next - start);
        } else {
            out.write(decoded.encode(masked));
            out.write(buf, end, next - end);
        }
        return null;
    }
}
