package dev.logredact.cli;

/** A command that reads and writes the streams it is handed, so tests can run it in-process. */
abstract class StreamsCommand implements UsesStreams {
    Streams streams;

    @Override
    public void streams(Streams streams) {
        this.streams = streams;
    }
}
