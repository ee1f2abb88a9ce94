package io.carrierhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class CallbackFailuresTest {

    private final CallbackFailures failures = new CallbackFailures();

    @Test
    void anAnswerOtherThan2xxIsNamedByItsStatusAndTheStartOfItsBody() {
        Exchange failed = failedWith(new HttpOperationFailedException("http://erp/events", 503, "Service Unavailable", null,
                Map.of(), "  " + "maintenance ".repeat(100)));

        assertThat(failures.code(failed)).isEqualTo("CALLBACK_FAILED");
        assertThat(failures.reason(failed)).startsWith("HTTP 503 from http://erp/events: maintenance maintenance")
                .hasSize("HTTP 503 from http://erp/events: ".length() + 500);
    }

    @Test
    void noAnswerIsNamedByTheException() {
        Exchange failed = failedWith(new ConnectException("Connection refused"));

        assertThat(failures.code(failed)).isEqualTo("CALLBACK_UNREACHABLE");
        assertThat(failures.reason(failed)).isEqualTo("ConnectException: Connection refused");
    }

    private static Exchange failedWith(Exception failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        return exchange;
    }
}
