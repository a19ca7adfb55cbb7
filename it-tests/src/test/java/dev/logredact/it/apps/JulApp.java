package dev.logredact.it.apps;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.XMLFormatter;

/**
 * The {@link Scenario} through java.util.logging: to {@code jul.log} (SimpleFormatter) and {@code jul.xml}
 * (XMLFormatter) in the directory given, and through the root logger's ConsoleHandler to stderr. JUL
 * has no MDC: the session event is logged plain. Given an agent jar too, it logs a clean record first
 * and then attaches the agent to itself, so the formatters are loaded, and in use, before the agent
 * patches them.
 */
public final class JulApp {
    private JulApp() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        Logger logger = Logger.getLogger(JulApp.class.getName());
        Handler text = new FileHandler(dir.resolve("jul.log").toString());
        text.setFormatter(new SimpleFormatter());
        Handler xml = new FileHandler(dir.resolve("jul.xml").toString());
        xml.setFormatter(new XMLFormatter());
        logger.addHandler(text);
        logger.addHandler(xml);
        if (args.length > 1) {
            logger.info("before the agent");
            com.sun.tools.attach.VirtualMachine self =
                    com.sun.tools.attach.VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
            try {
                self.loadAgent(args[1]);
            } finally {
                self.detach();
            }
        }
        Scenario.run(logger::info, (prefix, parameter) -> logger.log(Level.WARNING, prefix + " {0}", parameter),
                (key, value) -> { }, key -> { }, (message, t) -> logger.log(Level.SEVERE, message, t));
        text.close();
        xml.close();
    }
}
