package io.carrierhub.drivoo.sandbox;

import io.carrierhub.sandbox.FaultInjection;
import io.carrierhub.sandbox.SandboxServer;
import java.time.Clock;

/**
 * An offline Drivoo API v1 on 127.0.0.1 ({@link DrivooApiHandler}), with the faults, the record of requests and the
 * control API every sandbox has; its courses at {@code GET /_sandbox/drivoo/courses}, its tokens (counts only) at
 * {@code GET /_sandbox/drivoo/tokens}, and three actions: {@code POST /_sandbox/drivoo/revoke-tokens},
 * {@code POST /_sandbox/drivoo/token-lifetime?seconds=N} (tokens issued from then on), and
 * {@code POST /_sandbox/drivoo/return?course=ID} (the client is not there: the course ends returned).
 */
public class DrivooSandbox extends SandboxServer {

    public static final String NAME = "drivoo";

    public DrivooSandbox(DrivooSandboxProperties settings) {
        this(settings, Clock.systemUTC());
    }

    /** @param clock the sandbox's time: tokens expire and courses advance by it */
    public DrivooSandbox(DrivooSandboxProperties settings, Clock clock) {
        super(NAME, settings.port(), new FaultInjection(settings.failureRate(), settings.latency()),
                new DrivooApiHandler(settings, clock,
                        new SandboxCourses(settings.assignAfter(), settings.pickupAfter(), settings.deliverAfter())));
    }
}
