package dev.logredact.cli;

import dev.logredact.event.Fingerprinter;
import dev.logredact.match.PatternScanner;
import dev.logredact.rules.RuleSet;
import dev.logredact.stream.LineScanner;
import dev.logredact.stream.LocatedFinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code scan}: reports where secrets are in files, with rule and fingerprint, never the secret. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Finds secrets in files (directories are walked) and reports file, line, column, rule and fingerprint.")
final class ScanCommand extends StreamsCommand implements Callable<Integer> {
    /** Output formats of {@code --format}. */
    enum Format { text, json, sarif }

    @Mixin
    RuleOptions rules;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or sarif (SARIF 2.1.0, for GitHub code scanning) (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--exit-code", paramLabel = "N", defaultValue = "1",
            description = "exit code when anything was found (default: ${DEFAULT-VALUE})")
    int exitCode;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "files or directories to scan")
    List<Path> files;


    @Override
    public Integer call() throws IOException {
        List<Path> targets = expand(files);
        RuleSet ruleSet = rules.load(streams.err);
        Fingerprinter fingerprinter = FingerprintKey.fingerprinter(streams.err, format != Format.text);
        LineScanner scanner = new LineScanner(new PatternScanner(ruleSet, true), fingerprinter);
        List<ScannedFile> results = new ArrayList<>();
        int found = 0;
        for (Path file : targets) {
            String text = read(file);
            if (text == null) {
                continue;
            }
            String name = display(file);
            List<LocatedFinding> findings = scanner.scan(text, name);
            found += findings.size();
            results.add(new ScannedFile(name, findings));
        }
        Writer out = new OutputStreamWriter(streams.out, StandardCharsets.UTF_8);
        switch (format) {
            case json:
                FindingReports.json(results, out);
                break;
            case sarif:
                FindingReports.sarif(results, ruleSet, out);
                break;
            default:
                FindingReports.text(results, out);
                streams.err.println("logredact: " + found + " secrets found in " + targets.size() + " files");
        }
        out.flush();
        return found > 0 ? exitCode : 0;
    }

    /** Every file named, and every regular file under a named directory; a missing path is an error before any scan. */
    private static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    out.addAll(walk.filter(Files::isRegularFile)
                            .filter(f -> !f.toString().contains("/.git/"))
                            .sorted().collect(Collectors.toList()));
                }
            } else if (Files.exists(p)) {
                // Named, a pipe or device is read to its end too: scan <(cmd), scan /dev/stdin. Under a
                // walked directory only regular files are, as a FIFO there could block the scan for good.
                out.add(p);
            } else {
                throw new CliException(p + ": no such file or directory");
            }
        }
        return out;
    }

    /** The file as text, or null for a binary file (a NUL byte near its start), which is skipped. */
    private String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CliException(file + ": cannot be read: " + e.getMessage());
        }
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** Relative to the working directory when under it, as code scanning wants repository paths. */
    private static String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = Paths.get("").toAbsolutePath();
        Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /** One scanned file and what was found in it. */
    static final class ScannedFile {
        final String path;
        final List<LocatedFinding> findings;

        ScannedFile(String path, List<LocatedFinding> findings) {
            this.path = path;
            this.findings = findings;
        }
    }
}
