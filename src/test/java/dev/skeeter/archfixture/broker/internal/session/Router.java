package dev.skeeter.archfixture.broker.internal.session;

/** Breaks "the Router lives with routing". */
public final class Router {
    public void publish(String topic) {
        topic.length();
    }
}
