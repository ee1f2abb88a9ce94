package io.carrierhub.bring.po;

import io.carrierhub.carrier.CallTemplate;
import io.carrierhub.carrier.Carriers;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.TemplatedRouteDefinition;

/**
 * A route {@code bring-po-call-<carrier>} for every Bring Purchase Order lane, made from routes/bring-po.yaml's
 * template for the lane's transport (SOAP: the lane's CXF endpoint; REST: its base URL).
 */
public class BringPoRoutes extends RouteBuilder {

    private final BringPoLanes lanes;
    private final Carriers carriers;

    public BringPoRoutes(BringPoLanes lanes, Carriers carriers) {
        this.lanes = lanes;
        this.carriers = carriers;
    }

    @Override
    public void configure() {
        for (String carrier : lanes.carriers()) {
            CallTemplate call = carriers.call(carrier);
            String template = call.template().equals(CallTemplate.SOAP) ? "bring-po-soap-call" : "bring-po-rest-call";
            TemplatedRouteDefinition route = templatedRoute(template).routeId("bring-po-call-" + carrier)
                    .prefixId("bring-po-call-" + carrier + "-").parameter("carrier", carrier);
            call.parameters().forEach(route::parameter);
        }
    }
}
