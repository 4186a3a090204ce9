/// Fuzz target: a NumPy .npy file of features, read by the real reader.
#include <cstdlib>

#include "core/util/npy.h"
#include "fuzz/fuzz_support.h"

using namespace poisonlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = fuzz::freshScratch() + "/features.npy";
  fuzz::writeFile(path, {reinterpret_cast<const char*>(data), size});
  fuzz::expectErrorOnly("readNpy", [&] {
    const NpyMatrix m = readNpy(path);
    if (m.values.size() != m.rows * m.cols) std::abort();
  });
  return 0;
}
