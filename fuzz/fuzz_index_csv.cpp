/// Fuzz target: a CSV of training indices (a forget set the user brings, or a detector's
/// flagged column), read by the real reader against a training set of 60 samples, both as a
/// plain list and keeping flagged rows only.
#include <cstdlib>

#include "core/unlearn/forget_set.h"
#include "fuzz/fuzz_support.h"

using namespace poisonlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = fuzz::freshScratch() + "/forget.csv";
  fuzz::writeFile(path, {reinterpret_cast<const char*>(data), size});
  for (bool flaggedOnly : {false, true}) {
    fuzz::expectErrorOnly("readIndexCsv", [&] {
      const auto indices = readIndexCsv(path, 60, flaggedOnly);
      // Ascending, unique and below the limit, as documented.
      for (std::size_t i = 0; i < indices.size(); ++i) {
        if (indices[i] < 0 || indices[i] >= 60) std::abort();
        if (i > 0 && indices[i] <= indices[i - 1]) std::abort();
      }
    });
  }
  return 0;
}
