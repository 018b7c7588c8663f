package app.sendsongs.store.sqlite;

import app.sendsongs.core.user.TokenCipher;

/** One fixed token key for the tests, so a reopened file can read what an earlier store wrote. */
final class TestTokens {
    static final TokenCipher CIPHER = TokenCipher.fromBase64("c2VuZC1zb25ncy10ZXN0LWtleS0zMi1ieXRlcy1sb24=");

    private TestTokens() {
    }
}
