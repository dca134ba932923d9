package dev.skeeter.certs;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The key types we create. EC P-256 is the default: as widely supported as RSA 2048 by mosquitto, OpenSSL, Java and
 * microcontroller TLS stacks, and generated in milliseconds where RSA 4096 can take seconds.
 */
public enum KeyType {
    RSA_2048("rsa2048", "RSA 2048", "RSA", 2048, "SHA256withRSA"),
    RSA_3072("rsa3072", "RSA 3072", "RSA", 3072, "SHA256withRSA"),
    RSA_4096("rsa4096", "RSA 4096", "RSA", 4096, "SHA256withRSA"),
    EC_P256("ec256", "EC P-256", "EC", 256, "SHA256withECDSA"),
    EC_P384("ec384", "EC P-384", "EC", 384, "SHA384withECDSA");

    public static final KeyType DEFAULT = EC_P256;

    private final String option;
    private final String label;
    private final String algorithm;
    private final int bits;
    private final String signatureAlgorithm;

    KeyType(String option, String label, String algorithm, int bits, String signatureAlgorithm) {
        this.option = option;
        this.label = label;
        this.algorithm = algorithm;
        this.bits = bits;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The command-line spelling, e.g. {@code ec256}, {@code rsa4096}. */
    public String option() {
        return option;
    }

    /** E.g. "EC P-256", "RSA 4096". */
    public String label() {
        return label;
    }

    public boolean isRsa() {
        return algorithm.equals("RSA");
    }

    /** The algorithm a certificate signed with a key of this type uses. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** Slow for RSA 4096 (seconds): never on the FX thread. */
    public KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (isRsa()) {
                generator.initialize(bits);
            } else {
                generator.initialize(new ECGenParameterSpec(bits == 256 ? "secp256r1" : "secp384r1"));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate " + label + " keys", e);
        }
    }

    /** Accepts the option spelling and friendly variants: {@code rsa4096}, {@code RSA-4096}, {@code p256}, {@code ec}. */
    public static KeyType parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_:-]", "");
        for (KeyType type : values()) {
            if (type.option.equals(s) || type.label.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "").equals(s)) {
                return type;
            }
        }
        return switch (s) {
            case "ec", "p256", "ecp256", "prime256v1", "secp256r1" -> EC_P256;
            case "p384", "ecp384", "secp384r1" -> EC_P384;
            case "rsa" -> RSA_2048;
            default -> throw new IllegalArgumentException("unknown key type '" + text + "': use one of "
                    + Arrays.stream(values()).map(KeyType::option).collect(Collectors.joining(", ")));
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
