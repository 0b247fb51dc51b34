package org.herald.subject.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An upload body parked on local disk between the request (which must consume it) and the worker
 * that imports it. The file is AES-CTR encrypted under a key that exists only in this object, so
 * personal data never lies on disk in clear, and a file left behind by a crash is unreadable.
 */
final class ImportSpool implements AutoCloseable {

    /** Thrown when the body grows beyond the limit while being received. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("body too large", null);
        }
    }

    private static final String PREFIX = "herald-import-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final byte[] key = new byte[32];
    private final byte[] iv = new byte[16];
    private final long size;
    private final AtomicLong consumed = new AtomicLong();

    private ImportSpool(Path file, long size, byte[] key, byte[] iv) {
        this.file = file;
        this.size = size;
        System.arraycopy(key, 0, this.key, 0, key.length);
        System.arraycopy(iv, 0, this.iv, 0, iv.length);
    }

    /** Streams {@code body} to an encrypted file in {@code dir}, refusing more than {@code maxBytes}. */
    static ImportSpool receive(InputStream body, Path dir, long maxBytes) throws IOException {
        Files.createDirectories(dir);
        Path file = createPrivateFile(dir);
        byte[] key = new byte[32];
        byte[] iv = new byte[16];
        RANDOM.nextBytes(key);
        RANDOM.nextBytes(iv);
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            Cipher cipher = ctr(Cipher.ENCRYPT_MODE, key, iv);
            byte[] buffer = new byte[64 * 1024];
            byte[] sealed = new byte[buffer.length];
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLarge();
                }
                int m = cipher.update(buffer, 0, n, sealed, 0);
                out.write(sealed, 0, m);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            Files.deleteIfExists(file);
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("Could not spool the upload", e);
        }
        return new ImportSpool(file, total, key, iv);
    }

    long size() {
        return size;
    }

    /** Bytes handed to the reader so far (the reader buffers a little ahead). */
    long consumed() {
        return consumed.get();
    }

    /** The body in clear, decrypted as it is read. */
    InputStream open() throws IOException {
        Cipher cipher;
        try {
            cipher = ctr(Cipher.DECRYPT_MODE, key, iv);
        } catch (GeneralSecurityException e) {
            throw new IOException("AES/CTR is part of every Java runtime", e);
        }
        return new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    consumed.addAndGet(n);
                    try {
                        // CTR is a stream mode: decrypting in place is allowed and returns n bytes.
                        cipher.update(b, off, n, b, off);
                    } catch (GeneralSecurityException e) {
                        throw new IOException("Spool decryption failed", e);
                    }
                }
                return n;
            }

            @Override
            public long skip(long n) {
                throw new UnsupportedOperationException("The spool is read front to back");
            }
        };
    }

    @Override
    public void close() {
        java.util.Arrays.fill(key, (byte) 0);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The file is unreadable without the key just wiped; the sweeper removes it later.
        }
    }

    /** Removes spool files older than {@code maxAgeMillis} left behind by a stopped server. */
    static void removeLeftovers(Path dir, long maxAgeMillis, long nowMillis) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().startsWith(PREFIX)).forEach(p -> {
                try {
                    if (nowMillis - Files.getLastModifiedTime(p).toMillis() > maxAgeMillis) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // Next sweep.
                }
            });
        } catch (IOException e) {
            // Next sweep.
        }
    }

    private static Path createPrivateFile(Path dir) throws IOException {
        try {
            return Files.createTempFile(dir, PREFIX, ".spool",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, PREFIX, ".spool");
        }
    }

    private static Cipher ctr(int mode, byte[] key, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cipher;
    }
}
