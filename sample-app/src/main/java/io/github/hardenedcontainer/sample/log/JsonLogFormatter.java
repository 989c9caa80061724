package io.github.hardenedcontainer.sample.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Formats each log record as one JSON object on one line: time, level, logger, message, the fields of a structured
 * event, and the error when there is one.
 */
public final class JsonLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder b = new StringBuilder(160).append('{');
        field(b, "time", Instant.ofEpochMilli(record.getMillis()).toString());
        field(b, "level", record.getLevel().getName());
        field(b, "logger", record.getLoggerName() == null ? "" : record.getLoggerName());
        Object[] params = record.getParameters();
        boolean structured = params != null && params.length == 1 && params[0] instanceof Map<?, ?>;
        field(b, "message", structured ? record.getMessage() : formatMessage(record));
        if (structured) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) params[0]).entrySet()) {
                value(b, String.valueOf(e.getKey()), e.getValue());
            }
        }
        if (record.getThrown() != null) {
            Throwable t = record.getThrown();
            field(b, "error", t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            field(b, "stack", trace.toString());
        }
        b.setLength(b.length() - 1);
        return b.append("}\n").toString();
    }

    private static void value(StringBuilder b, String key, Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            quote(b, key);
            b.append(':').append(value).append(',');
        } else {
            field(b, key, String.valueOf(value));
        }
    }

    private static void field(StringBuilder b, String key, String value) {
        quote(b, key);
        b.append(':');
        quote(b, value);
        b.append(',');
    }

    static void quote(StringBuilder b, String text) {
        b.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
