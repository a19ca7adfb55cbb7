package dev.logredact.bench;

/** The start-up benchmark's program (run-startup.sh): a JVM that prints one line and exits. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("Hello, world");
    }
}
