package dev.logredact.bench;

/** {@link Hello} that also tells {@link TimingAgent} when main started and when its line was out. */
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void main(String[] args) {
        TimingAgent.mainStart = System.nanoTime();
        System.out.println("Hello, world");
        TimingAgent.printed = System.nanoTime();
    }
}
