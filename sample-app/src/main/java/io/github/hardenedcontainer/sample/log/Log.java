package io.github.hardenedcontainer.sample.log;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/** Sends every java.util.logging record (Vert.x's and Netty's included) to stdout as one JSON line. */
public final class Log {

    /**
     * Micrometer warns once when Vert.x registers its active-connections gauge a second time for the same server;
     * the registration is a no-op, so the warning is noise. Held here so the level setting is not collected.
     */
    private static final Logger METER_REGISTRY = Logger.getLogger("io.micrometer.core.instrument.MeterRegistry");

    private Log() {
    }

    /** Replaces the JUL configuration: one handler, JSON lines, on stdout. */
    public static void toStdout() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(new FlushingHandler(System.out));
        METER_REGISTRY.setLevel(Level.SEVERE);
    }

    /** Sets the level of every logger (the root's; the ones set apart here keep theirs). */
    public static void level(Level level) {
        Logger.getLogger("").setLevel(level);
    }

    /** Logs a structured event: the message plus key-value fields, in order. */
    public static void event(Logger logger, Level level, String message, Object... keyValues) {
        if (!logger.isLoggable(level)) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            fields.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger.getName());
        record.setParameters(new Object[] {fields});
        logger.log(record);
    }

    /** A handler that writes each record at once, so container logs are never behind. */
    private static final class FlushingHandler extends StreamHandler {
        FlushingHandler(PrintStream out) {
            super(out, new JsonLogFormatter());
            setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }

        @Override
        public synchronized void close() {
            flush();
        }
    }
}
