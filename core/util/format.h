#pragma once
/// @file format.h
/// Numbers as text for file names, CSV cells and messages.

#include <cmath>
#include <cstdio>
#include <string>

namespace poisonlab {

/// Shortest natural form ("%g"): 0.1, 10, 1e-05. For names and settings.
inline std::string formatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

/// Nine significant digits: for CSV cells that must round-trip scores.
inline std::string formatPrecise(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

/// A fraction as a percentage with two decimals ("93.70 %"), or "n/a" when unknown (NaN).
inline std::string formatPercent(double fraction) {
  if (std::isnan(fraction)) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f %%", 100.0 * fraction);
  return buf;
}

}  // namespace poisonlab
