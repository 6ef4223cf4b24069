package vn.bantin.sign;

import java.security.cert.X509Certificate;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** A certificate's name as a person reads it. */
final class Names {
    private Names() {
    }

    /** The subject's CN (common name), else the whole subject. */
    static String commonName(X509Certificate c) {
        String subject = c.getSubjectX500Principal().getName();
        try {
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            // fall through: the whole subject
        }
        return subject;
    }
}
