package io.streamprep.operators.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamprep.operators.fields.FieldSpec.Encoding;
import io.streamprep.operators.fields.FieldSpec.MissingAction;
import io.streamprep.operators.fields.FieldSpec.OutlierMethod;
import io.streamprep.operators.fields.FieldSpec.Scaling;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSpecsTest {

    @Test
    void parsesEveryOption() {
        FieldSpec price =
                FieldSpecs.parse(
                        " price : numeric, missing=median, outliers=iqr:1.5:drop, scale=zscore");
        assertThat(price.name()).isEqualTo("price");
        assertThat(price.type()).isEqualTo(FieldType.NUMERIC);
        assertThat(price.missing().action()).isEqualTo(MissingAction.MEDIAN);
        assertThat(price.outliers().method()).isEqualTo(OutlierMethod.IQR);
        assertThat(price.outliers().k()).isEqualTo(1.5);
        assertThat(price.outliers().drop()).isTrue();
        assertThat(price.scaling()).isEqualTo(Scaling.ZSCORE);

        FieldSpec source =
                FieldSpecs.parse(
                        "source: categorical, vocab=web|book|news, encode=onehot, required");
        assertThat(source.vocabulary()).containsExactly("web", "book", "news");
        assertThat(source.encoding()).isEqualTo(Encoding.ONEHOT);
        assertThat(source.missing().action()).isEqualTo(MissingAction.DROP);
        assertThat(source.categoryId("book")).isEqualTo(2);
        assertThat(source.categoryId("other")).isZero();

        FieldSpec rating = FieldSpecs.parse("rating: numeric, outliers=zscore:3");
        assertThat(rating.outliers().drop()).isFalse();
        assertThat(rating.missing().action()).isEqualTo(MissingAction.KEEP);

        FieldSpec when = FieldSpecs.parse("when: timestamp, missing=constant:2025-01-01T00:00:00Z");
        assertThat(when.missing().constant()).isEqualTo("2025-01-01T00:00:00Z");
    }

    @Test
    void errorsNameTheFieldAndTheOption() {
        assertThatThrownBy(() -> FieldSpecs.parse("price: money"))
                .hasMessageContaining("field 'price'")
                .hasMessageContaining("numeric, categorical, boolean, timestamp");
        assertThatThrownBy(() -> FieldSpecs.parse("price: numeric, scale=log"))
                .hasMessageContaining("field 'price'")
                .hasMessageContaining("scale 'log'");
        assertThatThrownBy(() -> FieldSpecs.parse("price: numeric, colour=red"))
                .hasMessageContaining("unknown option 'colour'");
        assertThatThrownBy(() -> FieldSpecs.parse("source: categorical"))
                .hasMessageContaining("field 'source'")
                .hasMessageContaining("vocab=");
        assertThatThrownBy(() -> FieldSpecs.parse("source: categorical, vocab=a|b, missing=mean"))
                .hasMessageContaining("use mode");
        assertThatThrownBy(() -> FieldSpecs.parse("n: numeric, missing=mode"))
                .hasMessageContaining("field 'n'");
        assertThatThrownBy(() -> FieldSpecs.parse("n: numeric, outliers=zscore:-1"))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> FieldSpecs.parse("n: numeric, missing=constant:abc"))
                .hasMessageContaining("not a valid NUMERIC");
        assertThatThrownBy(() -> FieldSpecs.parse("flag: boolean, scale=minmax"))
                .hasMessageContaining("field 'flag'");
        assertThatThrownBy(() -> FieldSpecs.parse("no type here"))
                .hasMessageContaining("name: type");
        assertThatThrownBy(() -> FieldSpecs.parse(List.of("a: numeric", "a: boolean")))
                .hasMessageContaining("'a' is declared twice");
    }
}
