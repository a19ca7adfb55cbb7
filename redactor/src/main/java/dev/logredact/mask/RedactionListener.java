package dev.logredact.mask;

/** Told of every secret as it is masked; called on the writing thread, so it must be quick. */
public interface RedactionListener {
    /** Tells no one. A class, not a lambda: each lambda costs an agent's start-up a generated class. */
    RedactionListener NONE = new RedactionListener() {
        @Override
        public void redacted(Span mask) {
        }
    };

    void redacted(Span mask);
}
