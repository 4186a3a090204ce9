#pragma once
/// @file fuzz_support.h
/// What every fuzz target shares: a private scratch folder to write an input's files into,
/// a way to cut one input into several files, and the rule for what counts as a finding.
///
/// The rule: a parser given hostile bytes may only throw poisonlab::Error (the program's one
/// way of saying "this file is bad", with a message naming it). Any other exception (a JSON
/// library's, LibTorch's, std::out_of_range, std::bad_alloc), like any crash, sanitizer report
/// or hang, is a finding: the target aborts and libFuzzer keeps the input.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset.h"

namespace poisonlab::fuzz {

/// This process's scratch folder (under $TMPDIR, /dev/shm when it exists), emptied by
/// freshScratch() before each input and removed when the process exits.
std::string freshScratch();

/// Writes `bytes` to `path`, creating its parent folders.
void writeFile(const std::string& path, std::string_view bytes);

/// Cuts an input into pieces at each "\n%%FILE%%\n" (dropped; a piece ends before it):
/// one input then holds several files (experiment.json and poison.csv, a JSON record and its
/// CSV), and stays easy to write by hand for the seed corpus.
std::vector<std::string_view> splitFiles(std::string_view input);

/// A small data set made in memory (`train` images, `test` images, ten classes, labels in
/// turn, pixels from a fixed formula) for run files to be opened against.
const Dataset& smallDataset(std::size_t train = 60, std::size_t test = 20);

/// Aborts unless a loaded data set holds together: whole images, a label per image, labels
/// within its classes.
void checkDataset(const Dataset& ds);

/// Runs `fn`; returns normally when it succeeds or throws poisonlab::Error; prints and aborts
/// on any other exception.
template <class F>
void expectErrorOnly(const char* what, F&& fn);

/// POISONLAB_FUZZ_VERBOSE=1: each reader says whether it accepted the input or what it said.
bool verbose();

[[noreturn]] void reportForeignException(const char* what, const char* type, const char* message);

}  // namespace poisonlab::fuzz

#include <cstdio>
#include <exception>
#include <typeinfo>

#include "core/util/error.h"

template <class F>
void poisonlab::fuzz::expectErrorOnly(const char* what, F&& fn) {
  try {
    fn();
  } catch (const poisonlab::Error& e) {
    // The expected outcome for bad input: a message naming the file.
    if (verbose()) std::fprintf(stderr, "%s: Error: %s\n", what, e.what());
    return;
  } catch (const std::exception& e) {
    reportForeignException(what, typeid(e).name(), e.what());
  } catch (...) {
    reportForeignException(what, "unknown", "");
  }
  if (verbose()) std::fprintf(stderr, "%s: accepted\n", what);
}
