package dev.skeeter.archfixture.broker.internal.routing;

import dev.skeeter.archfixture.broker.internal.session.Router;

/** Breaks the layering: routing reaches up into the session layer. */
public final class Trie {
    public void route(Router router) {
        router.publish("t");
    }
}
