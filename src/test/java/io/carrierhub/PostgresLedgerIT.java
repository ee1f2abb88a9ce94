package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.TestDatabases.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

/** The hub on PostgreSQL instead of its embedded H2, by configuration only: ledger and idempotency store there. */
class PostgresLedgerIT {

    @TempDir
    Path dataDir;

    @Test
    void theHubKeepsItsLedgerInPostgresql() throws Exception {
        Database postgres = TestDatabases.postgresql();
        postgres.jdbc().update("DELETE FROM hub_order_reference WHERE order_id = 'PG-1'");
        postgres.jdbc().update("DELETE FROM hub_order WHERE order_id = 'PG-1'");
        postgres.jdbc().update("DELETE FROM CAMEL_MESSAGEPROCESSED WHERE messageId LIKE 'PG-1:%'");

        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).profiles("test").run(
                "--hub.data-dir=" + dataDir, "--hub.broker.in-vm-id=9", "--hub.sandbox.bring-shipment.port=28093", "--hub.sandbox.drivoo.port=0", "--hub.sandbox.bring-po.port=0", "--hub.sandbox.bringg.tls-port=0",
                "--spring.datasource.url=" + postgres.url(), "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.password=" + postgres.password())) {
            ErpClient erp = new ErpClient(hub.getBean(JmsTemplate.class), 30_000);

            String correlationId = erp.send(ErpClient.sample("shipment-create.xml", "PG-1"), null);

            assertThat(erp.receiveText(ErpClient.ORDER_STATUS, correlationId)).contains("ACCEPTED");
        }
        assertThat(postgres.jdbc().queryForObject("SELECT status FROM hub_order WHERE order_id = 'PG-1'", String.class))
                .isEqualTo("ACCEPTED");
        assertThat(postgres.jdbc().queryForObject("SELECT COUNT(*) FROM hub_order_reference WHERE order_id = 'PG-1'", Integer.class))
                .as("the shipment and its two packages").isEqualTo(3);
        assertThat(postgres.jdbc().queryForObject("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE messageId = 'PG-1:CREATE'", Integer.class))
                .isEqualTo(1);
    }
}
