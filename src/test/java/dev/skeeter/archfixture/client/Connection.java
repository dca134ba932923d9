package dev.skeeter.archfixture.client;

/** Stands for a class of ours that the mqtt package must not use. */
public final class Connection {
    public static boolean connected() {
        return true;
    }
}
