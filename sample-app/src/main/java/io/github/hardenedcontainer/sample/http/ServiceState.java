package io.github.hardenedcontainer.sample.http;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/** What the HTTP layer needs to know about the running service. */
public final class ServiceState {

    private final Instant startedAt = Instant.now();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();

    public Instant startedAt() {
        return startedAt;
    }

    public boolean shuttingDown() {
        return shuttingDown.get();
    }

    /** Marks the service as shutting down; returns false when it already was. */
    public boolean beginShutdown() {
        return shuttingDown.compareAndSet(false, true);
    }
}
