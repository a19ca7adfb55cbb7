package dev.logredact.it.apps;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A program that leaks fake secrets through every path a JVM writes by: run under the agent by the
 * end-to-end tests, one scenario per argument.
 */
public final class LeakyApp {
    /** A fake GitHub token: the rules must find it anywhere. */
    public static final String PAT = "ghp_" + "Kx7Qm2Wn9Lp4Rt6Vy8Bz1Cd3Fg5Hj7Mk9Np2Q";
    public static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\n"
            + "MIIEowIBAAKCAQEAy8Dbv8prpJ/0kKhlGeJYozo2t60EG8L0561g13R29LvMR5hy\n"
            + "vGZlGJpmn65+A4xHXInJYiPuKzrKfDNSH6Ak3bZ2q9FAk0JgqzWn7Q3sPtRkX8eD\n"
            + "-----END RSA PRIVATE KEY-----";

    private LeakyApp() {
    }

    /** Lines each thread of the burst prints, on stdout and stderr by turns. */
    public static final int BURST_LINES = 5000;
    public static final int BURST_THREADS = 4;

    /** Threads printing at once, as a parallel build does: every 100th line carries the token. */
    private static void burst() throws InterruptedException {
        Thread[] threads = new Thread[BURST_THREADS];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                for (int n = 0; n < BURST_LINES; n++) {
                    String line = "burst " + id + " " + n + (n % 100 == 0 ? " token " + PAT : "");
                    (n % 2 == 0 ? System.out : System.err).println(line);
                }
            }, "burst-" + t);
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    public static void main(String[] args) throws Exception {
        String env = System.getenv("DEPLOY_TOKEN");
        for (String scenario : args) {
            switch (scenario) {
                case "println":
                    System.out.println("println " + PAT);
                    break;
                case "printf":
                    System.out.printf("printf %s and %d%n", PAT, 42);
                    break;
                case "write":
                    System.out.write(("write " + PAT + "\n").getBytes(StandardCharsets.UTF_8));
                    System.out.flush();
                    break;
                case "chars":
                    for (char c : ("chars " + PAT + "\n").toCharArray()) {
                        System.out.print(c);
                        System.out.flush();
                    }
                    break;
                case "stderr":
                    System.err.println("stderr " + PAT);
                    break;
                case "setout":
                    PrintStream saved = System.out;
                    PrintStream mine = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
                    System.setOut(mine);
                    System.out.println("setout " + PAT);
                    System.out.append("append ").append(PAT).append('\n');
                    System.setOut(saved);
                    System.out.println("restored identity " + (System.out == saved ? "kept" : "lost"));
                    break;
                case "env":
                    System.out.println("plain " + env);
                    System.out.println("base64 " + Base64.getEncoder().encodeToString(("ci:" + env).getBytes(StandardCharsets.UTF_8)));
                    System.out.println("url https://ci:" + URLEncoder.encode(env, "UTF-8") + "@repo.example/");
                    System.out.println("json {\"token\":\"" + env.replace("\"", "\\\"") + "\"}");
                    break;
                case "pem":
                    System.out.println("key:\n" + PEM + "\nafter");
                    break;
                case "exit-mid-line":
                    System.out.print("partial " + PAT);
                    System.exit(3);
                    break;
                case "throw":
                    throw new IllegalStateException("failed with " + PAT, new RuntimeException("cause " + PAT));
                case "child":
                    // The child writes straight to this process's stdout: only its own agent can mask it.
                    Process child = new ProcessBuilder(
                            System.getProperty("java.home") + "/bin/java", "-cp", System.getProperty("java.class.path"),
                            LeakyApp.class.getName(), "println").inheritIO().start();
                    System.out.println("child exited " + child.waitFor());
                    break;
                case "register":
                    // A value fetched mid-build: printed once before registration (still held, no newline), then after.
                    String fetched = "vault-" + "s.7fK2pQ9xLm4Wz8Rt";
                    System.out.print("fetched " + fetched);
                    Object refused = ClassLoader.getSystemClassLoader().loadClass("dev.logredact.api.Logredact")
                            .getMethod("registerSecret", String.class, String.class).invoke(null, "VAULT_TOKEN", fetched);
                    System.out.println(" registered " + (refused == null ? "ok" : refused));
                    System.out.println("again " + fetched);
                    break;
                case "charsets":
                    // Each standard stream in the charset the JVM was told for it (see the test).
                    System.out.println("caf\u00e9 " + PAT);
                    System.err.println("caf\u00e9 " + PAT);
                    break;
                case "fd":
                    // As Log4j 2's direct console does: straight to the descriptor, bypassing System.out.
                    FileOutputStream direct = new FileOutputStream(FileDescriptor.out);
                    direct.write(("fd " + PAT + "\n").getBytes(StandardCharsets.UTF_8));
                    new PrintStream(new FileOutputStream(FileDescriptor.err), true, "UTF-8").println("fd-err " + PAT);
                    System.out.println("after fd");
                    break;
                case "hook":
                    // The only output comes from a shutdown hook, which runs beside the agent's own exit hook.
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("hook " + PAT)));
                    break;
                case "burst":
                    burst();
                    break;
                case "burst-then-sigterm":
                    // Ended as CI ends a job that timed out: SIGTERM, so shutdown hooks run, while output
                    // may still be queued for masking.
                    burst();
                    new ProcessBuilder("kill", "-TERM", Long.toString(ProcessHandle.current().pid())).start();
                    Thread.sleep(60_000);
                    break;
                case "custom":
                    // Only a rule file of the test's own finds it.
                    System.out.println("custom acme_" + "0123456789abcdefghij");
                    break;
                case "hello":
                    // No rule keyword anywhere: what a JVM that exits before the engine is built may write without it.
                    System.out.println("Hello, world");
                    System.err.println("caf\u00e9 ready");
                    break;
                case "clean":
                    System.out.println("nothing secret here: BUILD SUCCESS, token count 3");
                    break;
                default:
                    throw new IllegalArgumentException("unknown scenario " + scenario);
            }
        }
    }
}
