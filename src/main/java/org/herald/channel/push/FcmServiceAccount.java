package org.herald.channel.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Google service account and the OAuth 2.0 access tokens it earns (RFC 7523 JWT bearer grant):
 * a JWT signed RS256 with the account's private key is exchanged at the account's
 * {@code token_uri} for a bearer token valid about an hour. The token is reused until a minute
 * before it expires, or until FCM refuses it.
 */
final class FcmServiceAccount {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String projectId;
    private final String clientEmail;
    private final String privateKeyId;
    private final PrivateKey privateKey;
    private final URI tokenUri;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    private String token;
    private Instant tokenExpires = Instant.MIN;

    FcmServiceAccount(Path keyFile, HttpClient http, Duration timeout, Clock clock) throws IOException {
        JsonNode account = JSON.readTree(Files.readString(keyFile));
        this.projectId = text(account, "project_id");
        this.clientEmail = text(account, "client_email");
        this.privateKeyId = account.path("private_key_id").asText(null);
        this.tokenUri = URI.create(account.path("token_uri").asText("https://oauth2.googleapis.com/token"));
        this.privateKey = pkcs8(text(account, "private_key"));
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    String projectId() {
        return projectId;
    }

    /** A valid bearer token, fetched when none is cached or the cached one is about to expire. */
    synchronized String accessToken() throws IOException, InterruptedException {
        Instant now = clock.instant();
        if (token != null && now.isBefore(tokenExpires.minusSeconds(60))) {
            return token;
        }
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion(now), StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(tokenUri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("the OAuth token endpoint answered " + answer.statusCode());
        }
        JsonNode body = JSON.readTree(answer.body());
        token = text(body, "access_token");
        tokenExpires = now.plusSeconds(body.path("expires_in").asLong(3600));
        return token;
    }

    /** Forgets the cached token, after FCM refused it. */
    synchronized void forgetToken() {
        token = null;
    }

    /** The signed JWT that asks for a token: RS256, issued by the account, for the token endpoint. */
    String assertion(Instant now) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        if (privateKeyId != null) {
            header.put("kid", privateKeyId);
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientEmail);
        claims.put("scope", SCOPE);
        claims.put("aud", tokenUri.toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + 3600);
        String signingInput = b64(JSON.writeValueAsBytes(header)) + "." + b64(JSON.writeValueAsBytes(claims));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot sign the service-account assertion", e);
        }
    }

    private static PrivateKey pkcs8(String pem) throws IOException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("the service account's private_key is not a PKCS#8 RSA key", e);
        }
    }

    private static String text(JsonNode node, String field) throws IOException {
        String value = node.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw new IOException("the service-account key has no " + field);
        }
        return value;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
