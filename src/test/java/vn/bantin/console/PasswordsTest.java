package vn.bantin.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    @Test
    void anArgon2idHashMatchesItsPasswordOnlyAndIsSaltedEachTime() {
        String h = Passwords.hash("đúng mật khẩu rồi".toCharArray());
        assertTrue(h.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), h);
        assertTrue(Passwords.matches("đúng mật khẩu rồi".toCharArray(), h));
        assertFalse(Passwords.matches("đúng mật khẩu rồi!".toCharArray(), h));
        assertNotEquals(h, Passwords.hash("đúng mật khẩu rồi".toCharArray()), "a salt of its own");
        assertFalse(Passwords.matches("anything".toCharArray(), null), "no user: never a match");
    }
}
