package dev.logredact.mask;

/** Told of every secret as it is masked; called on the writing thread, so it must be quick. */
public interface RedactionListener {
    RedactionListener NONE = mask -> { };

    void redacted(Span mask);
}
