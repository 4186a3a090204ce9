#pragma once
/// @file error.h
/// The one exception type core/ throws for bad input and failed operations.

#include <stdexcept>
#include <string>

namespace poisonlab {

/// A user-facing error: the message names the file or field and the problem.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Thrown when a long operation stops because its CancelToken was set.
class Cancelled : public Error {
 public:
  Cancelled() : Error("cancelled") {}
};

}  // namespace poisonlab
