package org.opencxm.feedback.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal survey links carry HMAC-SHA256(workspace key, invitation id): 256 bits nobody can
 * guess without the key, yet the reminder can repeat the link of the first e-mail. The
 * database keeps only the token's SHA-256 (as {@link org.opencxm.platform.common.Secrets} hashes it), which is
 * what a link is looked up by.
 */
final class InvitationTokens {

    private InvitationTokens() {}

    static String token(byte[] key, InvitationId invitation) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            var id = ByteBuffer.allocate(16)
                    .putLong(invitation.value().getMostSignificantBits())
                    .putLong(invitation.value().getLeastSignificantBits())
                    .array();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(id));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /** Tokens are 43 URL-safe characters; anything else is not looked up at all. */
    static boolean wellFormed(String token) {
        return token.length() == 43
                && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
