package io.carrierhub.drivoo;

import io.carrierhub.carrier.CarrierApi;
import io.carrierhub.carrier.CarrierClient;
import io.carrierhub.carrier.CarrierSettings;
import io.carrierhub.carrier.auth.AuthorizedReads;
import io.carrierhub.carrier.auth.CarrierTokens;
import io.carrierhub.error.CarrierResponseClassifier;
import io.carrierhub.ledger.OrderLedger;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The Drivoo API ({@code api: drivoo}): per carrier configured with it, one account, whose token, retailer list and
 * reads its client (on the lane) and its status poll share.
 */
public class DrivooApi implements CarrierApi {

    public static final String NAME = "drivoo";

    /** One Drivoo account: its settings, its reads with its token, and its pickup sites. */
    public record Account(String carrier, DrivooProperties properties, DrivooPages pages, DrivooRetailers retailers) {
    }

    private final Environment environment;
    private final CarrierSettings settings;
    private final CarrierTokens tokens;
    private final OrderLedger ledger;
    private final CarrierResponseClassifier classifier;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    public DrivooApi(Environment environment, CarrierSettings settings, CarrierTokens tokens, OrderLedger ledger,
                     CarrierResponseClassifier classifier, HttpClient http, Duration timeout, Clock clock) {
        this.environment = environment;
        this.settings = settings;
        this.tokens = tokens;
        this.ledger = ledger;
        this.classifier = classifier;
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CarrierClient client(String carrier) {
        return new DrivooClient(new DrivooCourseMapper(), account(carrier).retailers(), ledger, tokens.of(carrier));
    }

    /** The carriers whose lanes speak this API. */
    public Set<String> carriers() {
        return settings.carriers().keySet().stream().filter(carrier -> NAME.equals(settings.api(carrier)))
                .collect(Collectors.toUnmodifiableSet());
    }

    public Account account(String carrier) {
        return accounts.computeIfAbsent(carrier, name -> {
            DrivooProperties properties = Binder.get(environment).bindOrCreate("hub.carriers." + name, DrivooProperties.class);
            DrivooPages pages = new DrivooPages(settings.carriers().get(name).baseUrl(),
                    new AuthorizedReads(name, tokens.of(name), http, timeout, classifier));
            return new Account(name, properties, pages, new DrivooRetailers(name, pages, properties.retailerRefresh(), clock));
        });
    }
}
