package dev.skeeter.certs;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;

/** Describing keys and checking that a private key belongs to a public one. Stateless. */
public final class Keys {
    private static final Map<String, String> NIST = Map.of("prime256v1", "P-256", "secp256r1", "P-256",
            "secp384r1", "P-384", "secp521r1", "P-521");

    private Keys() {
    }

    /** E.g. "RSA 2048 bits", "EC P-256 (256 bits)", "Ed25519". */
    public static String describe(PublicKey key) {
        if (key instanceof RSAKey rsa) {
            return "RSA " + rsa.getModulus().bitLength() + " bits";
        }
        if (key instanceof ECKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            String curve = curveName(key);
            return "EC " + (curve == null ? "" : curve + " ") + "(" + bits + " bits)";
        }
        return key.getAlgorithm();
    }

    /** E.g. "RSA 4096 bits" or "EC (256 bits)": what can be told from a private key alone. */
    public static String describe(PrivateKey key) {
        if (key instanceof RSAKey rsa) {
            return "RSA " + rsa.getModulus().bitLength() + " bits";
        }
        if (key instanceof ECKey ec) {
            return "EC (" + ec.getParams().getCurve().getField().getFieldSize() + " bits)";
        }
        return key.getAlgorithm();
    }

    /**
     * True when {@code privateKey} is the key of {@code publicKey}: it signs a random challenge and the public key
     * verifies it, which works the same for RSA, EC and EdDSA.
     */
    public static boolean matches(PublicKey publicKey, PrivateKey privateKey) {
        if (!publicKey.getAlgorithm().equals(privateKey.getAlgorithm())
                && !(isEc(publicKey.getAlgorithm()) && isEc(privateKey.getAlgorithm()))) {
            return false;
        }
        String algorithm = switch (publicKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> publicKey.getAlgorithm(); // Ed25519, Ed448, EdDSA
        };
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // e.g. an EC key on another curve
        }
    }

    private static boolean isEc(String algorithm) {
        return algorithm.equals("EC") || algorithm.equals("ECDSA");
    }

    private static String curveName(PublicKey key) {
        try {
            var parameters = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getParameters();
            if (parameters instanceof ASN1ObjectIdentifier oid) {
                String name = ECNamedCurveTable.getName(oid);
                return name == null ? null : NIST.getOrDefault(name, name);
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
