package org.herald.notice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Firebase Cloud Messaging as far as Herald can tell: Google's OAuth token endpoint and the FCM
 * HTTP v1 send endpoint (WireMock), with a throw-away service-account key. Every registration token
 * is unknown: FCM answers {@code 404 NOT_FOUND} with the FcmError {@code UNREGISTERED}, as it does
 * for an app that was uninstalled.
 */
public class FcmStandIn implements QuarkusTestResourceLifecycleManager {

    static final String PROJECT = "herald-test";
    static final String SEND = "/v1/projects/" + PROJECT + "/messages:send";

    private static WireMockServer server;
    private Path keyFile;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"ya29.test-token\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        server.stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("""
                {"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND",
                  "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "UNREGISTERED"}]}}
                """)));
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            keyFile = Files.createTempFile("fcm-service-account", ".json");
            Files.writeString(keyFile, new ObjectMapper().writeValueAsString(Map.of(
                    "type", "service_account",
                    "project_id", PROJECT,
                    "private_key_id", "key-1",
                    "private_key", pem,
                    "client_email", "herald@herald-test.iam.example.com",
                    "token_uri", server.baseUrl() + "/token")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "herald.push.mode", "direct",
                "herald.push.fcm.service-account-file", keyFile.toString(),
                "herald.push.fcm.api-base-url", server.baseUrl(),
                "herald.letter.mode", "print-house");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
        if (keyFile != null) {
            try {
                Files.deleteIfExists(keyFile);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }

    /** The FCM send requests seen so far. */
    static List<LoggedRequest> sends() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(SEND)));
    }
}
