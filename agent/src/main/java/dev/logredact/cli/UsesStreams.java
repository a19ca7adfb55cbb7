package dev.logredact.cli;

/** A command that is handed the standard streams before it runs. */
interface UsesStreams {
    void streams(Streams streams);
}
