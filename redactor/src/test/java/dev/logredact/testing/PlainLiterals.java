package dev.logredact.testing;

import dev.logredact.match.Literal;
import dev.logredact.match.LiteralSet;
import dev.logredact.stream.LiteralSource;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/** Known secrets registered by hand, each as the given forms; what the registry does, minus encodings. */
public final class PlainLiterals implements LiteralSource {
    private final List<Literal> literals = new ArrayList<>();
    private final List<String> forms = new ArrayList<>();
    private final java.util.Map<Charset, LiteralSet> sets = new java.util.HashMap<>();
    private long version;

    public synchronized PlainLiterals add(String name, String value, String... extraForms) {
        literals.add(new Literal("env:" + name, name, "plain", value));
        forms.add(value);
        for (String form : extraForms) {
            literals.add(new Literal("env:" + name, name, "encoded", value));
            forms.add(form);
        }
        sets.clear();
        version++;
        return this;
    }

    @Override
    public synchronized LiteralSet current(Charset charset) {
        return sets.computeIfAbsent(charset, cs -> LiteralSet.of(literals, forms, cs, version));
    }
}
