package dev.logredact.export;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The OTLP resource of this JVM's events: the agent as a service instance, the host and process it
 * runs in, and the CI context. Never the command line or arguments, which may carry secrets.
 */
final class AgentResource {
    static final String SERVICE_NAME = "logredact-agent";

    private AgentResource() {
    }

    /**
     * Built on the reporter's thread, not at start-up: the host name may need a lookup and the pid a
     * management bean.
     */
    static Map<String, Object> of(String version, Map<String, String> environment) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service.name", SERVICE_NAME);
        r.put("service.version", version);
        // Random per JVM: what logredact.event.seq counts within.
        r.put("service.instance.id", UUID.randomUUID().toString());
        r.put("host.name", hostName(environment));
        Long pid = pid();
        if (pid != null) {
            r.put("process.pid", pid);
        }
        r.put("process.runtime.name", System.getProperty("java.runtime.name"));
        r.put("process.runtime.version", System.getProperty("java.runtime.version"));
        r.putAll(CiContext.detect(environment).attributes());
        return r;
    }

    private static String hostName(Map<String, String> environment) {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String name = environment.get(variable);
            if (name != null && !name.trim().isEmpty()) {
                return name.trim();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return null;
        }
    }

    /** ProcessHandle on Java 9 and later (found reflectively: this is Java 8 bytecode), else the runtime bean's name. */
    private static Long pid() {
        try {
            Class<?> handle = Class.forName("java.lang.ProcessHandle");
            Object current = handle.getMethod("current").invoke(null);
            return (Long) handle.getMethod("pid").invoke(current);
        } catch (ReflectiveOperationException | RuntimeException e) {
            try {
                String name = ManagementFactory.getRuntimeMXBean().getName();
                int at = name.indexOf('@');
                return Long.parseLong(at > 0 ? name.substring(0, at) : name);
            } catch (RuntimeException unknown) {
                return null;
            }
        }
    }
}
