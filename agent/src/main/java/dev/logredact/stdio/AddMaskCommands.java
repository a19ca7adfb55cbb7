package dev.logredact.stdio;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Tells the GitHub Actions runner to mask a secret a rule found, in this step's later output and in
 * later steps: {@code ::add-mask::VALUE} on standard output, once per value (opt-in,
 * {@code logredact.github.add.mask}). The command carries the value, so it goes straight to the
 * standard output descriptor, past the agent's masker, and nowhere else. Known secrets are not sent:
 * the runner already masks the secrets it passed to the job.
 */
public final class AddMaskCommands {
    /** As many values as the engine learns from rule findings at most; further ones are not sent. */
    static final int MAX_VALUES = 1000;

    private final OutputStream out;
    /** Held in memory only, as the engine's learned secrets are. */
    private final Set<String> sent = new HashSet<>();

    AddMaskCommands(OutputStream out) {
        this.out = out;
    }

    /** Commands to this JVM's standard output descriptor. */
    public static AddMaskCommands toStandardOutput() {
        return new AddMaskCommands(new PassingFileOutputStream(FileDescriptor.out));
    }

    /**
     * Whether the commands may be printed: asked for, in a GitHub Actions job, and not in a Surefire
     * fork, whose standard output is Maven's binary event channel (a command there would corrupt it,
     * and Maven would print the value as a stray line).
     */
    public static boolean wanted(boolean optIn, Map<String, String> environment, boolean surefireFork) {
        return optIn && !surefireFork && "true".equalsIgnoreCase(environment.get("GITHUB_ACTIONS"));
    }

    /** Sends the command for {@code value} unless already sent; called on the writing thread, once per finding. */
    public void found(String value) {
        synchronized (sent) {
            if (sent.size() >= MAX_VALUES || !sent.add(value)) {
                return;
            }
        }
        byte[] command = command(value).getBytes(StandardCharsets.UTF_8);
        if (command.length == 0) {
            return;
        }
        try {
            // One write: a line end first, so the command starts a line even after a prompt left unfinished.
            synchronized (out) {
                out.write(command);
                out.flush();
            }
        } catch (IOException e) {
            // Standard output is gone: there is nobody left to tell.
        }
    }

    /**
     * The command text: one {@code ::add-mask::} line per line of the value (GitHub masks a multi-line
     * value reliably only line by line), after a line end; empty for a blank value. Data is escaped as
     * the Actions toolkit does; with the line breaks split off, only {@code %} is left to escape.
     */
    static String command(String value) {
        StringBuilder sb = new StringBuilder();
        for (String line : value.split("\r\n|\r|\n")) {
            if (!line.trim().isEmpty()) {
                sb.append("::add-mask::").append(line.replace("%", "%25")).append('\n');
            }
        }
        return sb.length() == 0 ? "" : "\n" + sb;
    }
}
