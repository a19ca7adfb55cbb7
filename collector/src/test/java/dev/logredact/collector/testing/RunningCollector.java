package dev.logredact.collector.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A test class whose every test talks to its own freshly started collector. */
public abstract class RunningCollector {
    @TempDir
    protected Path dir;
    protected TestCollector collector;
    protected CollectorClient client;

    /** What this class's collectors are started with. */
    protected TestCollector.Options options() {
        return new TestCollector.Options();
    }

    @BeforeEach
    void startCollector() {
        collector = TestCollector.start(dir, options());
        client = collector.client;
    }

    @AfterEach
    void stopCollector() {
        collector.close();
    }
}
