package io.github.hardenedcontainer.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of exec-maven-plugin's arguments are the program's, for both of its goals. */
class ExecArgumentsTest {

    @Test
    void execJavaArgumentsAreAllTheProgramsEvenWhenTheyStartWithADash() {
        assertThat(ReactorReader.programArguments(List.of("run", "com.example.MainVerticle", "--instances", "2")))
                .containsExactly("run", "com.example.MainVerticle", "--instances", "2");
    }

    @Test
    void aJavaCommandLineKeepsOnlyWhatFollowsTheMainClass() {
        // Micronaut's parent: -classpath <classpath/> -XX:TieredStopAtLevel=1 -Dcom.sun.management.jmxremote Main
        assertThat(ReactorReader.programArguments(List.of("-classpath", "%classpath", "-XX:TieredStopAtLevel=1",
                "-Dcom.sun.management.jmxremote", "com.example.Application"))).isEmpty();
        assertThat(ReactorReader.programArguments(List.of("-cp", "target/classes", "-Xmx64m", "com.example.Main",
                "serve", "--port=8080"))).containsExactly("serve", "--port=8080");
        assertThat(ReactorReader.programArguments(List.of("%classpath", "com.example.Main", "one")))
                .containsExactly("one");
    }
}
