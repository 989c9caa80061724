package io.github.hardenedcontainer;

import io.github.hardenedcontainer.model.ModuleFacts;
import io.github.hardenedcontainer.model.ReactorFacts;
import io.github.hardenedcontainer.model.Settings;
import java.util.List;

/** Representative projects for tests: what the Maven layer would read from their POMs. */
public final class Fixtures {

    public static final String VERSION = "1.2.3";

    private Fixtures() {
    }

    /** A plain jar with a main class in its jar-plugin manifest, no database. */
    public static ReactorFacts plainJar(Settings settings) {
        return single(module("", "com.example", "hello-service", "jar", List.of("org.slf4j:slf4j-api"),
                List.of("com.example.hello.Main"), settings));
    }

    /** A Vert.x service using PostgreSQL, with a license and SCM URL. */
    public static ReactorFacts postgresService(Settings settings) {
        ModuleFacts m = new ModuleFacts("com.example", "orders", "2.0.0", "Orders", "Order service\n  with \"quotes\"",
                "jar", "", "orders-2.0.0", List.of("io.vertx:vertx-web", "io.vertx:vertx-pg-client"),
                List.of("com.example.orders.Main"), "21", "Apache-2.0", "https://github.com/example/orders", settings,
                List.of("src"));
        return single(m);
    }

    /** A reactor: a parent pom, a library, and two services (one with PostgreSQL). */
    public static ReactorFacts reactor(Settings settings) {
        List<ModuleFacts> modules = List.of(
                module("", "com.example", "shop-parent", "pom", List.of(), List.of(), settings),
                module("common", "com.example", "common", "jar", List.of(), List.of(), settings),
                module("services/api", "com.example", "api", "jar",
                        List.of("com.example:common", "org.postgresql:postgresql"), List.of("com.example.api.Main"), settings,
                        List.of("common/src", "services/api/src")),
                module("services/worker", "com.example", "worker", "jar", List.of("com.example:common"),
                        List.of("com.example.worker.Worker"), settings, List.of("common/src", "services/worker/src")));
        return new ReactorFacts(modules,
                List.of("pom.xml", "common/pom.xml", "services/api/pom.xml", "services/pom.xml", "services/worker/pom.xml"),
                true, true, settings);
    }

    public static ModuleFacts module(String path, String groupId, String artifactId, String packaging,
            List<String> dependencies, List<String> mainClasses, Settings settings) {
        return module(path, groupId, artifactId, packaging, dependencies, mainClasses, settings,
                List.of(path.isEmpty() ? "src" : path + "/src"));
    }

    public static ModuleFacts module(String path, String groupId, String artifactId, String packaging,
            List<String> dependencies, List<String> mainClasses, Settings settings, List<String> sourceDirs) {
        return new ModuleFacts(groupId, artifactId, VERSION, artifactId, null, packaging, path,
                artifactId + "-" + VERSION, dependencies, mainClasses, "17", null, null, settings, sourceDirs);
    }

    public static ReactorFacts single(ModuleFacts module) {
        return new ReactorFacts(List.of(module), List.of("pom.xml"), false, false, module.settings());
    }
}
