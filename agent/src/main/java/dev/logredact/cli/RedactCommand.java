package dev.logredact.cli;

import dev.logredact.mask.Redactor;
import dev.logredact.rules.RuleSet;
import dev.logredact.secrets.SecretRegistry;
import dev.logredact.stream.LineRedactor;
import dev.logredact.stream.ParallelRedactor;
import dev.logredact.stream.StreamMasker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.concurrent.Callable;

/** {@code redact}: standard input to standard output, masked, with the agent's engine and defaults. */
@Command(name = "redact", mixinStandardHelpOptions = true,
        description = "Copies standard input to standard output with every secret masked.")
final class RedactCommand extends StreamsCommand implements Callable<Integer> {
    @Mixin
    RuleOptions rules;

    @Mixin
    SecretOptions secrets;

    @Option(names = "--mask", paramLabel = "TEMPLATE", defaultValue = "[REDACTED:{rule}]",
            description = "replacement text; {rule} is the rule id, {fp} a short fingerprint (default: ${DEFAULT-VALUE})")
    String mask;

    @Option(names = "--charset", paramLabel = "NAME", defaultValue = "UTF-8",
            description = "charset of the input; bytes not valid in it pass unchanged (default: ${DEFAULT-VALUE})")
    String charset;


    @Override
    public Integer call() {
        RuleSet ruleSet = rules.load(streams.err);
        Redactor redactor;
        try {
            redactor = Redactor.builder(ruleSet).mask(mask)
                    .fingerprinter(FingerprintKey.fingerprinter(streams.err, false)).build();
        } catch (IllegalArgumentException e) {
            throw new CliException("--mask: " + e.getMessage());
        }
        OutputStream out = new BufferedOutputStream(streams.out, 1 << 16);
        SecretRegistry known = secrets.load(streams.err);
        Charset inputCharset = charsetNamed(charset);
        int processors = Runtime.getRuntime().availableProcessors();
        try {
            if (processors > 1) {
                new ParallelRedactor(redactor, known, inputCharset, processors).copy(streams.in, out);
            } else {
                new LineRedactor(redactor, known, inputCharset, StreamMasker.RedactionSink.NONE).copy(streams.in, out);
            }
        } catch (IOException e) {
            throw new CliException("cannot read standard input: " + e.getMessage());
        }
        return 0;
    }

    static Charset charsetNamed(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CliException("--charset: unknown charset '" + name + "'");
        }
    }
}
