package io.carrierhub.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carrierhub.TestDatabases;
import io.carrierhub.TestDatabases.Database;
import io.carrierhub.TestDatabases.OnEachDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.transaction.support.TransactionTemplate;

/** Number series on H2 and PostgreSQL: each order keeps its serials, no serial is given twice, a range runs out. */
class AllotmentsTest {

    private static final Allotments.Range RANGE = new Allotments.Range(7_000_000_000_000_000L, 7_000_000_000_000_999L);

    @OnEachDatabase
    void anOrderKeepsItsSerialsAndTheNextOrderGetsTheNextOnes(Database database) {
        Allotments allotments = new Allotments(database.jdbc(), database.transactions());
        String series = newSeries();

        List<Long> first = allotments.serials("A-1", series, RANGE, 2);
        List<Long> again = allotments.serials("A-1", series, RANGE, 2);
        List<Long> second = allotments.serials("A-2", series, RANGE, 1);

        assertThat(first).containsExactly(RANGE.first(), RANGE.first() + 1);
        assertThat(again).isEqualTo(first);
        assertThat(second).containsExactly(RANGE.first() + 2);
    }

    @OnEachDatabase
    void aSerialTakenInATransactionThatRollsBackIsNeverGivenAgain(Database database) {
        Allotments allotments = new Allotments(database.jdbc(), database.transactions());
        String series = newSeries();

        new TransactionTemplate(database.transactions()).executeWithoutResult(status -> {
            allotments.serials("R-1", series, RANGE, 1);
            status.setRollbackOnly();
        });

        assertThat(allotments.serials("R-1", series, RANGE, 1)).containsExactly(RANGE.first() + 1);
    }

    @OnEachDatabase
    void aUsedUpRangeSaysSo(Database database) {
        Allotments allotments = new Allotments(database.jdbc(), database.transactions());
        String series = newSeries();
        Allotments.Range two = new Allotments.Range(10, 11);
        allotments.serials("U-1", series, two, 2);

        assertThatThrownBy(() -> allotments.serials("U-2", series, two, 1)).hasMessageContaining("is used up (10 to 11)");
    }

    @OnEachDatabase
    void twoHubsTakingAtOnceNeverShareASerial(Database database) throws Exception {
        String series = newSeries();
        Allotments hubA = new Allotments(database.jdbc(), database.transactions());
        Allotments hubB = new Allotments(database.jdbc(), database.transactions());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Callable<List<Long>>> orders = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Allotments hub = i % 2 == 0 ? hubA : hubB;
            String orderId = "C-" + i;
            orders.add(() -> hub.serials(orderId, series, RANGE, 3));
        }
        List<Long> all = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<Long>> given : threads.invokeAll(orders)) {
            all.addAll(given.get());
        }
        threads.shutdown();

        assertThat(all).hasSize(120).doesNotHaveDuplicates();
    }

    private static String newSeries() {
        return "test:" + UUID.randomUUID().toString().substring(0, 8);
    }
}
