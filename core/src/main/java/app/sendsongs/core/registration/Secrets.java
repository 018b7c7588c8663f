package app.sendsongs.core.registration;

import java.security.SecureRandom;
import java.util.Locale;

/** Unguessable registration codes people can type. */
public final class Secrets {
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** Eight characters without look-alikes (no 0/O, 1/I), shown as ABCD-EFGH. */
    public static String registrationCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.substring(0, 4) + "-" + code.substring(4);
    }

    /** The form codes are stored and compared in: upper case, no dashes or spaces. */
    public static String normalizeCode(String typed) {
        return typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-–—]", "");
    }
}
