package io.github.hardenedcontainer.sample.log;

import java.util.logging.LogManager;

/**
 * The JDK's LogManager, except that its own shutdown hook does not reset it. That hook removes every handler when
 * the JVM begins to exit, and the service's graceful shutdown runs in a shutdown hook too, at the same time: without
 * this, its last lines ("stopped") would be lost. The handler writes each record at once, so nothing waits to be
 * flushed. Installed by {@code Main} through the {@code java.util.logging.manager} system property, before the first
 * logger exists.
 */
public final class ShutdownSafeLogManager extends LogManager {

    @Override
    public void reset() {
        if (Thread.currentThread().getClass().getName().equals(LogManager.class.getName() + "$Cleaner")) {
            return;
        }
        super.reset();
    }
}
