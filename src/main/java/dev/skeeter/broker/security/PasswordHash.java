package dev.skeeter.broker.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One hashed password in mosquitto's format: {@code $6$salt$hash} (SHA-512 of the password then the salt, one round,
 * mosquitto 1.6's default) or {@code $7$iterations$salt$hash} (PBKDF2-HMAC-SHA512, mosquitto 2's default). Salt
 * (12 bytes) and hash (64 bytes) are standard base64 with padding. Immutable; verifying costs up to
 * {@code iterations} HMACs, so callers on an event loop hand it to an executor.
 */
public final class PasswordHash {
    /** The kinds {@code mosquitto_passwd -H} knows. */
    public enum Type {
        SHA512("sha512", 6), SHA512_PBKDF2("sha512-pbkdf2", 7);

        private final String option;
        private final int id;

        Type(String option, int id) {
            this.option = option;
            this.id = id;
        }

        /** The name {@code -H} takes. */
        public String option() {
            return option;
        }

        /** Reads a {@code -H} value; null when unknown. */
        public static Type ofOption(String value) {
            for (Type t : values()) {
                if (t.option.equals(value)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** mosquitto_passwd's default iteration count ({@code PW_DEFAULT_ITERATIONS}). */
    public static final int DEFAULT_ITERATIONS = 101;
    static final int SALT_LENGTH = 12;
    static final int HASH_LENGTH = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Type type;
    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(Type type, int iterations, byte[] salt, byte[] hash) {
        this.type = type;
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes {@code password} with a fresh random salt. */
    public static PasswordHash create(String password, Type type, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("Number of iterations must be > 0: " + iterations);
        }
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        int rounds = type == Type.SHA512 ? 1 : iterations;
        return new PasswordHash(type, rounds, salt, digest(password.getBytes(StandardCharsets.UTF_8), salt, type,
                rounds));
    }

    /**
     * Reads the part after {@code user:}.
     *
     * @throws IllegalArgumentException saying what is wrong, when it is not a {@code $6$} or {@code $7$} hash
     */
    public static PasswordHash parse(String text) {
        String[] parts = text.split("\\$", -1);
        if (parts.length < 4 || !parts[0].isEmpty()) {
            throw new IllegalArgumentException("not a hashed password ($6$... or $7$...)");
        }
        Type type = switch (parts[1]) {
            case "6" -> Type.SHA512;
            case "7" -> Type.SHA512_PBKDF2;
            default -> throw new IllegalArgumentException("unknown hash type $" + parts[1] + "$ (only $6$ and $7$)");
        };
        int expected = type == Type.SHA512 ? 4 : 5;
        if (parts.length != expected) {
            throw new IllegalArgumentException("a $" + parts[1] + "$ hash has " + (expected - 1) + " fields after '$'");
        }
        int iterations = 1;
        if (type == Type.SHA512_PBKDF2) {
            try {
                iterations = Integer.parseInt(parts[2]);
            } catch (NumberFormatException e) {
                iterations = 0;
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("invalid iteration count '" + parts[2] + "'");
            }
        }
        byte[] salt = decode(parts[expected - 2], "salt");
        byte[] hash = decode(parts[expected - 1], "hash");
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("the salt is " + salt.length + " bytes, not " + SALT_LENGTH);
        }
        if (hash.length != HASH_LENGTH) {
            throw new IllegalArgumentException("the hash is " + hash.length + " bytes, not " + HASH_LENGTH);
        }
        return new PasswordHash(type, iterations, salt, hash);
    }

    /** Whether {@code text} looks like a hash rather than a plain-text password (for {@code -U}). */
    public static boolean isHashed(String text) {
        return text.startsWith("$6$") || text.startsWith("$7$");
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is not valid base64");
        }
    }

    /** Compares in constant time. */
    public boolean matches(byte[] password) {
        return MessageDigest.isEqual(hash, digest(password, salt, type, iterations));
    }

    public Type type() {
        return type;
    }

    public int iterations() {
        return iterations;
    }

    /** The text after {@code user:} in a password file. */
    @Override
    public String toString() {
        Base64.Encoder b64 = Base64.getEncoder();
        return type == Type.SHA512
                ? "$6$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash)
                : "$7$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash p && p.type == type && p.iterations == iterations
                && Arrays.equals(p.salt, salt) && Arrays.equals(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    private static byte[] digest(byte[] password, byte[] salt, Type type, int iterations) {
        try {
            if (type == Type.SHA512) {
                MessageDigest sha = MessageDigest.getInstance("SHA-512");
                sha.update(password);
                sha.update(salt);
                return sha.digest();
            }
            return pbkdf2(password, salt, iterations);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-512 is part of every JDK", e);
        }
    }

    /**
     * PBKDF2-HMAC-SHA512 with one 64-byte block (RFC 8018). Done by hand over {@link Mac} because the JDK's
     * PBKDF2 key factory takes the password as chars and would re-encode bytes that are not valid UTF-8.
     */
    private static byte[] pbkdf2(byte[] password, byte[] salt, int iterations) throws NoSuchAlgorithmException,
            java.security.InvalidKeyException {
        Mac mac = Mac.getInstance("HmacSHA512");
        // HMAC keys may be empty; SecretKeySpec refuses an empty array, so an empty password gets a one-off key.
        mac.init(password.length == 0 ? new EmptyKey() : new SecretKeySpec(password, "HmacSHA512"));
        mac.update(salt);
        mac.update(new byte[] {0, 0, 0, 1});
        byte[] u = mac.doFinal();
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    /** An empty HMAC key. */
    private static final class EmptyKey implements javax.crypto.SecretKey {
        private static final long serialVersionUID = 1L;

        @Override
        public String getAlgorithm() {
            return "HmacSHA512";
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return new byte[0];
        }
    }
}
