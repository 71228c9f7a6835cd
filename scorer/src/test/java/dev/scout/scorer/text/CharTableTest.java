package dev.scout.scorer.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CharTableTest {

    @Test
    void findsEveryKeyBySliceAndNothingElse() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            keys.add("w" + i);
        }
        keys.add("Aa"); // same String.hashCode as "BB"
        keys.add("");
        CharTable table = new CharTable(keys);
        for (int id = 0; id < keys.size(); id++) {
            char[] padded = ("xx" + keys.get(id) + "yy").toCharArray();
            int to = padded.length - 2;
            assertThat(table.find(padded, 2, to, CharTable.hash(padded, 2, to))).isEqualTo(id);
            assertThat(table.find(keys.get(id))).isEqualTo(id);
        }
        assertThat(table.find("BB")).isEqualTo(-1);
        assertThat(table.find("w500")).isEqualTo(-1);
        assertThat(table.find("w")).isEqualTo(-1);
    }

    @Test
    void hashesAnySliceAsStringHashCodeDoes() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int round = 0; round < 2_000; round++) {
            char[] a = new char[r.nextInt(0, 40)];
            for (int i = 0; i < a.length; i++) {
                a[i] = (char) (r.nextBoolean() ? r.nextInt('a', 'z' + 1) : r.nextInt(0, Character.MAX_VALUE + 1));
            }
            int from = a.length == 0 ? 0 : r.nextInt(0, a.length + 1);
            int to = r.nextInt(from, a.length + 1);
            assertThat(CharTable.hash(a, from, to)).isEqualTo(new String(a, from, to - from).hashCode());
        }
    }

    @Test
    void aRepeatedKeyKeepsItsFirstId() {
        assertThat(new CharTable(List.of("tofu", "vegan", "tofu")).find("tofu")).isZero();
    }
}
