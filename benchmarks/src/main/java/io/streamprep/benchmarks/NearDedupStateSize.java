package io.streamprep.benchmarks;

import io.streamprep.operators.dedup.near.MinHashModel;
import io.streamprep.operators.dedup.near.NearMember;
import io.streamprep.operators.image.HammingModel;
import io.streamprep.operators.image.RgbImage;
import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.api.common.typeutils.base.array.LongPrimitiveArraySerializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Serialized bytes of near-dedup index state per representative (kept record), measured with the
 * Flink serializers the index uses: its {@link NearMember} under its event time and id, and its
 * event time in the {@code long[]} entry of each band key. Keys shared by several records (band
 * keys, event times) are counted once per record, an upper bound; the safety-net TTL adds 8 bytes
 * per state entry on top. Prints a Markdown table.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.streamprep.benchmarks.NearDedupStateSize}
 */
public final class NearDedupStateSize {

    private NearDedupStateSize() {}

    public static void main(String[] args) throws IOException {
        String id = "wn31-n-01919566"; // a typical 15-character id
        String text =
                "a large natural stream of water (larger than a creek) flowing in a channel"
                        + " to the sea, a lake or another river";
        TypeSerializer<NearMember> members =
                TypeInformation.of(NearMember.class).createSerializer(new SerializerConfigImpl());
        System.out.println("| num-perm | bands x rows | member entry | band entries | total |");
        System.out.println("|---:|---|---:|---:|---:|");
        for (int numPerm : new int[] {64, 128, 256}) {
            MinHashModel model = MinHashModel.withOptimalBanding(5, numPerm, 0.8, 42);
            byte[] signature = model.signature(text);
            int member = memberEntry(members, signature, id);
            int bands = model.banding().bands();
            int bandEntries = bands * bandEntry();
            System.out.printf(
                    "| %d | %d x %d | %d | %d | %d |%n",
                    numPerm,
                    bands,
                    model.banding().rows(),
                    member,
                    bandEntries,
                    member + bandEntries);
        }
        images(members);
    }

    /**
     * The same for the image index: the 8-byte pHash (plus the 64-byte thumbnail when candidates
     * are confirmed) and max-distance + 1 band keys.
     */
    private static void images(TypeSerializer<NearMember> members) throws IOException {
        String id = "places/user-home.png"; // a 20-character id
        RgbImage image = RgbImage.filled(224, 224, 0x3465A4);
        System.out.println();
        System.out.println(
                "| image max-distance | thumbnail | band keys | member entry | band entries | total |");
        System.out.println("|---:|---|---:|---:|---:|---:|");
        for (int distance : new int[] {4, 6, 8}) {
            for (int thumbnail : new int[] {-1, 20}) {
                HammingModel model = new HammingModel(distance, thumbnail);
                byte[] signature = model.signature(image);
                int member = memberEntry(members, signature, id);
                int keys = model.bandKeys(signature).length;
                int bandEntries = keys * bandEntry();
                System.out.printf(
                        "| %d | %s | %d | %d | %d | %d |%n",
                        distance,
                        thumbnail < 0 ? "none" : "64 bytes",
                        keys,
                        member,
                        bandEntries,
                        member + bandEntries);
            }
        }
    }

    /** The event-time key, the id (map key) and the member (map value). */
    private static int memberEntry(TypeSerializer<NearMember> members, byte[] signature, String id)
            throws IOException {
        return Long.BYTES
                + bytes(StringSerializer.INSTANCE, id)
                + bytes(members, new NearMember(1_735_689_600_000L, signature, id));
    }

    /** The band key and a one-element {@code long[]} of event times. */
    private static int bandEntry() throws IOException {
        return Long.BYTES
                + bytes(LongPrimitiveArraySerializer.INSTANCE, new long[] {1_735_689_600_000L});
    }

    private static <T> int bytes(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return out.length();
    }
}
