#pragma once
/// @file error.h
/// The one exception type core/ throws for bad input and failed operations.

#include <stdexcept>
#include <string>
#include <utility>

namespace poisonlab {

/// A user-facing error: the message names the file or field and the problem. A settings
/// error also carries the field as a value ("trigger.row", "poison.count", "train.epochs",
/// "model.arch"...), so a form marks the right input without reading the English text.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  Error(const std::string& message, std::string field)
      : std::runtime_error(message), field_(std::move(field)) {}
  /// The settings field at fault; empty when the error is not about one.
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

/// Thrown when a long operation stops because its CancelToken was set.
class Cancelled : public Error {
 public:
  Cancelled() : Error("cancelled") {}
};

}  // namespace poisonlab
