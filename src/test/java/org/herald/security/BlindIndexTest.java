package org.herald.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BlindIndexTest {

    private final BlindIndex index = BlindIndex.of(new byte[32]);

    @Test
    void equalValuesGiveEqualIndexes() {
        assertArrayEquals(index.of("email", "person1@example.org"), index.of("email", "person1@example.org"));
        assertEquals(32, index.of("email", "person1@example.org").length);
    }

    @Test
    void purposesSeparateTheIndexSpaces() {
        assertFalse(Arrays.equals(index.of("email", "+12015550123"), index.of("phone", "+12015550123")));
    }

    @Test
    void anotherKeyGivesAnotherIndex() {
        byte[] other = new byte[32];
        other[0] = 1;
        assertFalse(Arrays.equals(index.of("email", "a@example.org"), BlindIndex.of(other).of("email", "a@example.org")));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalStateException.class, () -> BlindIndex.of(new byte[16]));
    }
}
