package dev.logredact.secrets;

import dev.logredact.match.Literal;
import dev.logredact.match.LiteralSet;
import dev.logredact.stream.LiteralSource;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The known secrets of this JVM: from the environment and secrets files at start-up, registered through
 * the API while the build runs, and learned from rule findings. Every stream matches against the
 * snapshot for its charset; a change makes a new snapshot, which streams apply to bytes they still hold.
 *
 * <p>Learned secrets are bounded in number and size and live only in memory: they are never written
 * anywhere.
 */
public final class SecretRegistry implements LiteralSource {
    private final int minLength;
    private final int maxLearned;
    private final int maxLearnedChars;

    private final List<Literal> literals = new ArrayList<>();
    private final List<String> forms = new ArrayList<>();
    private final Set<KnownSecret> known = new HashSet<>();
    /** The values given from the environment, files or the API, as opposed to learned from rule findings. */
    private final Set<String> given = new HashSet<>();
    private final Map<Charset, LiteralSet> snapshots = new ConcurrentHashMap<>();
    /** The last snapshot made for each charset and how many forms it holds, to extend when forms are added. */
    private final Map<Charset, Built> built = new ConcurrentHashMap<>();
    /** Each form encoded for each charset asked for so far, kept so a new secret costs only its own forms. */
    private final Map<Charset, List<byte[]>> patterns = new ConcurrentHashMap<>();
    private long version;
    private int learned;
    private int learnedChars;
    private int learnedDropped;

    /**
     * @param minLength shorter values are refused (and so are their shorter encoded forms)
     * @param maxLearned at most this many values are learned from rule findings
     * @param maxLearnedChars and at most this many characters of them in all
     */
    public SecretRegistry(int minLength, int maxLearned, int maxLearnedChars) {
        this.minLength = minLength;
        this.maxLearned = maxLearned;
        this.maxLearnedChars = maxLearnedChars;
    }

    public int minLength() {
        return minLength;
    }

    /**
     * Registers a secret with all its forms; returns the reason it was refused, or null. The reason
     * never contains the value.
     */
    public synchronized String register(KnownSecret secret) {
        String refused = SecretRefusal.reason(secret.value(), minLength);
        if (refused != null) {
            return refused;
        }
        if (!known.add(secret)) {
            return null;
        }
        if (secret.source() != KnownSecret.Source.LEARNED) {
            given.add(secret.value());
        }
        String label = secret.source() == KnownSecret.Source.LEARNED ? secret.name() : secret.label();
        String name = secret.source() == KnownSecret.Source.LEARNED ? null : secret.name();
        for (SecretForm form : SecretForms.of(secret, minLength)) {
            literals.add(new Literal(label, name, form.variant(), secret.value()));
            forms.add(form.text());
            for (Map.Entry<Charset, List<byte[]>> encoded : patterns.entrySet()) {
                encoded.getValue().add(LiteralSet.pattern(form.text(), encoded.getKey()));
            }
        }
        version++;
        snapshots.clear();
        return null;
    }

    /** Remembers a value a rule found in context, within the bounds; the label is the rule id. */
    @Override
    public void learned(String ruleId, String value) {
        synchronized (this) {
            if (learned >= maxLearned || learnedChars + value.length() > maxLearnedChars) {
                learnedDropped++;
                return;
            }
            KnownSecret secret;
            try {
                secret = KnownSecret.of(KnownSecret.Source.LEARNED, ruleId, value);
            } catch (IllegalArgumentException empty) {
                return;
            }
            if (known.contains(secret)) {
                return;
            }
            if (register(secret) == null) {
                learned++;
                learnedChars += value.length();
            }
        }
    }

    @Override
    public LiteralSet current(Charset charset) {
        LiteralSet snapshot = snapshots.get(charset);
        if (snapshot != null) {
            return snapshot;
        }
        // No computeIfAbsent with lambdas: this runs on an agent's first write, where each lambda
        // costs a generated class.
        synchronized (this) {
            snapshot = snapshots.get(charset);
            if (snapshot == null) {
                snapshot = snapshot(charset);
                snapshots.put(charset, snapshot);
            }
            return snapshot;
        }
    }

    /** The snapshot for the forms registered now: the last one made for the charset, with the forms since. */
    private LiteralSet snapshot(Charset charset) {
        if (literals.isEmpty()) {
            return LiteralSet.EMPTY;
        }
        Built last = built.get(charset);
        int from = last == null ? 0 : last.forms;
        LiteralSet base = last == null ? LiteralSet.EMPTY : last.set;
        LiteralSet set = base.plus(new ArrayList<>(literals.subList(from, literals.size())),
                new ArrayList<>(encoded(charset).subList(from, forms.size())), version);
        built.put(charset, new Built(set, forms.size()));
        return set;
    }

    /** A snapshot and the number of forms it was made from. */
    private static final class Built {
        final LiteralSet set;
        final int forms;

        Built(LiteralSet set, int forms) {
            this.set = set;
            this.forms = forms;
        }
    }

    private List<byte[]> encoded(Charset charset) {
        List<byte[]> list = patterns.get(charset);
        if (list == null) {
            list = new ArrayList<>(forms.size());
            for (String form : forms) {
                list.add(LiteralSet.pattern(form, charset));
            }
            patterns.put(charset, list);
        }
        return list;
    }

    /** Whether {@code value} was given as a secret (environment, file or API) rather than learned from a rule finding. */
    public synchronized boolean isGiven(String value) {
        return given.contains(value);
    }

    /** How many secrets are registered, learned ones included. */
    public synchronized int size() {
        return known.size();
    }

    /** Values not learned because the bounds were reached. */
    public synchronized int learnedDropped() {
        return learnedDropped;
    }
}
