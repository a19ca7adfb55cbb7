package dev.logredact.it.apps;

/** Loads the agent into the running JVM, as a build tool does when it attaches late. */
final class SelfAttach {
    private SelfAttach() {
    }

    /** Needs {@code -Djdk.attach.allowAttachSelf=true}. */
    static void load(String agentJar) throws Exception {
        com.sun.tools.attach.VirtualMachine self =
                com.sun.tools.attach.VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
        try {
            self.loadAgent(agentJar);
        } finally {
            self.detach();
        }
    }
}
