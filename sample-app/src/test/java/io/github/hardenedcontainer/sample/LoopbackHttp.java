package io.github.hardenedcontainer.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Blocking HTTP to a service on loopback, for the process and container tests: requests, polling, bounded load. */
final class LoopbackHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI base;

    LoopbackHttp(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Polls a path every 20 ms until it answers the status, the time is up, or the service is gone.
     *
     * @return the milliseconds it took, or -1
     */
    long awaitStatus(String path, int status, long timeoutMs, BooleanSupplier alive) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline && alive.getAsBoolean()) {
            try {
                if (get(path).statusCode() == status) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
            } catch (IOException e) {
                // not answering (yet)
            }
            Thread.sleep(20);
        }
        return -1;
    }

    /** One request of a load: the worker's number and the request's number. */
    interface Request {
        HttpResponse<String> send(int worker, int n) throws Exception;
    }

    /**
     * Workers that send requests back to back until stopped or until each has sent {@code maxPerWorker}; every
     * non-2xx answer and every exception is recorded as a failure.
     */
    final class BoundedLoad {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicInteger ok = new AtomicInteger();
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private final List<Thread> threads = new ArrayList<>();

        BoundedLoad(int workers, int maxPerWorker, Request request) {
            for (int w = 0; w < workers; w++) {
                int worker = w;
                Thread t = new Thread(() -> {
                    for (int n = 0; n < maxPerWorker && !stop.get(); n++) {
                        try {
                            HttpResponse<String> r = request.send(worker, n);
                            if (r.statusCode() / 100 == 2) {
                                ok.incrementAndGet();
                            } else {
                                failures.add(r.statusCode() + " " + r.body());
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                });
                t.start();
                threads.add(t);
            }
        }

        /** Lets each worker finish the request it is sending, then waits for all. */
        void stop() throws InterruptedException {
            stop.set(true);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }

        int ok() {
            return ok.get();
        }

        List<String> failures() {
            return failures;
        }
    }

    BoundedLoad load(int workers, int maxPerWorker, Request request) {
        return new BoundedLoad(workers, maxPerWorker, request);
    }
}
