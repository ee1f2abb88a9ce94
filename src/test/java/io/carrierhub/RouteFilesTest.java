package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The hub loads its flows by name, not by a pattern (application.yaml says why): every file in routes/ is named. */
class RouteFilesTest {

    @Test
    void everyRouteFileIsNamedAndEveryNameIsAFile() throws IOException {
        Object pattern = new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
                .get(0).getProperty("camel.main.routes-include-pattern");

        try (Stream<Path> files = Files.list(Path.of("src/main/resources/routes"))) {
            assertThat(Arrays.asList(pattern.toString().split(",")))
                    .containsExactlyInAnyOrderElementsOf(files.map(file -> "classpath:routes/" + file.getFileName()).toList());
        }
    }
}
