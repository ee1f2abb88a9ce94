package io.carrierhub.drivoo;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a carrier on the Drivoo API adds to its lane settings (under {@code hub.carriers.<carrier>}); its OAuth2
 * client is under {@code hub.carriers.<carrier>.oauth2}.
 *
 * @param retailerRefresh how long the list of retailers (pickup sites) is kept before it is read again
 * @param timeZone        the zone of Drivoo's dates without an offset ("2014-10-28 14:52:00")
 */
public record DrivooProperties(
        @DefaultValue("15m") Duration retailerRefresh,
        @DefaultValue("Europe/Paris") ZoneId timeZone) {
}
