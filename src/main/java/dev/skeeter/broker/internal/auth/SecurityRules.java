package dev.skeeter.broker.internal.auth;

import dev.skeeter.broker.ListenerSecurity;
import dev.skeeter.broker.security.Acl;
import dev.skeeter.broker.security.AclFile;
import dev.skeeter.broker.security.PasswordFile;
import dev.skeeter.broker.security.PasswordHash;
import dev.skeeter.broker.security.SecurityFileException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One set of security settings with its files read: who may connect and, with an ACL, what they may do. Immutable:
 * a reload makes a new one.
 *
 * @param allowAnonymous whether clients without a user name are let in
 * @param users          the password file's users; null without a password file
 * @param acl            null without an ACL file (everything is allowed)
 */
record SecurityRules(boolean allowAnonymous, Map<String, PasswordHash> users, Acl acl) {

    static final SecurityRules OPEN = new SecurityRules(true, null, null);

    /**
     * Reads the files {@code settings} names. Unless {@code allow_anonymous} is set, anonymous clients are let in
     * only without a password file: a password file says logins are wanted (mosquitto 2 goes further and refuses
     * anonymous clients on every configured listener; Skeeter keeps the zero-config broker usable).
     *
     * @throws SecurityFileException with every problem, each naming its file and line
     */
    static SecurityRules load(ListenerSecurity settings) throws SecurityFileException {
        List<String> problems = new ArrayList<>();
        Map<String, PasswordHash> users = null;
        Acl acl = null;
        if (settings.passwordFile() != null) {
            try {
                users = PasswordFile.load(settings.passwordFile());
            } catch (IOException e) {
                problems.addAll(problems("password_file", settings.passwordFile().toString(), e));
            }
        }
        if (settings.aclFile() != null) {
            try {
                acl = AclFile.load(settings.aclFile());
            } catch (IOException e) {
                problems.addAll(problems("acl_file", settings.aclFile().toString(), e));
            }
        }
        if (!problems.isEmpty()) {
            throw new SecurityFileException(problems);
        }
        boolean anonymous = settings.allowAnonymous() != null ? settings.allowAnonymous()
                : settings.passwordFile() == null;
        return new SecurityRules(anonymous, users, acl);
    }

    private static List<String> problems(String option, String file, IOException e) {
        if (e instanceof SecurityFileException s) {
            return s.problems();
        }
        String why = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
        return List.of(option + " " + file + ": cannot read it (" + why + ")");
    }

    /** Checks a login; hashes, so never on an event loop. The password is not kept. */
    AuthResult check(String username, byte[] password) {
        if (username == null) {
            return allowAnonymous ? AuthResult.ALLOWED
                    : AuthResult.refused("anonymous clients are not allowed (allow_anonymous false)");
        }
        if (users == null) {
            return allowAnonymous ? AuthResult.ALLOWED
                    : AuthResult.refused("no password_file, and allow_anonymous is false");
        }
        PasswordHash hash = users.get(username);
        if (hash == null) {
            return AuthResult.refused("unknown user '" + username + "'");
        }
        if (password == null) {
            return AuthResult.refused("user '" + username + "' sent no password");
        }
        return hash.matches(password) ? AuthResult.ALLOWED
                : AuthResult.refused("wrong password for user '" + username + "'");
    }

    /** Whether a login needs {@link #check} off the event loop (a hash to compute). */
    boolean needsHashing(String username) {
        return username != null && users != null && users.containsKey(username);
    }
}
