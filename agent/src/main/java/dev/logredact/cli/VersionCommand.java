package dev.logredact.cli;

import picocli.CommandLine.Command;

/** {@code version}: prints the version. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Prints the version.")
final class VersionCommand implements Runnable, UsesStreams {
    private Streams streams;

    @Override
    public void streams(Streams streams) {
        this.streams = streams;
    }

    @Override
    public void run() {
        streams.out.println("logredact " + Version.current());
    }
}
