package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.util.OgnlHelper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/** The hub's flows as files: every file in routes/ loaded by name, and the bean calls they evaluate. */
class RouteFilesTest {

    private static final Path ROUTES = Path.of("src/main/resources/routes");
    // a bean call inside a simple expression: ${bean:name?method=call(...)}
    private static final Pattern SIMPLE_BEAN_CALL = Pattern.compile("\\$\\{bean:[^?}]+\\?method=(\\w+\\([^()]*\\))");

    /** The hub loads its flows by name, not by a pattern (application.yaml says why). */
    @Test
    void everyRouteFileIsNamedAndEveryNameIsAFile() throws IOException {
        Object pattern = new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
                .get(0).getProperty("camel.main.routes-include-pattern");

        try (Stream<Path> files = Files.list(ROUTES)) {
            assertThat(Arrays.asList(pattern.toString().split(",")))
                    .containsExactlyInAnyOrderElementsOf(files.map(file -> "classpath:routes/" + file.getFileName()).toList());
        }
    }

    /**
     * Camel takes a bean call in an expression for OGNL when its text holds a dot anywhere, its arguments included
     * ({@link OgnlHelper#isValidOgnlExpression}), and then calls it on a second copy of the exchange through a bean
     * holder made for each call: {@code lane(${exchangeProperty.hubOrder})} cost 1.5 µs and 2.9 KB more a call than
     * {@code lane(${exchangeProperty:hubOrder})} (bench/README.md, 2026-12-08). So the routes name a bean call's
     * arguments with a colon.
     */
    @Test
    void noBeanCallInAnExpressionIsTakenForOgnl() throws IOException {
        // deliberate: a method called on the webhook, once a Bringg webhook; the queue's name (erp.orders) in a timer's check
        Set<String> deliberate = Set.of("add(${exchangeProperty.bringgWebhook.dedupeKey()})", "inMemory('{{hub.queues.orders}}')",
                "deadLetterLargerThan('{{hub.queues.orders}}', {{hub.intake.max-order-bytes}})");
        List<String> calls = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROUTES)) {
            for (Path file : files.toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    collectExpressionBeanCalls(new Yaml().load(in), calls);
                }
            }
        }

        // the method language's calls and simple's bean function's were both found
        assertThat(calls).hasSizeGreaterThan(40).anyMatch(call -> call.startsWith("lane(")).anyMatch(call -> call.startsWith("answered("));
        assertThat(calls).filteredOn(OgnlHelper::isValidOgnlExpression).as("bean calls Camel takes for OGNL")
                .containsExactlyInAnyOrderElementsOf(deliberate);
    }

    /** The methods of the bean calls a route evaluates as expressions: the method language, and simple's bean function. */
    private static void collectExpressionBeanCalls(Object node, List<String> calls) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("method".equals(key) && value instanceof Map<?, ?> call && call.get("method") instanceof String method) {
                    calls.add(method);
                }
                collectExpressionBeanCalls(value, calls);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectExpressionBeanCalls(item, calls));
        } else if (node instanceof String text) {
            Matcher call = SIMPLE_BEAN_CALL.matcher(text);
            while (call.find()) {
                calls.add(call.group(1));
            }
        }
    }
}
