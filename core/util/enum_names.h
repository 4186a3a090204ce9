#pragma once
/// @file enum_names.h
/// One table per enum gives its names both ways, with errors that list the accepted names.

#include <cstddef>
#include <string>

#include "core/util/error.h"

namespace poisonlab {

template <typename E>
struct EnumName {
  E value;
  const char* name;
};

template <typename E, std::size_t N>
const char* enumToString(const EnumName<E> (&table)[N], E value) {
  for (const auto& entry : table)
    if (entry.value == value) return entry.name;
  return "?";
}

/// Parses `text`; otherwise throws "FIELD: 'text' is not WHAT (a, b or c)".
template <typename E, std::size_t N>
E parseEnum(const EnumName<E> (&table)[N], const std::string& text, const std::string& field,
            const char* what) {
  std::string names;
  for (std::size_t i = 0; i < N; ++i) {
    if (text == table[i].name) return table[i].value;
    names += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(table[i].name);
  }
  throw Error(field + ": '" + text + "' is not " + what + " (" + names + ")");
}

}  // namespace poisonlab
