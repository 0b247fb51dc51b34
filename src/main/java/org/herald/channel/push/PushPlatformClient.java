package org.herald.channel.push;

import org.herald.channel.IdempotencyKey;
import org.herald.channel.PushAddress;

/** One push service behind the direct push sender. */
interface PushPlatformClient {

    PushAddress.Platform platform();

    /** Whether its credentials are configured; an unconfigured platform reaches nobody. */
    boolean configured();

    PushAnswer send(IdempotencyKey key, String token, PushContent content);
}
