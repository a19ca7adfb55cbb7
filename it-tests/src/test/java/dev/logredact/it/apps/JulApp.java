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
 * Logs a fake secret through java.util.logging: to {@code jul.log} (SimpleFormatter) and {@code jul.xml}
 * (XMLFormatter) in the directory given, and through the root logger's ConsoleHandler to stderr.
 * Given an agent jar too, it logs a clean record first and then attaches the agent to itself, so the
 * formatters are loaded, and in use, before the agent patches them.
 */
public final class JulApp {
    private JulApp() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        Logger logger = Logger.getLogger("dev.logredact.it.jul");
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
        logger.info("message " + LeakyApp.PAT);
        logger.log(Level.WARNING, "parameter {0}", LeakyApp.PAT);
        logger.log(Level.SEVERE, "failed", new IllegalStateException("exception " + LeakyApp.PAT));
        text.close();
        xml.close();
    }
}
