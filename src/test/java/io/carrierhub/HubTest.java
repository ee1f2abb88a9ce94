package io.carrierhub;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole hub as it runs by default: embedded Artemis, the ledger database, the routes and the carrier
 * sandboxes, and a second Bring lane ({@link SecondBringLane}); tuned for tests in {@code application-test.yaml}. Every test class with this annotation shares one
 * running hub, so tests tell their messages apart by JMSCorrelationID and order id.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {HubApplication.class, SecondBringLane.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamelSpringBootTest
// metrics exported as in production (/actuator/prometheus), which a Spring Boot test turns off otherwise
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
public @interface HubTest {
}
