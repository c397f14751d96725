package cn.credit.workflow.record;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A record's penalty types in one column, comma-separated in declaration order: few, read with the record. */
@Converter
class PenaltyTypesColumn implements AttributeConverter<Set<PenaltyType>, String> {

  @Override
  public String convertToDatabaseColumn(Set<PenaltyType> types) {
    return types == null || types.isEmpty() ? null
        : EnumSet.copyOf(types).stream().map(Enum::name).collect(Collectors.joining(","));
  }

  @Override
  public Set<PenaltyType> convertToEntityAttribute(String column) {
    Set<PenaltyType> types = EnumSet.noneOf(PenaltyType.class);
    if (column != null && !column.isBlank()) {
      Arrays.stream(column.split(",")).map(String::strip).map(PenaltyType::valueOf).forEach(types::add);
    }
    return types;
  }
}
