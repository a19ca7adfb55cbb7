package dev.logredact.cli;

import picocli.CommandLine.Command;

/** {@code version}: prints the version. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Prints the version.")
final class VersionCommand extends StreamsCommand implements Runnable {

    @Override
    public void run() {
        streams.out.println("logredact " + Version.current());
    }
}
