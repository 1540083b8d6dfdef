package dev.pipelines.cdc.emulator.mysql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** mysql_native_password: token = SHA1(pw) XOR SHA1(scramble + SHA1(SHA1(pw))). */
final class NativePassword {

    private NativePassword() {
    }

    static boolean matches(String password, byte[] scramble, byte[] token) {
        if (password.isEmpty()) {
            return token.length == 0;
        }
        return MessageDigest.isEqual(token, scramble(password, scramble));
    }

    static byte[] scramble(String password, byte[] scramble) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] stage1 = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
            byte[] stage2 = sha1.digest(stage1);
            sha1.update(scramble);
            byte[] mix = sha1.digest(stage2);
            byte[] token = new byte[mix.length];
            for (int i = 0; i < mix.length; i++) {
                token[i] = (byte) (mix[i] ^ stage1[i]);
            }
            return token;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
